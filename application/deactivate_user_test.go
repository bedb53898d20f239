package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestDeactivateUser(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := newLifecycle(t)
	admin := l.account(t, "Ada")
	grace := l.member(t, admin, "Grace")
	linus := l.member(t, admin, "Linus")
	stranger := l.account(t, "Stranger")
	conv := l.startWith(t, admin, grace.ID)
	_, err := l.post.Execute(ctx, application.PostMessageInput{Actor: admin, ChatID: conv.Chat.ID.String(), Content: "welcome"})
	require.NoError(t, err)
	token := l.session(t, grace)
	l.clock.Advance(time.Second)

	t.Run("members_and_strangers_cannot", func(t *testing.T) {
		require.ErrorIs(t, l.deactivate.Execute(ctx, actorOf(linus), grace.ID), domain.ErrForbidden)
		require.ErrorIs(t, l.deactivate.Execute(ctx, stranger, grace.ID), domain.ErrNotFound)
		_, err := l.authenticate.Execute(tokenOf(token))
		require.NoError(t, err)
	})
	t.Run("the_last_admin_cannot_go", func(t *testing.T) {
		require.ErrorIs(t, l.deactivate.Execute(ctx, admin, admin.UserID), domain.ErrLastAdmin)
		require.True(t, l.adminUser(t, admin).Active())
	})

	require.NoError(t, l.deactivate.Execute(ctx, admin, grace.ID))

	t.Run("is_a_soft_delete", func(t *testing.T) {
		got, err := l.getUser.Execute(ctx, admin, grace.ID)
		require.NoError(t, err)
		require.Equal(t, l.clock.Now(), got.DiscardedAt)
		require.Equal(t, grace.Name, got.Name)
		require.NoError(t, l.deactivate.Execute(ctx, admin, grace.ID), "deactivating again changes nothing")
	})
	t.Run("every_token_is_refused_here_and_on_a_replica_after_one_sync", func(t *testing.T) {
		_, err := l.authenticate.Execute(tokenOf(token))
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
		replica := application.NewRevocationList(l.revokedRepo, l.clock)
		replica.FollowCutoffs(l.usersRepo())
		auth := application.NewAuthenticate(l.tokens, replica, l.clock)
		_, err = auth.Execute(tokenOf(token))
		require.NoError(t, err, "before syncing the replica does not know")
		require.NoError(t, replica.Sync(ctx))
		_, err = auth.Execute(tokenOf(token))
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
	})
	t.Run("sign_in_is_a_wrong_password", func(t *testing.T) {
		_, err := l.signIn.Execute(ctx, application.SignInInput{Email: grace.Email, Password: "password1"})
		require.ErrorIs(t, err, domain.ErrInvalidCredentials)
	})
	t.Run("conversation_stays_listed_readable_and_searchable", func(t *testing.T) {
		page, err := l.listConv.Execute(ctx, application.ListDirectConversationsInput{Actor: admin, SearchPeer: "grac"})
		require.NoError(t, err)
		require.Len(t, page.Items, 1)
		require.Equal(t, conv.Conversation.ID, page.Items[0].Conversation.ID)
		_, err = l.getConv.Execute(ctx, admin, conv.Conversation.ID.String())
		require.NoError(t, err)
		msgs, err := l.listMessages.Execute(ctx, application.ListMessagesInput{Actor: admin, ChatID: conv.Chat.ID.String()})
		require.NoError(t, err)
		require.Len(t, msgs.Items, 1)
	})
	t.Run("no_new_conversation_and_no_posts", func(t *testing.T) {
		_, err := l.start.Execute(ctx, application.StartDirectConversationInput{Actor: actorOf(linus), UserID: grace.ID.String()})
		require.Equal(t, []domain.Problem{{Field: "user_id", Rule: domain.RuleDeactivated}}, problemsOf(t, err))
		_, err = l.start.Execute(ctx, application.StartDirectConversationInput{Actor: admin, UserID: grace.ID.String()})
		require.Equal(t, []domain.Problem{{Field: "user_id", Rule: domain.RuleDeactivated}}, problemsOf(t, err), "even when the pair has a conversation")
		_, err = l.post.Execute(ctx, application.PostMessageInput{Actor: admin, ChatID: conv.Chat.ID.String(), Content: "still there?"})
		require.ErrorIs(t, err, domain.ErrForbidden)
	})
	t.Run("audited", func(t *testing.T) {
		entries := l.audit.all()
		require.Len(t, entries, 1)
		require.Equal(t, application.AuditEntry{Actor: admin, Action: application.AuditUserDeactivated, Target: grace.ID}, entries[0])
	})
}

func TestDeactivatedSignInCostsOneComparison(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	l := newLifecycle(t)
	admin := l.account(t, "Ada")
	grace := l.member(t, admin, "Grace")
	require.NoError(t, l.deactivate.Execute(ctx, admin, grace.ID))
	hasher := &countingHasher{}
	signIn, err := application.NewSignIn(l.usersRepo(), hasher, l.tokens, l.clock)
	require.NoError(t, err)
	for name, password := range map[string]string{"right_password": "password1", "wrong_password": "wrong horse"} {
		before := hasher.verifies.Load()
		_, err := signIn.Execute(ctx, application.SignInInput{Email: grace.Email, Password: password})
		require.ErrorIs(t, err, domain.ErrInvalidCredentials, name)
		require.Equal(t, int64(1), hasher.verifies.Load()-before, "%s must cost exactly one password comparison", name)
	}
}
