package domain_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestStartDirectConversation(t *testing.T) {
	t.Parallel()
	account := domain.NewID()
	actor := domain.Actor{AccountID: account, UserID: domain.NewID(), Role: domain.RoleMember}
	peer := domain.User{ID: domain.NewID(), AccountID: account, Name: "Grace"}

	t.Run("self", func(t *testing.T) {
		t.Parallel()
		self := domain.User{ID: actor.UserID, AccountID: account}
		_, err := domain.StartDirectConversation(actor, self, fixedTime())
		require.Equal(t, problem("user_id", domain.RuleSelf), problemsOf(t, err))
	})

	t.Run("peer_of_another_account", func(t *testing.T) {
		t.Parallel()
		stranger := domain.User{ID: domain.NewID(), AccountID: domain.NewID()}
		_, err := domain.StartDirectConversation(actor, stranger, fixedTime())
		var ref *domain.ReferenceError
		require.True(t, errors.As(err, &ref))
		require.Equal(t, "user_id", ref.Field)
		require.ErrorIs(t, err, domain.ErrNotFound)
	})

	t.Run("happy_path", func(t *testing.T) {
		t.Parallel()
		now := fixedTime()
		agg, err := domain.StartDirectConversation(actor, peer, now)
		require.NoError(t, err)
		want := domain.Timestamp(now)

		conv := agg.Conversation
		require.NotEqual(t, domain.NilID, conv.ID)
		require.Equal(t, account, conv.AccountID)
		require.Equal(t, actor.UserID, conv.FirstUserID)
		require.Equal(t, peer.ID, conv.SecondUserID)
		require.Equal(t, want, conv.CreatedAt)
		require.Equal(t, want, conv.UpdatedAt)

		chat := agg.Chat
		require.NotEqual(t, domain.NilID, chat.ID)
		require.NotEqual(t, conv.ID, chat.ID)
		require.Equal(t, account, chat.AccountID)
		require.Equal(t, domain.ContextDirectConversation, chat.ContextType)
		require.Equal(t, "direct_conversation", chat.ContextType)
		require.Equal(t, conv.ID, chat.ContextID)
		require.Nil(t, chat.LatestMessageID)
		require.Equal(t, want, chat.CreatedAt)
		require.Equal(t, want, chat.UpdatedAt)

		for i, userID := range []domain.ID{actor.UserID, peer.ID} {
			m := agg.Memberships[i]
			require.NotEqual(t, domain.NilID, m.ID)
			require.Equal(t, chat.ID, m.ChatID)
			require.Equal(t, userID, m.UserID)
			require.Equal(t, []domain.ChatRight{domain.RightMessagesRead, domain.RightMessagesCreate}, m.Rights)
			require.True(t, m.Can(domain.RightMessagesRead))
			require.True(t, m.Can(domain.RightMessagesCreate))
			require.False(t, m.Can(domain.RightChatMembershipManage))
			require.Equal(t, want, m.CreatedAt)
		}
		require.NotEqual(t, agg.Memberships[0].ID, agg.Memberships[1].ID)

		agg.Memberships[0].Rights[0] = domain.RightChatMembershipManage
		require.False(t, agg.Memberships[1].Can(domain.RightChatMembershipManage), "memberships must not share their rights")
	})
}

func TestDirectConversationParticipants(t *testing.T) {
	t.Parallel()
	first, second, other := domain.NewID(), domain.NewID(), domain.NewID()
	c := domain.DirectConversation{FirstUserID: first, SecondUserID: second}
	require.Equal(t, second, c.PeerOf(first))
	require.Equal(t, first, c.PeerOf(second))
	require.True(t, c.HasParticipant(first))
	require.True(t, c.HasParticipant(second))
	require.False(t, c.HasParticipant(other))

	swapped := domain.DirectConversation{FirstUserID: second, SecondUserID: first}
	lowA, highA := c.PairKey()
	lowB, highB := swapped.PairKey()
	require.Equal(t, lowA, lowB)
	require.Equal(t, highA, highB)
}

func TestOrderedPair(t *testing.T) {
	t.Parallel()
	low := uuidOf(t, "0188e0a1-0000-7000-8000-000000000001")
	high := uuidOf(t, "0188e0a1-0000-7000-8000-000000000002")
	// The first byte differs in the other direction from the last bytes, so
	// only a bytewise comparison from the start orders these correctly.
	early := uuidOf(t, "01000000-0000-7000-8000-ffffffffffff")
	late := uuidOf(t, "ff000000-0000-7000-8000-000000000000")
	tests := []struct {
		name      string
		a, b      domain.ID
		low, high domain.ID
	}{
		{"already_ordered", low, high, low, high},
		{"reversed", high, low, low, high},
		{"bytewise_from_first_byte", late, early, early, late},
		{"equal", low, low, low, low},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			gotLow, gotHigh := domain.OrderedPair(tt.a, tt.b)
			require.Equal(t, tt.low, gotLow)
			require.Equal(t, tt.high, gotHigh)
		})
	}
}
