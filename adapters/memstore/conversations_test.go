package memstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestDirectConversationsCreate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := memstore.New()
	acc, u := seed(t, s, "Ada", "Grace")
	repo := memstore.NewDirectConversations(s)
	a := domain.Actor{AccountID: acc.ID, UserID: u[0].ID}
	b := domain.Actor{AccountID: acc.ID, UserID: u[1].ID}

	agg, err := domain.StartDirectConversation(a, u[1], t0)
	require.NoError(t, err)
	require.NoError(t, repo.Create(ctx, agg))
	counts := s.Counts()
	require.Equal(t, memstore.Counts{Accounts: 1, Users: 2, DirectConversations: 1, Chats: 1, ChatMemberships: 2}, counts)

	reversed, err := domain.StartDirectConversation(b, u[0], t0)
	require.NoError(t, err)
	require.ErrorIs(t, repo.Create(ctx, reversed), domain.ErrConflict)
	require.Equal(t, counts, s.Counts(), "a conflict writes nothing")

	reads := memstore.NewDirectConversationReads(s)
	v, err := reads.GetWithPeer(ctx, b, u[0].ID)
	require.NoError(t, err)
	require.Equal(t, agg.Conversation, v.Conversation)
	require.Equal(t, agg.Chat, v.Chat)
	require.Equal(t, withoutHash(u[0]), v.FirstUser, "views carry no password hash")
	require.Equal(t, withoutHash(u[1]), v.SecondUser)
	_, err = reads.GetWithPeer(ctx, domain.Actor{AccountID: domain.NewID(), UserID: u[1].ID}, u[0].ID)
	require.ErrorIs(t, err, domain.ErrNotFound)

	m, err := memstore.NewChatMemberships(s).Find(ctx, acc.ID, agg.Chat.ID, u[1].ID)
	require.NoError(t, err)
	m.Rights[0] = domain.RightChatMembershipManage
	again, err := memstore.NewChatMemberships(s).Find(ctx, acc.ID, agg.Chat.ID, u[1].ID)
	require.NoError(t, err)
	require.Equal(t, domain.RightMessagesRead, again.Rights[0], "callers get copies")
	_, err = memstore.NewChatMemberships(s).Find(ctx, domain.NewID(), agg.Chat.ID, u[1].ID)
	require.ErrorIs(t, err, domain.ErrNotFound)
}

func TestMessagesPost(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := memstore.New()
	acc, u := seed(t, s, "Ada", "Grace")
	a := domain.Actor{AccountID: acc.ID, UserID: u[0].ID}
	agg, err := domain.StartDirectConversation(a, u[1], t0)
	require.NoError(t, err)
	require.NoError(t, memstore.NewDirectConversations(s).Create(ctx, agg))
	messages := memstore.NewMessages(s)
	chats := memstore.NewChatReads(s)

	unknown, err := domain.NewMessage(domain.NewID(), a.UserID, "x", t0)
	require.NoError(t, err)
	require.ErrorIs(t, messages.Post(ctx, unknown), domain.ErrNotFound)

	late, err := domain.NewMessage(agg.Chat.ID, a.UserID, "late", t0.Add(time.Hour))
	require.NoError(t, err)
	require.NoError(t, messages.Post(ctx, late))
	// A message stamped earlier (a slower request) neither moves the chat
	// back nor becomes the latest.
	early, err := domain.NewMessage(agg.Chat.ID, a.UserID, "early", t0.Add(time.Minute))
	require.NoError(t, err)
	require.NoError(t, messages.Post(ctx, early))

	view, err := chats.Get(ctx, a, agg.Chat.ID)
	require.NoError(t, err)
	require.Equal(t, t0.Add(time.Hour), view.Chat.UpdatedAt)
	require.Equal(t, late.ID, *view.Chat.LatestMessageID)
	require.Equal(t, late, *view.LatestMessage)
	require.Len(t, view.Memberships, 2)

	*view.Chat.LatestMessageID = domain.NewID()
	again, err := chats.Get(ctx, a, agg.Chat.ID)
	require.NoError(t, err)
	require.Equal(t, late.ID, *again.Chat.LatestMessageID, "callers get copies")

	page, err := memstore.NewMessageReads(s).List(ctx, agg.Chat.ID, application.ListQuery{Sort: application.MessageListSchema.DefaultSort, Size: 1})
	require.NoError(t, err)
	require.Len(t, page, 2)
	require.Equal(t, []string{"late", "early"}, []string{page[0].Message.Content, page[1].Message.Content})
	require.Equal(t, withoutHash(u[0]), page[0].Author)

	_, err = chats.Get(ctx, domain.Actor{AccountID: acc.ID, UserID: domain.NewID()}, agg.Chat.ID)
	require.ErrorIs(t, err, domain.ErrNotFound)
}

func TestRevokedTokens(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	repo := memstore.NewRevokedTokens(memstore.New())
	tokens := []domain.RevokedToken{
		{ID: "b", RevokedAt: t0.Add(time.Minute), ExpiresAt: t0.Add(time.Hour)},
		{ID: "a", RevokedAt: t0.Add(time.Minute), ExpiresAt: t0.Add(time.Hour)},
		{ID: "old", RevokedAt: t0, ExpiresAt: t0.Add(time.Hour)},
		{ID: "expired", RevokedAt: t0.Add(2 * time.Minute), ExpiresAt: t0.Add(10 * time.Minute)},
	}
	for _, tok := range tokens {
		require.NoError(t, repo.Revoke(ctx, tok))
	}
	require.NoError(t, repo.Revoke(ctx, domain.RevokedToken{ID: "a", RevokedAt: t0.Add(time.Hour), ExpiresAt: t0.Add(2 * time.Hour)}), "revoking twice succeeds")

	ids := func(since, now time.Time) []string {
		got, err := repo.RevokedSince(ctx, since, now)
		require.NoError(t, err)
		out := []string{}
		for _, tok := range got {
			out = append(out, tok.ID)
		}
		return out
	}
	require.Equal(t, []string{"old", "a", "b", "expired"}, ids(time.Time{}, t0))
	require.Equal(t, []string{"a", "b"}, ids(t0.Add(time.Minute), t0.Add(20*time.Minute)))

	require.NoError(t, repo.DeleteExpired(ctx, t0.Add(30*time.Minute)))
	require.Equal(t, []string{"old", "a", "b"}, ids(time.Time{}, t0))
}

func withoutHash(u domain.User) domain.User {
	u.PasswordHash = ""
	return u
}
