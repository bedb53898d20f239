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

// TestReadStateStatementCounts pins the statements of the read-state reads:
// one for the unread totals and the unread-only page, and one per kind of
// included detail for a whole page, whatever it holds.
func TestReadStateStatementCounts(t *testing.T) {
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
			for i := range 5 {
				peer := domain.NewUser(acc.ID, domain.UserDraft{Name: "Peer", Email: string(rune('a'+i)) + "@x.test"}, domain.RoleMember, "hash", now)
				require.NoError(t, gormstore.NewUsers(s).Create(ctx, peer))
				agg, err := domain.StartDirectConversation(actor, peer, now)
				require.NoError(t, err)
				require.NoError(t, gormstore.NewDirectConversations(s).Create(ctx, agg))
				for j, author := range []domain.ID{ada.ID, peer.ID} {
					msg, err := domain.NewMessage(agg.Chat.ID, author, "hello", now.Add(time.Duration(i)*time.Second+time.Duration(j)*time.Millisecond))
					require.NoError(t, err)
					require.NoError(t, gormstore.NewMessages(s).Post(ctx, msg))
				}
			}
			count := func(name string, want int64, read func() error) {
				t.Helper()
				statements.Store(0)
				require.NoError(t, read())
				require.Equal(t, want, statements.Load(), name)
			}
			var page []application.DirectConversationView
			count("list unread direct conversations", 1, func() error {
				page, err = gormstore.NewDirectConversationReads(s).List(ctx, actor, application.DirectConversationQuery{UnreadOnly: true,
					ListQuery: application.ListQuery{Size: 20, Sort: application.DirectConversationListSchema.DefaultSort}})
				return err
			})
			require.Len(t, page, 5)
			count("unread counts", 1, func() error {
				n, m, err := gormstore.NewUnreadCounts(s).DirectConversations(ctx, actor)
				require.Equal(t, []int{5, 5}, []int{n, m})
				return err
			})
			count("latest messages and bookmarks of a page", 2, func() error {
				err := application.NewLoadConversationDetails(gormstore.NewConversationDetails(s)).Execute(ctx, actor, page,
					application.ConversationDetails{LatestMessage: true, Bookmark: true})
				for _, v := range page {
					require.NotNil(t, v.LatestMessage)
					require.NotNil(t, v.Bookmark)
					// The peer's message, a millisecond after Ada's, is the
					// latest; Ada's post moved her bookmark to her own.
					m := v.LatestMessage
					require.Equal(t, []any{v.Chat.ID, v.SecondUser.ID, "hello", v.SecondUser.ID, "Peer", domain.RoleMember},
						[]any{m.Message.ChatID, m.Message.AuthorID, m.Message.Content, m.Author.ID, m.Author.Name, m.Author.Role})
					require.Equal(t, *v.Chat.LatestMessageID, m.Message.ID)
					require.Equal(t, []domain.ID{v.Chat.ID, ada.ID}, []domain.ID{v.Bookmark.ChatID, v.Bookmark.UserID})
					require.True(t, v.Bookmark.UpdatedAt.Before(m.Message.CreatedAt), "%v %v", v.Bookmark.UpdatedAt, m.Message.CreatedAt)
				}
				return err
			})
			count("find bookmark", 1, func() error {
				_, err := gormstore.NewChatBookmarks(s).Find(ctx, acc.ID, page[0].Chat.ID, ada.ID)
				return err
			})
		})
	}
}
