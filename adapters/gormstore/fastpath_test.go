package gormstore_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
)

// TestFastPathDecodesByName reads the same view with its columns in reverse
// order and requires the same answer, and one column short an error: the
// PostgreSQL fast path finds columns by name, not by position.
func TestFastPathDecodesByName(t *testing.T) {
	s := migrated(t, gormstore.DialectPostgres, gormstore.Options{})
	actor := seedPair(t, s)
	ctx := context.Background()
	want, err := gormstore.NewDirectConversationReads(s).List(ctx, actor, application.DirectConversationQuery{
		ListQuery: application.ListQuery{Size: 20, Sort: application.DirectConversationListSchema.DefaultSort},
	})
	require.NoError(t, err)
	require.Len(t, want, 1)
	require.NotEmpty(t, want[0].SecondUser.Email)
	where := "\nWHERE m.user_id = ? AND c.account_id = ?"
	got, err := gormstore.QueryViewsFast(ctx, s, gormstore.ViewSelectReversed(false)+where, actor.UserID, actor.AccountID)
	require.NoError(t, err)
	require.Equal(t, want, got)
	_, err = gormstore.QueryViewsFast(ctx, s, gormstore.ViewSelectReversed(true)+where, actor.UserID, actor.AccountID)
	require.ErrorContains(t, err, "columns")
}

// TestViewsSelectOnlyWhatTheyShow checks every view and list statement on
// both dialects for columns no answer shows.
func TestViewsSelectOnlyWhatTheyShow(t *testing.T) {
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			var mu sync.Mutex
			var statements []string
			s := migrated(t, d, gormstore.Options{OnStatement: func(sql string) {
				mu.Lock()
				defer mu.Unlock()
				statements = append(statements, sql)
			}})
			actor := seedPair(t, s)
			ctx := context.Background()
			mu.Lock()
			statements = nil
			mu.Unlock()
			convs := gormstore.NewDirectConversationReads(s)
			list, err := convs.List(ctx, actor, application.DirectConversationQuery{SearchPeer: "pe",
				ListQuery: application.ListQuery{Size: 20, Sort: application.DirectConversationListSchema.DefaultSort}})
			require.NoError(t, err)
			require.Len(t, list, 1)
			_, err = convs.Get(ctx, actor, list[0].Conversation.ID)
			require.NoError(t, err)
			_, err = gormstore.NewUserReads(s).List(ctx, actor, application.ListQuery{Size: 20, Sort: application.UserListSchema.DefaultSort})
			require.NoError(t, err)
			_, err = gormstore.NewMessageReads(s).List(ctx, list[0].Chat.ID, application.ListQuery{Size: 20, Sort: application.MessageListSchema.DefaultSort})
			require.NoError(t, err)
			mu.Lock()
			defer mu.Unlock()
			require.Len(t, statements, 4)
			for _, sql := range statements {
				select_, _, _ := strings.Cut(sql, "FROM")
				for _, col := range []string{"password_hash", "name_folded", "email_key", "user_low_id", "user_high_id", "*"} {
					require.NotContains(t, select_, col, sql)
				}
			}
		})
	}
}
