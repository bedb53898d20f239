package domain

import (
	"context"
	"time"
)

// EventTicketLifetime is how long an event ticket may wait to be redeemed.
const EventTicketLifetime = 60 * time.Second

// EventTicket lets a client that cannot send headers (a browser's
// EventSource) open its event stream: it is issued to a bearer of a valid
// token and stands in for that token once. Only a hash of the ticket's
// secret is stored, so a leaked table holds nothing that opens a stream.
//
// The ticket remembers the token it was issued for (Token*), so that the
// stream it opens ends when that token is revoked or expires, as a stream
// opened with the token itself would.
type EventTicket struct {
	Hash           string // hex SHA-256 of the secret the client holds
	Actor          Actor
	TokenID        string
	TokenIssuedAt  time.Time
	TokenExpiresAt time.Time
	ExpiresAt      time.Time
}

// EventTicketRepository keeps tickets between their issue and their single
// use, on whichever replica the client redeems them.
type EventTicketRepository interface {
	// Save stores t.
	Save(ctx context.Context, t EventTicket) error
	// Redeem removes and returns the ticket with hash when it expires after
	// now. A ticket is returned at most once, however many redeem it at the
	// same time; ErrNotFound means unknown, used or expired alike.
	Redeem(ctx context.Context, hash string, now time.Time) (EventTicket, error)
	// DeleteExpired removes tickets that expired before now.
	DeleteExpired(ctx context.Context, now time.Time) error
}
