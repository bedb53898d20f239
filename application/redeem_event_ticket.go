package application

import (
	"context"
	"errors"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// RedeemEventTicket turns a ticket into the claims of the token it was
// issued for, once (GET /events?ticket=…).
type RedeemEventTicket struct {
	tickets domain.EventTicketRepository
	auth    *Authenticate
	clock   Clock
}

// NewRedeemEventTicket returns the use case.
func NewRedeemEventTicket(tickets domain.EventTicketRepository, auth *Authenticate, clock Clock) *RedeemEventTicket {
	return &RedeemEventTicket{tickets: tickets, auth: auth, clock: clock}
}

// Execute uses up the ticket whose secret is given. An unknown, used or
// expired ticket, and one whose token was revoked since, are
// domain.ErrUnauthenticated alike.
func (uc *RedeemEventTicket) Execute(ctx context.Context, secret string) (TokenClaims, error) {
	if secret == "" {
		return TokenClaims{}, fmt.Errorf("empty ticket: %w", domain.ErrUnauthenticated)
	}
	t, err := uc.tickets.Redeem(ctx, ticketHash(secret), uc.clock.Now())
	if errors.Is(err, domain.ErrNotFound) {
		return TokenClaims{}, fmt.Errorf("unknown, used or expired ticket: %w", domain.ErrUnauthenticated)
	} else if err != nil {
		return TokenClaims{}, fmt.Errorf("redeem event ticket: %w", err)
	}
	claims := TokenClaims{Actor: t.Actor, ID: t.TokenID, IssuedAt: t.TokenIssuedAt, ExpiresAt: t.TokenExpiresAt}
	if err := uc.auth.Recheck(claims); err != nil {
		return TokenClaims{}, err
	}
	return claims, nil
}
