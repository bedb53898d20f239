package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/domain"
)

// TestBookmarkMoveWaitsForAPost holds a post's transaction open after its
// first statement (the chat update every post begins with) and requires a
// bookmark move of that chat to wait for it, then to count its message. A
// move that ran beside the post could recount from a snapshot without the
// message and overwrite the post's increment (see ChatBookmarks.Move).
func TestBookmarkMoveWaitsForAPost(t *testing.T) {
	s := migrated(t, gormstore.DialectPostgres, gormstore.Options{})
	ctx := context.Background()
	now := time.Now().UTC()
	acc, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(ctx, acc, ada))
	bob := domain.NewUser(acc.ID, domain.UserDraft{Name: "Bob", Email: "bob@x.test"}, domain.RoleMember, "hash", now)
	require.NoError(t, gormstore.NewUsers(s).Create(ctx, bob))
	agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: ada.ID}, bob, now)
	require.NoError(t, err)
	require.NoError(t, gormstore.NewDirectConversations(s).Create(ctx, agg))

	tx := s.DB().WithContext(ctx).Begin()
	require.NoError(t, tx.Error)
	require.NoError(t, tx.Exec("UPDATE chats SET updated_at = updated_at WHERE id = ?", agg.Chat.ID).Error)

	bookmark := domain.ChatBookmark{ChatID: agg.Chat.ID, UserID: bob.ID, UpdatedAt: domain.Timestamp(now)}
	done := make(chan error, 1)
	go func() {
		_, _, err := gormstore.NewChatBookmarks(s).Move(ctx, acc.ID, bookmark)
		done <- err
	}()
	select {
	case err := <-done:
		require.NoError(t, tx.Rollback().Error)
		t.Fatalf("the move did not wait for the open post (err %v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	msg, err := domain.NewMessage(agg.Chat.ID, ada.ID, "after the bookmark", now.Add(time.Second))
	require.NoError(t, err)
	require.NoError(t, tx.Exec("INSERT INTO messages (id, chat_id, author_id, content, created_at) VALUES (?, ?, ?, ?, ?)",
		msg.ID, msg.ChatID, msg.AuthorID, msg.Content, msg.CreatedAt).Error)
	require.NoError(t, tx.Exec("UPDATE chat_memberships SET unread_count = unread_count + 1 WHERE chat_id = ? AND user_id = ?", agg.Chat.ID, bob.ID).Error)
	require.NoError(t, tx.Commit().Error)
	require.NoError(t, <-done)

	var count int
	require.NoError(t, s.DB().Raw("SELECT unread_count FROM chat_memberships WHERE chat_id = ? AND user_id = ?", agg.Chat.ID, bob.ID).Scan(&count).Error)
	require.Equal(t, 1, count, "the recount after the post sees its message")
}
