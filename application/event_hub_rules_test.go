package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

func TestEventHubDeliversInOrderOnce(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{})
	s, err := w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.NoError(t, err)
	require.False(t, s.Reset())
	requireQuiet(t, s) // without Last-Event-ID the past is not replayed
	ids := w.post(t, 30)
	evs := receive(t, s, 30)
	require.Equal(t, ids, subjects(evs))
	for i, e := range evs {
		require.Equal(t, int64(i+2), e.Seq, "seq 1 is the conversation's creation")
	}
	requireQuiet(t, s)
	w.hub.WakeAll()
	requireQuiet(t, s) // a wake-up without news delivers nothing twice
}

func TestEventHubReplaysAfterLastEventID(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{})
	ids := w.post(t, 3)
	last := int64(2) // saw the creation and the first message
	s, err := w.hub.Subscribe(context.Background(), w.bob.ID, &last)
	require.NoError(t, err)
	require.False(t, s.Reset())
	require.Equal(t, ids[1:], subjects(receive(t, s, 2)))
	requireQuiet(t, s)

	future := int64(99)
	s2, err := w.hub.Subscribe(context.Background(), w.bob.ID, &future)
	require.NoError(t, err)
	require.True(t, s2.Reset(), "an id this log never gave out means refetch")
	requireQuiet(t, s2)
}

func TestEventHubRefusesTheEleventhStream(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	for range 10 {
		_, err := w.hub.Subscribe(ctx, w.bob.ID, nil)
		require.NoError(t, err)
	}
	_, err := w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.ErrorIs(t, err, application.ErrTooManyStreams)
	other, err := w.hub.Subscribe(context.Background(), w.ada.ID, nil)
	require.NoError(t, err, "the limit is per user")
	other.Close()

	cancel()
	require.Eventually(t, func() bool { return w.hub.Open(w.bob.ID) == 0 }, time.Second, 5*time.Millisecond)
	require.Eventually(t, func() bool { return w.metrics.closedBy(application.CauseClient) == 11 }, time.Second, 5*time.Millisecond,
		"ten cancelled and one closed stream ended by the client")
	_, err = w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.NoError(t, err, "ended streams free their slots")
}

func TestEventHubDropsASlowReader(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{Buffer: 4, SlowReaderWait: 20 * time.Millisecond})
	slow, err := w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.NoError(t, err)
	fast, err := w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.NoError(t, err)
	for range 10 {
		ids := w.post(t, 1)
		require.Equal(t, ids, subjects(receive(t, fast, 1)), "a reader keeping up gets everything")
	}

	// Read nothing until the stream has overflowed: a reader draining while
	// the stream still fills could take more than the buffer in total.
	require.Eventually(t, func() bool { return w.metrics.closedBy(application.CauseSlow) == 1 }, time.Second, 5*time.Millisecond)
	n := 0
	for range slow.Events() { // closed once the buffer overflowed
		n++
	}
	require.LessOrEqual(t, n, 4, "never more than the buffer is held")
	require.ErrorIs(t, slow.Err(), application.ErrSlowReader)
	require.Equal(t, 1, w.metrics.closedBy(application.CauseSlow))
}

func TestEventHubCloseEndsStreams(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{})
	s, err := w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.NoError(t, err)
	w.hub.Close()
	_, ok := <-s.Events()
	require.False(t, ok)
	require.ErrorIs(t, s.Err(), application.ErrHubClosed)
	_, err = w.hub.Subscribe(context.Background(), w.bob.ID, nil)
	require.ErrorIs(t, err, application.ErrHubClosed)
}

func TestPurgeEventsKeepsTheRetention(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{})
	w.post(t, 2)
	clock := newTestClock()
	clock.now = time.Now().UTC()
	log := w.log
	n, err := application.NewPurgeEvents(log, clock, time.Hour).Execute(context.Background())
	require.NoError(t, err)
	require.Zero(t, n)
	clock.now = clock.now.Add(2 * time.Hour)
	n, err = application.NewPurgeEvents(log, clock, time.Hour).Execute(context.Background())
	require.NoError(t, err)
	require.Equal(t, int64(6), n, "a creation and two posts, to both participants")

	seen := int64(1)
	s, err := w.hub.Subscribe(context.Background(), w.bob.ID, &seen)
	require.NoError(t, err)
	require.True(t, s.Reset(), "a client behind the purge must refetch")
}

func TestEventHubReplaysMoreThanItsBuffer(t *testing.T) {
	w := newHubWorld(t, application.HubOptions{Buffer: 4, Batch: 3, SlowReaderWait: time.Second})
	ids := w.post(t, 25)
	// Seq 1 is the conversation's start, so 1 replays every post. The
	// reader takes them one by one while the stream waits for room.
	seen := int64(1)
	s, err := w.hub.Subscribe(context.Background(), w.bob.ID, &seen)
	require.NoError(t, err)
	require.False(t, s.Reset())
	require.Equal(t, ids, subjects(receive(t, s, 25)), "a replay longer than the buffer arrives whole, in order")
	require.Zero(t, w.metrics.closedBy(application.CauseSlow))
}
