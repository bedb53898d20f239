package application

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// PurgeEventTickets deletes tickets that expired unused.
type PurgeEventTickets struct {
	tickets domain.EventTicketRepository
	clock   Clock
}

// NewPurgeEventTickets returns the use case.
func NewPurgeEventTickets(tickets domain.EventTicketRepository, clock Clock) *PurgeEventTickets {
	return &PurgeEventTickets{tickets: tickets, clock: clock}
}

// Execute deletes the expired tickets.
func (uc *PurgeEventTickets) Execute(ctx context.Context) error {
	return uc.tickets.DeleteExpired(ctx, uc.clock.Now())
}
