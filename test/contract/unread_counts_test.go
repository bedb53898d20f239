package contract_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestUnreadCounts(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		counts := application.NewGetUnreadCounts(p.unread)
		list := application.NewListDirectConversations(p.convReads)
		var aggs []domain.DirectConversationAggregate
		var peers []domain.User
		for i := range 5 {
			peer := addUser(t, p, ada, fmt.Sprintf("Peer %d", i), fmt.Sprintf("peer%d@x.test", i), base)
			peers = append(peers, peer)
			aggs = append(aggs, start(t, p, ada, peer, base))
		}
		// Peers 0, 2 and 4 write 1, 3 and 5 messages; ada answers peer 1.
		for i := 0; i < 5; i += 2 {
			for j := range i + 1 {
				post(t, p, aggs[i].Chat.ID, peers[i], "hi", base.Add(time.Duration(10*i+j+1)*time.Second))
			}
		}
		post(t, p, aggs[1].Chat.ID, ada, "hello", base.Add(time.Minute))

		t.Run("totals_count_conversations_with_unread_and_their_messages", func(t *testing.T) {
			got, err := counts.Execute(ctx, actorOf(ada))
			require.NoError(t, err)
			require.Equal(t, application.UnreadCounts{UserID: ada.ID, DirectConversations: 3, Messages: 9}, got)
			got, err = counts.Execute(ctx, actorOf(peers[1]))
			require.NoError(t, err)
			require.Equal(t, application.UnreadCounts{UserID: peers[1].ID, DirectConversations: 1, Messages: 1}, got)
			got, err = counts.Execute(ctx, actorOf(peers[0]))
			require.NoError(t, err)
			require.Equal(t, application.UnreadCounts{UserID: peers[0].ID}, got, "one's own messages are never unread")
		})
		t.Run("unread_only_list_walks_pages_in_any_order", func(t *testing.T) {
			for _, sort := range []string{"-chat_updated_at", "chat_updated_at", "created_at", "-updated_at"} {
				got := pages(t, func(after *application.Cursor) (application.Page[application.DirectConversationView], error) {
					return list.Execute(ctx, application.ListDirectConversationsInput{
						Actor: actorOf(ada), UnreadOnly: true,
						Query: application.RawListQuery{Sort: &sort, PageSize: ptr("1"), After: after},
					})
				}, func(v application.DirectConversationView) domain.ID { return v.Conversation.ID })
				ids := map[domain.ID]int{}
				for _, v := range got {
					ids[v.Conversation.ID] = v.UnreadCount
				}
				require.Equal(t, map[domain.ID]int{aggs[0].Conversation.ID: 1, aggs[2].Conversation.ID: 3, aggs[4].Conversation.ID: 5}, ids, sort)
			}
		})
		t.Run("unread_only_combines_with_search_and_filters", func(t *testing.T) {
			page, err := list.Execute(ctx, application.ListDirectConversationsInput{
				Actor: actorOf(ada), UnreadOnly: true, SearchPeer: "peer 2",
			})
			require.NoError(t, err)
			require.Len(t, page.Items, 1)
			require.Equal(t, aggs[2].Conversation.ID, page.Items[0].Conversation.ID)
			page, err = list.Execute(ctx, application.ListDirectConversationsInput{
				Actor: actorOf(ada), UnreadOnly: true, SearchPeer: "peer 1",
			})
			require.NoError(t, err)
			require.Empty(t, page.Items, "peer 1's conversation has nothing unread for ada")
			page, err = list.Execute(ctx, application.ListDirectConversationsInput{
				Actor: actorOf(ada), UnreadOnly: true,
				Query: application.RawListQuery{Filters: filter("second_user_id", "in:"+peers[0].ID.String()+","+peers[1].ID.String())},
			})
			require.NoError(t, err)
			require.Len(t, page.Items, 1)
			require.Equal(t, aggs[0].Conversation.ID, page.Items[0].Conversation.ID)
		})
		t.Run("marking_read_takes_a_conversation_out", func(t *testing.T) {
			markRead(t, p, ada, aggs[4].Chat.ID, nil, base.Add(time.Hour))
			got, err := counts.Execute(ctx, actorOf(ada))
			require.NoError(t, err)
			require.Equal(t, application.UnreadCounts{UserID: ada.ID, DirectConversations: 2, Messages: 4}, got)
			page, err := list.Execute(ctx, application.ListDirectConversationsInput{Actor: actorOf(ada), UnreadOnly: true})
			require.NoError(t, err)
			require.Len(t, page.Items, 2)
			all, err := list.Execute(ctx, application.ListDirectConversationsInput{Actor: actorOf(ada)})
			require.NoError(t, err)
			require.Len(t, all.Items, 5, "without the flag every conversation is listed")
		})
	})
}

func ptr(s string) *string { return &s }
