package httpapi

import (
	"context"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// noTickets keeps no ticket: every one redeemed is unknown.
type noTickets struct{}

func (noTickets) Save(context.Context, domain.EventTicket) error { return nil }

func (noTickets) Redeem(context.Context, string, time.Time) (domain.EventTicket, error) {
	return domain.EventTicket{}, domain.ErrNotFound
}

func (noTickets) DeleteExpired(context.Context, time.Time) error { return nil }

// closedHub refuses every stream, as a hub does while the server shuts
// down, so that no handler test can open a stream that never ends.
func closedHub() *application.EventHub {
	hub := application.NewEventHub(nil, application.HubOptions{})
	hub.Close()
	return hub
}
