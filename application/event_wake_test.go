package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func ids(n int) []domain.ID {
	out := make([]domain.ID, n)
	for i := range out {
		out[i] = domain.NewID()
	}
	return out
}

// decode collects what DeliverWake reports for payloads; nil stands for
// "every stream".
func decode(self string, payloads []string) (got []domain.ID, all int) {
	for _, p := range payloads {
		application.DeliverWake(self, p, func(r []domain.ID) {
			if r == nil {
				all++
			}
			got = append(got, r...)
		})
	}
	return got, all
}

func TestWakePayloadsStayUnderNotifyLimitAndRoundTrip(t *testing.T) {
	recipients := ids(500)
	payloads := application.EncodeWake("origin-a", recipients, false)
	require.Len(t, payloads, 3)
	for _, p := range payloads {
		require.LessOrEqual(t, len(p), application.MaxWakePayload)
	}
	got, all := decode("origin-b", payloads)
	require.Zero(t, all)
	require.Equal(t, recipients, got)
}

func TestWakePayloadFallsBackToWakeAll(t *testing.T) {
	_, all := decode("b", application.EncodeWake("a", ids(5000), false))
	require.Equal(t, 1, all, "too many recipients for a few payloads is one wake-all")
	_, all = decode("b", application.EncodeWake("a", nil, true))
	require.Equal(t, 1, all)
	_, all = decode("b", []string{"a|not-an-id"})
	require.Equal(t, 1, all, "a payload that does not parse wakes everyone rather than no one")
}

func TestWakePayloadOfOwnOriginIsIgnored(t *testing.T) {
	got, all := decode("a", application.EncodeWake("a", ids(3), false))
	require.Empty(t, got)
	require.Zero(t, all)
	got, all = decode("a", []string{"garbage without a separator"})
	require.Empty(t, got)
	require.Zero(t, all)
}

func TestWakeRelayPublishesCommittedRecipients(t *testing.T) {
	published := make(chan string, 16)
	relay := application.NewWakeRelay(func(_ context.Context, payload string) error {
		published <- payload
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { defer close(done); relay.Run(ctx) }()

	want := ids(2)
	relay.Notify(want)
	var got []domain.ID
	for len(got) < len(want) {
		select {
		case p := <-published:
			more, all := decode("other", []string{p})
			require.Zero(t, all)
			got = append(got, more...)
		case <-time.After(2 * time.Second):
			t.Fatal("the relay published nothing")
		}
	}
	require.ElementsMatch(t, want, got)
	got, _ = decode(relay.Origin(), []string{application.EncodeWake(relay.Origin(), want, false)[0]})
	require.Empty(t, got, "the relay's own replica skips its payloads")
	cancel()
	<-done
}
