package memstore

import (
	"context"
	"slices"
	"time"

	"github.com/parley-chat/parley/domain"
)

// eventStream is one recipient's retained events and the last seq handed
// out; the retained seqs are contiguous and end at last.
type eventStream struct {
	events []domain.Event
	last   int64
}

// appendEvent records d for its recipients, under the write lock of the
// change it describes, so the event exists exactly when the change does.
// Callers hold s.mu.
func (s *Store) appendEvent(d domain.EventDraft) {
	recipients := slices.Clone(d.Recipients)
	slices.SortFunc(recipients, func(a, b domain.ID) int { return slices.Compare(a[:], b[:]) })
	recipients = slices.Compact(recipients)
	now := domain.Timestamp(time.Now())
	for _, user := range recipients {
		st := s.streams[user]
		if st == nil {
			st = &eventStream{}
			s.streams[user] = st
		}
		st.last++
		st.events = append(st.events, domain.Event{
			Seq: st.last, Recipient: user, Name: d.Name,
			ChatID: d.ChatID, SubjectID: d.SubjectID, OccurredAt: now,
		})
	}
	if s.eventHook != nil && len(recipients) > 0 {
		s.eventHook(recipients)
	}
}

// appendChatEvent records d for every member of d.ChatID. Callers hold s.mu.
func (s *Store) appendChatEvent(d domain.EventDraft) {
	for _, m := range s.memberships[d.ChatID] {
		d.Recipients = append(d.Recipients, m.UserID)
	}
	s.appendEvent(d)
}

// SetEventHook makes the store call hook with the recipients of every
// event as the change is made. The hook runs under the store's lock: it
// must not block nor call the store (the event hub only signals). Set it
// before serving; nil turns it off.
func (s *Store) SetEventHook(hook func(recipients []domain.ID)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eventHook = hook
}

// EventLog reads and purges a Store's events.
type EventLog struct {
	s *Store
}

var _ domain.EventLog = (*EventLog)(nil)

// NewEventLog returns the event log of s.
func NewEventLog(s *Store) *EventLog { return &EventLog{s: s} }

// After returns up to limit events of recipient after seq, in order.
func (l *EventLog) After(ctx context.Context, recipient domain.ID, after int64, limit int) ([]domain.Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l.s.mu.RLock()
	defer l.s.mu.RUnlock()
	st := l.s.streams[recipient]
	if st == nil || len(st.events) == 0 || limit <= 0 {
		return nil, nil
	}
	from := max(after-st.events[0].Seq+1, 0)
	if from >= int64(len(st.events)) {
		return nil, nil
	}
	end := min(from+int64(limit), int64(len(st.events)))
	return slices.Clone(st.events[from:end]), nil
}

// Horizon returns the oldest retained seq of recipient and the next seq.
func (l *EventLog) Horizon(ctx context.Context, recipient domain.ID) (oldest, next int64, err error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	l.s.mu.RLock()
	defer l.s.mu.RUnlock()
	st := l.s.streams[recipient]
	if st == nil {
		return 1, 1, nil
	}
	next = st.last + 1
	if len(st.events) == 0 {
		return next, next, nil
	}
	return st.events[0].Seq, next, nil
}

// Purge drops every event that occurred before cutoff.
func (l *EventLog) Purge(ctx context.Context, cutoff time.Time) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	var n int64
	for _, st := range l.s.streams {
		keep := 0
		for keep < len(st.events) && st.events[keep].OccurredAt.Before(cutoff) {
			keep++
		}
		n += int64(keep)
		st.events = slices.Clone(st.events[keep:])
	}
	return n, nil
}
