package gormstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestSlowStatementLog checks that slow statements are reported at warn with
// their SQL but never with the values bound to it.
func TestSlowStatementLog(t *testing.T) {
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			core, logs := observer.New(zapcore.DebugLevel)
			s := migrated(t, d, gormstore.Options{Logger: zap.New(core), SlowQueryThreshold: time.Nanosecond})
			acc, err := domain.NewAccount("Acme", time.Now())
			require.NoError(t, err)
			const secret = "$2a$10$secret-password-hash"
			u := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, secret, time.Now())
			require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(context.Background(), acc, u))

			slow := logs.FilterMessage("slow database statement").All()
			require.NotEmpty(t, slow)
			for _, entry := range logs.All() {
				require.Equal(t, zapcore.WarnLevel, entry.Level)
				text := entry.Message + fmt.Sprint(entry.ContextMap())
				require.NotContains(t, text, secret)
				require.NotContains(t, text, "ada@x.test")
			}
			require.Regexp(t, "^INSERT INTO .users. ", fmt.Sprint(slow[len(slow)-1].ContextMap()["sql"]))
		})
	}
}

// TestLoggedStatementsAreClipped sends long in: lists, LIKE patterns and a
// search, on the ordinary and the fast path, slow and failing, and requires
// every logged statement to be at most 2 KiB plus a marker and to carry none
// of the values.
func TestLoggedStatementsAreClipped(t *testing.T) {
	const marker = " more bytes]"
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			for _, mode := range []string{"slow", "failed"} {
				t.Run(mode, func(t *testing.T) {
					core, logs := observer.New(zapcore.DebugLevel)
					opts := gormstore.Options{Logger: zap.New(core), SlowQueryThreshold: time.Hour}
					if mode == "slow" {
						opts.SlowQueryThreshold = time.Nanosecond
					}
					s := migrated(t, d, opts)
					actor := seedPair(t, s)
					ctx := context.Background()
					if mode == "failed" {
						cancelled, cancel := context.WithCancel(ctx)
						cancel()
						ctx = cancelled
					}
					in := make([]string, 900)
					for i := range in {
						in[i] = fmt.Sprintf("secret-in-%d", i)
					}
					q, err := application.UserListSchema.Parse(application.RawListQuery{Filters: []application.RawFilter{
						{Field: "name", Expr: "in:" + strings.Join(in, ",")},
						{Field: "email", Expr: "ct:secret-like-" + strings.Repeat("x", 3000)},
					}})
					require.NoError(t, err)
					_, err = gormstore.NewUserReads(s).List(ctx, actor, q)
					require.Equal(t, mode == "failed", err != nil)
					_, err = gormstore.NewDirectConversationReads(s).List(ctx, actor, application.DirectConversationQuery{
						ListQuery:  application.ListQuery{Size: 20, Sort: application.DirectConversationListSchema.DefaultSort},
						SearchPeer: "secret-search",
					})
					require.Equal(t, mode == "failed", err != nil)

					message := map[string]string{"slow": "slow database statement", "failed": "database statement failed"}[mode]
					clipped := 0
					for _, entry := range logs.FilterMessage(message).All() {
						sql := fmt.Sprint(entry.ContextMap()["sql"])
						require.NotContains(t, entry.Message+fmt.Sprint(entry.ContextMap()), "secret-")
						require.LessOrEqual(t, len(sql), 2048+len("… [999999")+len(marker), "logged statement too long")
						if strings.HasSuffix(sql, marker) {
							clipped++
							require.True(t, strings.HasPrefix(sql, "SELECT"), sql)
						}
					}
					require.Positive(t, clipped, "the long user list statement is logged clipped")
				})
			}
		})
	}
}

// seedPair creates an account with two users and a direct conversation
// between them, and returns the admin as actor.
func seedPair(t *testing.T, s *gormstore.Store) domain.Actor {
	t.Helper()
	ctx := context.Background()
	now := time.Now()
	acc, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	ada := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(ctx, acc, ada))
	peer := domain.NewUser(acc.ID, domain.UserDraft{Name: "Peer", Email: "peer@x.test"}, domain.RoleMember, "hash", now)
	require.NoError(t, gormstore.NewUsers(s).Create(ctx, peer))
	actor := domain.Actor{AccountID: acc.ID, UserID: ada.ID, Role: ada.Role}
	conv, err := domain.StartDirectConversation(actor, peer, now)
	require.NoError(t, err)
	require.NoError(t, gormstore.NewDirectConversations(s).Create(ctx, conv))
	return actor
}
