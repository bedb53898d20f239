package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// peerNames returns, for each conversation, the name of actor's peer.
func peerNames(actor domain.Actor, views []application.DirectConversationView) []string {
	out := make([]string, len(views))
	for i, v := range views {
		out[i] = v.FirstUser.Name
		if v.Conversation.FirstUserID == actor.UserID {
			out[i] = v.SecondUser.Name
		}
	}
	return out
}

func TestGetDirectConversation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	ada := h.account(t, "Ada")
	grace := h.member(t, ada, "Grace")
	third := h.member(t, ada, "Third")
	stranger := h.account(t, "Stranger")
	conv := h.startWith(t, ada, grace.ID)

	for _, actor := range []domain.Actor{ada, actorOf(grace)} {
		v, err := h.getConv.Execute(ctx, actor, conv.Conversation.ID.String())
		require.NoError(t, err)
		require.Equal(t, conv, v)
	}
	tests := []struct {
		name  string
		actor domain.Actor
		id    string
	}{
		{"other_user_of_the_account", actorOf(third), conv.Conversation.ID.String()},
		{"user_of_another_account", stranger, conv.Conversation.ID.String()},
		{"unknown_id", ada, domain.NewID().String()},
		{"malformed_id", ada, "latest"},
		{"chat_id_is_not_conversation_id", ada, conv.Chat.ID.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.getConv.Execute(ctx, tt.actor, tt.id)
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
	}
}

func TestListDirectConversations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	me := h.account(t, "Özil Fan")
	var peers []domain.User
	for _, n := range []string{"Mesut Özil", "100% Ada", "100 Percent", "a_b", "axb"} {
		h.clock.Advance(time.Minute)
		peer := h.member(t, me, n)
		peers = append(peers, peer)
		h.startWith(t, me, peer.ID)
	}
	// A conversation that does not involve me, and one that I did not start.
	h.startWith(t, actorOf(peers[0]), peers[1].ID)
	h.clock.Advance(time.Minute)
	late := h.member(t, me, "Late Starter")
	h.startWith(t, actorOf(late), me.UserID)

	list := func(t *testing.T, in application.ListDirectConversationsInput) []string {
		t.Helper()
		in.Actor = me
		page, err := h.listConv.Execute(ctx, in)
		require.NoError(t, err)
		return peerNames(me, page.Items)
	}

	t.Run("only_own_newest_chat_first", func(t *testing.T) {
		t.Parallel()
		require.Equal(t, []string{"Late Starter", "axb", "a_b", "100 Percent", "100% Ada", "Mesut Özil"}, list(t, application.ListDirectConversationsInput{}))
	})

	t.Run("sorted_by_created_at", func(t *testing.T) {
		t.Parallel()
		require.Equal(t, []string{"Mesut Özil", "100% Ada", "100 Percent", "a_b", "axb", "Late Starter"},
			list(t, application.ListDirectConversationsInput{Query: application.RawListQuery{Sort: ptr("created_at")}}))
	})

	t.Run("filter_by_first_user", func(t *testing.T) {
		t.Parallel()
		filter := []application.RawFilter{{Field: "first_user_id", Expr: "eq:" + late.ID.String()}}
		require.Equal(t, []string{"Late Starter"}, list(t, application.ListDirectConversationsInput{Query: application.RawListQuery{Filters: filter}}))
	})

	searches := []struct {
		name   string
		search string
		want   []string
	}{
		{"umlaut_upper_case", "ÖZIL", []string{"Mesut Özil"}},
		{"umlaut_decomposed", "O\u0308zil", []string{"Mesut Özil"}},
		{"percent_is_literal", "0%", []string{"100% Ada"}},
		{"underscore_is_literal", "a_b", []string{"a_b"}},
		{"own_name_does_not_match", "fan", []string{}},
		{"blank_is_no_filter", "  ", []string{"Late Starter", "axb", "a_b", "100 Percent", "100% Ada", "Mesut Özil"}},
	}
	for _, tt := range searches {
		t.Run("search_peer_"+tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, list(t, application.ListDirectConversationsInput{SearchPeer: tt.search}))
		})
	}

	t.Run("paging", func(t *testing.T) {
		t.Parallel()
		var got []string
		var after *application.Cursor
		for {
			page, err := h.listConv.Execute(ctx, application.ListDirectConversationsInput{Actor: me, Query: application.RawListQuery{PageSize: ptr("4"), After: after}})
			require.NoError(t, err)
			got = append(got, peerNames(me, page.Items)...)
			if page.Next == nil {
				break
			}
			after = page.Next
		}
		require.Equal(t, []string{"Late Starter", "axb", "a_b", "100 Percent", "100% Ada", "Mesut Özil"}, got)
	})

	t.Run("bad_filter", func(t *testing.T) {
		t.Parallel()
		_, err := h.listConv.Execute(ctx, application.ListDirectConversationsInput{Actor: me, Query: application.RawListQuery{
			Filters: []application.RawFilter{{Field: "second_user_id", Expr: "eq:me"}},
		}})
		var pe *application.ParameterError
		require.ErrorAs(t, err, &pe)
		require.Equal(t, application.ParameterFilter, pe.Kind)
		require.Equal(t, "second_user_id", pe.Field)
	})
}
