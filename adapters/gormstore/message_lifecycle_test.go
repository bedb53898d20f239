package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// TestWithdrawWaitsForABookmarkMove holds a bookmark move's transaction
// open after its chat lock, with the bookmark moved past the message and
// the count recounted to 0, and requires a withdrawal of that message to
// wait for it and then see the bookmark: the message was read, so no count
// drops. A withdrawal that ran beside the move would decide from a
// snapshot without the bookmark and take the message off a count that no
// longer holds it (see Messages.Withdraw). Afterwards the row keeps its
// times but not its text.
func TestWithdrawWaitsForABookmarkMove(t *testing.T) {
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
	msg, err := domain.NewMessage(agg.Chat.ID, ada.ID, "read, then withdrawn", now.Add(time.Second))
	require.NoError(t, err)
	require.NoError(t, gormstore.NewMessages(s).Post(ctx, msg))
	unread := func() int {
		var n int
		require.NoError(t, s.DB().Raw("SELECT unread_count FROM chat_memberships WHERE chat_id = ? AND user_id = ?", agg.Chat.ID, bob.ID).Scan(&n).Error)
		return n
	}
	require.Equal(t, 1, unread())

	tx := s.DB().WithContext(ctx).Begin()
	require.NoError(t, tx.Error)
	require.NoError(t, tx.Exec("SELECT id FROM chats WHERE id = ? FOR NO KEY UPDATE", agg.Chat.ID).Error)
	done := make(chan error, 1)
	go func() {
		_, err := gormstore.NewMessages(s).Withdraw(ctx, msg.Withdraw(now.Add(time.Minute)))
		done <- err
	}()
	testenv.Eventually(t, 10*time.Second, 10*time.Millisecond, func() bool {
		var waiting int
		require.NoError(t, s.DB().Raw("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"+
			" AND wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'").Scan(&waiting).Error)
		return waiting > 0
	}, "the withdrawal waits for the chat lock")
	select {
	case err := <-done:
		require.NoError(t, tx.Rollback().Error)
		t.Fatalf("the withdrawal did not wait for the open bookmark move (err %v)", err)
	default:
	}
	require.NoError(t, tx.Exec("INSERT INTO chat_bookmarks (chat_id, user_id, updated_at) VALUES (?, ?, ?)",
		agg.Chat.ID, bob.ID, msg.CreatedAt.Add(time.Second)).Error)
	require.NoError(t, tx.Exec("UPDATE chat_memberships SET unread_count = 0 WHERE chat_id = ? AND user_id = ?", agg.Chat.ID, bob.ID).Error)
	require.NoError(t, tx.Commit().Error)
	require.NoError(t, <-done)
	require.Equal(t, 0, unread(), "a message read before its withdrawal is taken off no count")

	var row struct {
		Content     string
		CreatedAt   time.Time
		DiscardedAt *time.Time
	}
	require.NoError(t, s.DB().Raw("SELECT content, created_at, discarded_at FROM messages WHERE id = ?", msg.ID).Scan(&row).Error)
	require.Empty(t, row.Content, "the text is erased")
	require.NotNil(t, row.DiscardedAt)
	require.True(t, msg.CreatedAt.Equal(row.CreatedAt), "the time is kept")
}
