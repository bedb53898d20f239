package gormstore_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestStatementCounts pins how many statements each read sends: one per
// list page or view, whatever the page holds, so reads never grow with N.
func TestStatementCounts(t *testing.T) {
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			var statements atomic.Int64
			s := migrated(t, d, gormstore.Options{OnStatement: func(string) { statements.Add(1) }})
			ctx := context.Background()
			now := time.Now()
			acc, err := domain.NewAccount("Acme", now)
			require.NoError(t, err)
			ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
			require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(ctx, acc, ada))
			actor := domain.Actor{AccountID: acc.ID, UserID: ada.ID, Role: ada.Role}
			var last domain.DirectConversationAggregate
			for i := range 5 {
				peer := domain.NewUser(acc.ID, domain.UserDraft{Name: "Peer", Email: string(rune('a'+i)) + "@x.test"}, domain.RoleMember, "hash", now)
				require.NoError(t, gormstore.NewUsers(s).Create(ctx, peer))
				last, err = domain.StartDirectConversation(actor, peer, now)
				require.NoError(t, err)
				require.NoError(t, gormstore.NewDirectConversations(s).Create(ctx, last))
				msg, err := domain.NewMessage(last.Chat.ID, ada.ID, "hello", now.Add(time.Duration(i)*time.Second))
				require.NoError(t, err)
				require.NoError(t, gormstore.NewMessages(s).Post(ctx, msg))
			}
			convs := gormstore.NewDirectConversationReads(s)
			count := func(name string, want int64, read func() error) {
				t.Helper()
				statements.Store(0)
				require.NoError(t, read())
				require.Equal(t, want, statements.Load(), name)
			}
			count("list direct conversations", 1, func() error {
				q := application.DirectConversationQuery{SearchPeer: "pe", ListQuery: application.ListQuery{
					Size: 2, Sort: application.DirectConversationListSchema.DefaultSort,
					Filters: []application.Filter{{Field: "created_at", Type: application.TimeField, Op: application.OpLte, Values: []any{now}}},
					After:   &application.Keyset{Values: []any{now.Add(time.Hour)}, ID: domain.NewID()},
				}}
				items, err := convs.List(ctx, actor, q)
				require.Len(t, items, 3)
				return err
			})
			count("get direct conversation", 1, func() error {
				_, err := convs.Get(ctx, actor, last.Conversation.ID)
				return err
			})
			count("get direct conversation with peer", 1, func() error {
				_, err := convs.GetWithPeer(ctx, actor, last.Conversation.SecondUserID)
				return err
			})
			count("get chat", 2, func() error {
				_, err := gormstore.NewChatReads(s).Get(ctx, actor, last.Chat.ID)
				return err
			})
			count("list messages", 1, func() error {
				_, err := gormstore.NewMessageReads(s).List(ctx, last.Chat.ID, application.ListQuery{Size: 10, Sort: application.MessageListSchema.DefaultSort})
				return err
			})
			count("list users", 1, func() error {
				_, err := gormstore.NewUserReads(s).List(ctx, actor, application.ListQuery{Size: 10, Sort: application.UserListSchema.DefaultSort})
				return err
			})
		})
	}
}
