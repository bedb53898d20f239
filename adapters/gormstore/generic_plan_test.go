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
// does not outlive its statement: the one pooled connection answers later
// statements with PostgreSQL's default plan choice again.
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
	var mode string
	require.NoError(t, s.DB().WithContext(ctx).Raw("SHOW plan_cache_mode").Scan(&mode).Error)
	require.Equal(t, "auto", mode)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = convs.List(cancelled, actor, q)
	require.Error(t, err)
	require.NoError(t, s.DB().WithContext(ctx).Raw("SHOW plan_cache_mode").Scan(&mode).Error)
	require.Equal(t, "auto", mode)
}
