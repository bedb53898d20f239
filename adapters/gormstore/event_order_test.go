package gormstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestConcurrentPostsReachAStreamInOrderOnce posts from several peers into
// several chats of one user at once, while a stream of that user follows.
// A seq that committed after a higher one had been delivered would be
// skipped; the stream must see 1..n exactly.
func TestConcurrentPostsReachAStreamInOrderOnce(t *testing.T) {
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			s := migrated(t, d, gormstore.Options{})
			ctx := context.Background()
			now := time.Now().UTC()
			acc, err := domain.NewAccount("Acme", now)
			require.NoError(t, err)
			ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
			require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(ctx, acc, ada))
			hub := application.NewEventHub(gormstore.NewEventLog(s), application.HubOptions{Buffer: 1000})
			t.Cleanup(hub.Close)
			s.SetEventHook(hub.Wake)

			const peers, posts = 4, 15
			chats := make([]domain.ID, peers)
			authors := make([]domain.ID, peers)
			for i := range peers {
				p := domain.NewUser(acc.ID, domain.UserDraft{Name: fmt.Sprint("P", i), Email: fmt.Sprintf("p%d@x.test", i)}, domain.RoleMember, "hash", now)
				require.NoError(t, gormstore.NewUsers(s).Create(ctx, p))
				agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: p.ID}, ada, now)
				require.NoError(t, err)
				require.NoError(t, gormstore.NewDirectConversations(s).Create(ctx, agg))
				chats[i], authors[i] = agg.Chat.ID, p.ID
			}
			stream, err := hub.Subscribe(ctx, ada.ID, nil)
			require.NoError(t, err)

			var wg sync.WaitGroup
			for i := range peers {
				wg.Go(func() {
					for j := range posts {
						msg, err := domain.NewMessage(chats[i], authors[i], fmt.Sprint(j), time.Now())
						if err == nil {
							err = gormstore.NewMessages(s).Post(ctx, msg)
						}
						if err != nil {
							t.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			for want := int64(peers + 1); want <= peers+peers*posts; want++ {
				select {
				case e, ok := <-stream.Events():
					require.True(t, ok, "stream ended: %v", stream.Err())
					require.Equal(t, want, e.Seq)
				case <-time.After(2 * time.Second):
					t.Fatalf("waiting for seq %d", want)
				}
			}
		})
	}
}
