package gormstore

import (
	"context"
	"database/sql"
	"time"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// EventLog reads and purges the outbox that the aggregate writes append to
// (event_outbox.go).
type EventLog struct {
	s *Store
}

var _ domain.EventLog = (*EventLog)(nil)

// NewEventLog returns the event log of s.
func NewEventLog(s *Store) *EventLog { return &EventLog{s: s} }

// loggedEvent is one recipient row joined with its event.
type loggedEvent struct {
	Seq        int64     `gorm:"column:seq"`
	UserID     domain.ID `gorm:"column:user_id"`
	Name       string    `gorm:"column:name"`
	ChatID     domain.ID `gorm:"column:chat_id"`
	SubjectID  domain.ID `gorm:"column:subject_id"`
	OccurredAt dbTime    `gorm:"column:occurred_at"`
}

// After returns up to limit events of recipient after seq, walking the
// recipients' primary key.
func (l *EventLog) After(ctx context.Context, recipient domain.ID, after int64, limit int) ([]domain.Event, error) {
	ctx, cancel := l.s.bound(ctx)
	defer cancel()
	var rows []loggedEvent
	err := l.s.conn(ctx).Raw("SELECT r.seq, r.user_id, e.name, e.chat_id, e.subject_id, e.occurred_at"+
		" FROM event_recipients r JOIN events e ON e.id = r.event_id"+
		" WHERE r.user_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?", recipient, after, limit).Scan(&rows).Error
	if err != nil {
		return nil, translate("read events", err)
	}
	out := make([]domain.Event, len(rows))
	for i, r := range rows {
		out[i] = domain.Event{
			Seq: r.Seq, Recipient: r.UserID, Name: domain.EventName(r.Name),
			ChatID: r.ChatID, SubjectID: r.SubjectID, OccurredAt: r.OccurredAt.Time,
		}
	}
	return out, nil
}

// Horizon returns the oldest retained seq of recipient and the seq its next
// event will get.
func (l *EventLog) Horizon(ctx context.Context, recipient domain.ID) (oldest, next int64, err error) {
	ctx, cancel := l.s.bound(ctx)
	defer cancel()
	var h struct {
		Oldest sql.NullInt64 `gorm:"column:oldest"`
		Last   sql.NullInt64 `gorm:"column:last"`
	}
	err = l.s.conn(ctx).Raw("SELECT (SELECT min(seq) FROM event_recipients WHERE user_id = ?) AS oldest,"+
		" (SELECT last_seq FROM event_streams WHERE user_id = ?) AS last", recipient, recipient).Scan(&h).Error
	if err != nil {
		return 0, 0, translate("read event horizon", err)
	}
	next = h.Last.Int64 + 1
	if !h.Oldest.Valid {
		return next, next, nil
	}
	return h.Oldest.Int64, next, nil
}

// Purge deletes the events that occurred before cutoff with their recipient
// rows, in one transaction.
func (l *EventLog) Purge(ctx context.Context, cutoff time.Time) (int64, error) {
	ctx, cancel := l.s.bound(ctx)
	defer cancel()
	var n int64
	err := l.s.transaction(ctx, func(tx *gorm.DB) error {
		// SQLite enforces no foreign keys unless asked, so the recipient rows
		// go explicitly rather than by the cascade.
		res := tx.Exec("DELETE FROM event_recipients WHERE event_id IN (SELECT id FROM events WHERE occurred_at < ?)", at(cutoff))
		if res.Error != nil {
			return res.Error
		}
		n = res.RowsAffected
		return tx.Exec("DELETE FROM events WHERE occurred_at < ?", at(cutoff)).Error
	})
	if err != nil {
		return 0, translate("purge events", err)
	}
	return n, nil
}
