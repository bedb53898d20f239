package gormstore

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/parley-chat/parley/domain"
)

// EventTickets keeps event tickets for every replica.
type EventTickets struct {
	s *Store
}

var _ domain.EventTicketRepository = (*EventTickets)(nil)

// NewEventTickets returns the event ticket repository of s.
func NewEventTickets(s *Store) *EventTickets { return &EventTickets{s: s} }

// Save stores t.
func (r *EventTickets) Save(ctx context.Context, t domain.EventTicket) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	row := eventTicketRowOf(t)
	return translate("save event ticket", r.s.conn(ctx).Create(&row).Error)
}

// Redeem deletes the unexpired ticket with hash and returns it. The delete
// is one statement with RETURNING, so of two concurrent redemptions only
// the one whose delete removed the row gets it.
func (r *EventTickets) Redeem(ctx context.Context, hash string, now time.Time) (domain.EventTicket, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var rows []eventTicketRow
	err := r.s.transaction(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.Returning{}).
			Where("hash = ? AND expires_at > ?", hash, at(now)).
			Delete(&rows).Error
	})
	if err != nil {
		return domain.EventTicket{}, translate("redeem event ticket", err)
	}
	if len(rows) == 0 {
		return domain.EventTicket{}, domain.ErrNotFound
	}
	return rows[0].domain(), nil
}

// DeleteExpired removes tickets that expired before now.
func (r *EventTickets) DeleteExpired(ctx context.Context, now time.Time) error {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	err := r.s.conn(ctx).Where("expires_at < ?", at(now)).Delete(&eventTicketRow{}).Error
	return translate("delete expired event tickets", err)
}
