package httpapi

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// sliceLog is an event log of one recipient's fixed events.
type sliceLog struct{ events []domain.Event }

func (l sliceLog) After(_ context.Context, _ domain.ID, after int64, limit int) ([]domain.Event, error) {
	var out []domain.Event
	for _, e := range l.events {
		if e.Seq > after && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func (l sliceLog) Horizon(context.Context, domain.ID) (int64, int64, error) {
	return l.events[0].Seq, l.events[len(l.events)-1].Seq + 1, nil
}

func (sliceLog) Purge(context.Context, time.Time) (int64, error) { return 0, nil }

// lockedRecorder lets the test read what the pump writes meanwhile.
type lockedRecorder struct {
	mu sync.Mutex
	*httptest.ResponseRecorder
}

func (r *lockedRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ResponseRecorder.Write(p)
}

func (r *lockedRecorder) body() string { r.mu.Lock(); defer r.mu.Unlock(); return r.Body.String() }

func TestPumpEventsReplaysAfterLastSeenThenEndsOnRevocation(t *testing.T) {
	user, m3 := domain.NewID(), domain.NewID()
	log := sliceLog{events: []domain.Event{
		{Seq: 3, Recipient: user, Name: domain.EventMessageCreated, SubjectID: m3},
		{Seq: 4, Recipient: user, Name: domain.EventChatBookmarkUpdated, SubjectID: user},
	}}
	hub := application.NewEventHub(log, application.HubOptions{})
	defer hub.Close()
	seen := int64(3)
	ctx := context.Background()
	s, err := hub.Subscribe(ctx, user, &seen)
	require.NoError(t, err)
	rec := &lockedRecorder{ResponseRecorder: httptest.NewRecorder()}
	revoked := errors.New("revoked")
	var calls int
	err = pumpEvents(ctx, newSSEWriter(rec), s, pumpOptions{retry: time.Second, heartbeat: 10 * time.Millisecond, recheck: 50 * time.Millisecond},
		func(_ context.Context, e domain.Event) ([]byte, error) {
			return []byte(`{"id":"` + e.SubjectID.String() + `"}`), nil
		},
		func(context.Context) error {
			if calls++; calls == 2 {
				return revoked
			}
			return nil
		})
	require.ErrorIs(t, err, revoked)
	body := rec.body()
	// Heartbeats may come before the replay on a loaded machine.
	events := strings.ReplaceAll(body, ": heartbeat\n\n", "")
	require.True(t, strings.HasPrefix(events, "retry: 1000\n\nid: 4\nevent: chat_bookmark.updated\ndata: {\"id\":\""+user.String()+"\"}\n\n"), body)
	require.NotContains(t, body, m3.String())
	require.NotContains(t, body, "event: reset")
	require.Contains(t, body, ": heartbeat\n\n")
}

func TestPumpEventsSendsResetForAStaleID(t *testing.T) {
	user := domain.NewID()
	log := sliceLog{events: []domain.Event{{Seq: 10, Recipient: user, Name: domain.EventMessageCreated, SubjectID: domain.NewID()}}}
	hub := application.NewEventHub(log, application.HubOptions{})
	defer hub.Close()
	stale := int64(2)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	s, err := hub.Subscribe(ctx, user, &stale)
	require.NoError(t, err)
	rec := &lockedRecorder{ResponseRecorder: httptest.NewRecorder()}
	err = pumpEvents(ctx, newSSEWriter(rec), s, pumpOptions{retry: time.Second, heartbeat: time.Hour, recheck: time.Hour},
		func(context.Context, domain.Event) ([]byte, error) { return []byte("{}"), nil },
		func(context.Context) error { return nil })
	require.Error(t, err)
	require.True(t, strings.HasPrefix(rec.body(), "retry: 1000\n\nevent: reset\ndata: {}\n\n"), rec.body())
}
