package contract_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestDirectConversationRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		eve := addUser(t, p, ada, "Eve", "eve@x.test", base)
		agg := start(t, p, ada, bob, base)

		t.Run("get_returns_the_whole_view_to_both_participants", func(t *testing.T) {
			want := application.DirectConversationView{Conversation: agg.Conversation, Chat: agg.Chat, FirstUser: withoutHash(ada), SecondUser: withoutHash(bob)}
			for _, u := range []domain.User{ada, bob} {
				got, err := p.convReads.Get(ctx, actorOf(u), agg.Conversation.ID)
				require.NoError(t, err)
				require.Equal(t, want, got)
			}
		})
		t.Run("get_hides_it_from_others", func(t *testing.T) {
			_, err := p.convReads.Get(ctx, actorOf(eve), agg.Conversation.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
			stranger := newAccount(t, p, "Mallory", "mallory@y.test")
			_, err = p.convReads.Get(ctx, actorOf(stranger), agg.Conversation.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("get_with_peer_finds_it_from_either_side", func(t *testing.T) {
			got, err := p.convReads.GetWithPeer(ctx, actorOf(bob), ada.ID)
			require.NoError(t, err)
			require.Equal(t, agg.Conversation.ID, got.Conversation.ID)
			_, err = p.convReads.GetWithPeer(ctx, actorOf(ada), eve.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("memberships_are_written", func(t *testing.T) {
			for _, u := range []domain.User{ada, bob} {
				m, err := p.members.Find(ctx, ada.AccountID, agg.Chat.ID, u.ID)
				require.NoError(t, err)
				require.True(t, m.Can(domain.RightMessagesRead))
				require.True(t, m.Can(domain.RightMessagesCreate))
				require.False(t, m.Can(domain.RightChatMembershipManage))
			}
			_, err := p.members.Find(ctx, ada.AccountID, agg.Chat.ID, eve.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("second_conversation_of_the_pair_conflicts_and_leaves_nothing", func(t *testing.T) {
			before := p.counts(t)
			dup, err := domain.StartDirectConversation(actorOf(bob), ada, base.Add(1))
			require.NoError(t, err)
			require.ErrorIs(t, p.conversations.Create(ctx, dup), domain.ErrConflict)
			require.Equal(t, before, p.counts(t))
			_, err = p.convReads.Get(ctx, actorOf(bob), dup.Conversation.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = p.members.Find(ctx, ada.AccountID, dup.Chat.ID, bob.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("another_pair_is_independent", func(t *testing.T) {
			before := p.counts(t)
			start(t, p, eve, bob, base)
			after := p.counts(t)
			require.Equal(t, counts{
				Conversations: before.Conversations + 1, Chats: before.Chats + 1,
				Memberships: before.Memberships + 2, Messages: before.Messages,
			}, after)
		})
	})
}
