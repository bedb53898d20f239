package application

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/parley-chat/parley/domain"
)

// ticketSecretBytes is the entropy of a ticket: 256 bits, so that guessing
// one within its minute is hopeless.
const ticketSecretBytes = 32

// IssuedEventTicket is a ticket as its holder receives it: the secret, once.
type IssuedEventTicket struct {
	// ID names the ticket without revealing it: the hash that is stored.
	ID        string
	Secret    string
	ExpiresAt time.Time
}

// IssueEventTicket gives the bearer of a valid token a single-use ticket
// that opens their event stream (POST /event_tickets), for clients that
// cannot send an Authorization header.
type IssueEventTicket struct {
	tickets domain.EventTicketRepository
	clock   Clock
}

// NewIssueEventTicket returns the use case.
func NewIssueEventTicket(tickets domain.EventTicketRepository, clock Clock) *IssueEventTicket {
	return &IssueEventTicket{tickets: tickets, clock: clock}
}

// Execute stores a new ticket for the caller's token and returns it. It
// expires after domain.EventTicketLifetime, or with the token if sooner.
func (uc *IssueEventTicket) Execute(ctx context.Context, claims TokenClaims) (IssuedEventTicket, error) {
	raw := make([]byte, ticketSecretBytes)
	if _, err := rand.Read(raw); err != nil {
		return IssuedEventTicket{}, fmt.Errorf("draw ticket: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(raw)
	now := uc.clock.Now()
	expires := domain.Timestamp(now.Add(domain.EventTicketLifetime))
	if claims.ExpiresAt.Before(expires) {
		expires = domain.Timestamp(claims.ExpiresAt)
	}
	t := domain.EventTicket{
		Hash:           ticketHash(secret),
		Actor:          claims.Actor,
		TokenID:        claims.ID,
		TokenIssuedAt:  claims.IssuedAt,
		TokenExpiresAt: claims.ExpiresAt,
		ExpiresAt:      expires,
	}
	if err := uc.tickets.Save(ctx, t); err != nil {
		return IssuedEventTicket{}, fmt.Errorf("save event ticket: %w", err)
	}
	return IssuedEventTicket{ID: t.Hash, Secret: secret, ExpiresAt: expires}, nil
}

// ticketHash is what is stored of a ticket's secret.
func ticketHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
