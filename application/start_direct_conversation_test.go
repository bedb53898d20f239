package application_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestStartDirectConversation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("new_pair", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		ada := h.account(t, "Ada")
		grace := h.member(t, ada, "Grace")
		before := h.store.Counts()
		out, err := h.start.Execute(ctx, application.StartDirectConversationInput{Actor: ada, UserID: grace.ID.String()})
		require.NoError(t, err)
		require.True(t, out.Created)
		v := out.View
		require.Equal(t, ada.UserID, v.Conversation.FirstUserID)
		require.Equal(t, grace.ID, v.Conversation.SecondUserID)
		require.Equal(t, ada.UserID, v.FirstUser.ID)
		require.Equal(t, "Grace", v.SecondUser.Name)
		require.Equal(t, domain.ContextDirectConversation, v.Chat.ContextType)
		require.Equal(t, v.Conversation.ID, v.Chat.ContextID)
		require.Nil(t, v.Chat.LatestMessageID)
		require.Equal(t, domain.Timestamp(h.clock.Now()), v.Conversation.CreatedAt)

		after := h.store.Counts()
		require.Equal(t, before.DirectConversations+1, after.DirectConversations)
		require.Equal(t, before.Chats+1, after.Chats)
		require.Equal(t, before.ChatMemberships+2, after.ChatMemberships)

		chat, err := h.getChat.Execute(ctx, actorOf(grace), v.Chat.ID.String())
		require.NoError(t, err)
		require.Len(t, chat.Memberships, 2)
		for _, m := range chat.Memberships {
			require.Equal(t, []domain.ChatRight{domain.RightMessagesRead, domain.RightMessagesCreate}, m.Rights)
		}
	})

	t.Run("existing_pair_from_either_side", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		ada := h.account(t, "Ada")
		grace := h.member(t, ada, "Grace")
		first := h.startWith(t, ada, grace.ID)
		counts := h.store.Counts()
		for _, starter := range []domain.Actor{ada, actorOf(grace)} {
			peer := grace.ID
			if starter.UserID == grace.ID {
				peer = ada.UserID
			}
			out, err := h.start.Execute(ctx, application.StartDirectConversationInput{Actor: starter, UserID: peer.String()})
			require.NoError(t, err)
			require.False(t, out.Created)
			require.Equal(t, first.Conversation.ID, out.View.Conversation.ID)
			require.Equal(t, ada.UserID, out.View.Conversation.FirstUserID, "the starter stays first user")
		}
		require.Equal(t, counts, h.store.Counts())
	})

	t.Run("invalid_user_id", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		ada := h.account(t, "Ada")
		tests := []struct {
			name   string
			userID string
			rule   domain.Rule
		}{
			{"missing", "", domain.RuleRequired},
			{"malformed", "grace", domain.RuleFormat},
			{"not_canonical", "{" + domain.NewID().String() + "}", domain.RuleFormat},
			{"self", ada.UserID.String(), domain.RuleSelf},
		}
		for _, tt := range tests {
			_, err := h.start.Execute(ctx, application.StartDirectConversationInput{Actor: ada, UserID: tt.userID})
			require.Equal(t, []domain.Problem{{Field: "user_id", Rule: tt.rule}}, problemsOf(t, err), tt.name)
		}
		require.Zero(t, h.store.Counts().DirectConversations)
	})

	t.Run("user_not_in_account", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		ada := h.account(t, "Ada")
		stranger := h.account(t, "Stranger")
		for _, id := range []domain.ID{stranger.UserID, domain.NewID()} {
			_, err := h.start.Execute(ctx, application.StartDirectConversationInput{Actor: ada, UserID: id.String()})
			var ref *domain.ReferenceError
			require.True(t, errors.As(err, &ref), "want a reference error, got %v", err)
			require.Equal(t, "user_id", ref.Field)
			require.ErrorIs(t, err, domain.ErrNotFound)
		}
		require.Zero(t, h.store.Counts().DirectConversations)
	})

	t.Run("concurrent_starts_make_one_conversation", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t)
		ada := h.account(t, "Ada")
		grace := h.member(t, ada, "Grace")
		const n = 64
		outs := make([]application.StartDirectConversationOutput, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			actor, peer := ada, grace.ID
			if i%2 == 1 {
				actor, peer = actorOf(grace), ada.UserID
			}
			wg.Go(func() {
				outs[i], errs[i] = h.start.Execute(ctx, application.StartDirectConversationInput{Actor: actor, UserID: peer.String()})
			})
		}
		wg.Wait()
		created := 0
		for i := range n {
			require.NoError(t, errs[i])
			require.Equal(t, outs[0].View.Conversation.ID, outs[i].View.Conversation.ID)
			if outs[i].Created {
				created++
			}
		}
		require.Equal(t, 1, created)
		require.Equal(t, memstore.Counts{Accounts: 1, Users: 2, DirectConversations: 1, Chats: 1, ChatMemberships: 2}, h.store.Counts())
	})
}

// racingConversations is a repository whose Create loses the race: another
// request stored the pair's conversation just before.
type racingConversations struct {
	inner  *memstore.DirectConversations
	winner domain.Actor
	peer   domain.User
}

func (r racingConversations) Create(ctx context.Context, _ domain.DirectConversationAggregate) error {
	agg, err := domain.StartDirectConversation(r.winner, r.peer, newTestClock().Now())
	if err != nil {
		return err
	}
	if err := r.inner.Create(ctx, agg); err != nil {
		return err
	}
	return domain.ErrConflict
}

func TestStartDirectConversationLosingTheRace(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ada := h.account(t, "Ada")
	grace := h.member(t, ada, "Grace")
	s := h.store
	uc := application.NewStartDirectConversation(memstore.NewUsers(s),
		racingConversations{inner: memstore.NewDirectConversations(s), winner: actorOf(grace), peer: domain.User{ID: ada.UserID, AccountID: ada.AccountID}},
		memstore.NewDirectConversationReads(s), h.clock)
	out, err := uc.Execute(context.Background(), application.StartDirectConversationInput{Actor: ada, UserID: grace.ID.String()})
	require.NoError(t, err)
	require.False(t, out.Created)
	require.Equal(t, grace.ID, out.View.Conversation.FirstUserID, "the winner's conversation is returned")
	require.Equal(t, 1, s.Counts().DirectConversations)
}
