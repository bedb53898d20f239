package gormstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestListLeavesPlanModeAlone pins that the inbox list's generic-plan setting
// applies to its statement and does not outlive it, even when the statement
// fails on the server: the one pooled connection answers later statements
// with PostgreSQL's default plan choice again.
func TestListLeavesPlanModeAlone(t *testing.T) {
	s := migrated(t, gormstore.DialectPostgres, gormstore.Options{MaxOpenConns: 1})
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

	convs := gormstore.NewDirectConversationReads(s)
	q := application.DirectConversationQuery{ListQuery: application.ListQuery{
		Size: 20, Sort: application.DirectConversationListSchema.DefaultSort}}
	for range 7 {
		items, err := convs.List(ctx, actor, q)
		require.NoError(t, err)
		require.Len(t, items, 1)
		require.Equal(t, conv.Conversation.ID, items[0].Conversation.ID)
		require.Contains(t, []string{items[0].FirstUser.Name, items[0].SecondUser.Name}, peer.Name)
	}
	requirePlanMode(t, s, "auto")

	inside, err := gormstore.RunOnGenericPlan(ctx, s, "SELECT current_setting('plan_cache_mode')")
	require.NoError(t, err)
	require.Equal(t, []string{"force_generic_plan"}, inside, "the statement runs on its generic plan")
	requirePlanMode(t, s, "auto")

	// The division fails only while the statement executes, after the
	// setting ahead of it in the batch has taken effect on the server.
	_, err = gormstore.RunOnGenericPlan(ctx, s, "SELECT 1 / (length(?::text) - 1)", "x")
	require.ErrorContains(t, err, "division by zero")
	requirePlanMode(t, s, "auto")
}

// requirePlanMode checks the plan mode of the store's one connection.
func requirePlanMode(t *testing.T, s *gormstore.Store, want string) {
	t.Helper()
	var mode string
	require.NoError(t, s.DB().Raw("SHOW plan_cache_mode").Row().Scan(&mode))
	require.Equal(t, want, mode)
}
