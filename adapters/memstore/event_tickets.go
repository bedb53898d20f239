package memstore

import (
	"context"
	"time"

	"github.com/parley-chat/parley/domain"
)

var _ domain.EventTicketRepository = (*EventTickets)(nil)

// EventTickets keeps the event tickets of a Store.
type EventTickets struct {
	s *Store
}

// NewEventTickets returns the event ticket repository of s.
func NewEventTickets(s *Store) *EventTickets { return &EventTickets{s: s} }

// Save stores t.
func (r *EventTickets) Save(ctx context.Context, t domain.EventTicket) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	t.ExpiresAt = domain.Timestamp(t.ExpiresAt)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.s.tickets[t.Hash] = t
	return nil
}

// Redeem removes and returns the unexpired ticket with hash.
func (r *EventTickets) Redeem(ctx context.Context, hash string, now time.Time) (domain.EventTicket, error) {
	if err := ctx.Err(); err != nil {
		return domain.EventTicket{}, err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	t, ok := r.s.tickets[hash]
	if !ok || !t.ExpiresAt.After(now) {
		return domain.EventTicket{}, domain.ErrNotFound
	}
	delete(r.s.tickets, hash)
	return t, nil
}

// DeleteExpired removes tickets that expired before now.
func (r *EventTickets) DeleteExpired(ctx context.Context, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	for hash, t := range r.s.tickets {
		if t.ExpiresAt.Before(now) {
			delete(r.s.tickets, hash)
		}
	}
	return nil
}
