package contract_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestStartDirectConversationRace starts the same pair from 100 goroutines,
// from both sides: one conversation must come out, and every call must see it.
func TestStartDirectConversationRace(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		uc := application.NewStartDirectConversation(p.users, p.conversations, p.convReads, newClock())
		before := p.counts(t)

		const callers = 100
		ids := make([]domain.ID, callers)
		created := make([]bool, callers)
		errs := make([]error, callers)
		ready := make(chan struct{})
		var wg sync.WaitGroup
		for i := range callers {
			actor, peer := ada, bob
			if i%2 == 1 {
				actor, peer = bob, ada
			}
			wg.Go(func() {
				<-ready
				out, err := uc.Execute(context.Background(), application.StartDirectConversationInput{
					Actor: actorOf(actor), UserID: peer.ID.String(),
				})
				ids[i], created[i], errs[i] = out.View.Conversation.ID, out.Created, err
			})
		}
		close(ready)
		wg.Wait()

		winners := 0
		for i := range callers {
			require.NoError(t, errs[i], "call %d", i)
			require.Equal(t, ids[0], ids[i], "call %d", i)
			if created[i] {
				winners++
			}
		}
		require.Equal(t, 1, winners, "exactly one call creates the conversation")
		require.Equal(t, counts{
			Conversations: before.Conversations + 1, Chats: before.Chats + 1,
			Memberships: before.Memberships + 2, Messages: before.Messages,
		}, p.counts(t))
	})
}
