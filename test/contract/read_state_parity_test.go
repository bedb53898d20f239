package contract_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestReadStateParity loads one dataset into every persistence and requires
// the same unread totals and the same page details from each.
func TestReadStateParity(t *testing.T) {
	d := newDataset(t)
	lanes := allLanes(t)
	for _, p := range lanes {
		d.load(t, p)
	}
	ctx := context.Background()
	sawUnread := false
	for _, actor := range []domain.User{d.ada, d.peers[0], d.peers[4], d.peers[1]} {
		var wantCounts application.UnreadCounts
		var wantViews []application.DirectConversationView
		for i, p := range lanes {
			counts, err := application.NewGetUnreadCounts(p.unread).Execute(ctx, actorOf(actor))
			require.NoError(t, err)
			page, err := application.NewListDirectConversations(p.convReads).Execute(ctx, application.ListDirectConversationsInput{
				Actor: actorOf(actor), Query: application.RawListQuery{PageSize: ptr("100")},
			})
			require.NoError(t, err)
			require.NoError(t, application.NewLoadConversationDetails(p.details).Execute(ctx, actorOf(actor), page.Items,
				application.ConversationDetails{LatestMessage: true, Bookmark: true}))
			if i == 0 {
				wantCounts, wantViews = counts, page.Items
				sawUnread = sawUnread || counts.Messages > 0
				continue
			}
			require.Equal(t, wantCounts, counts, "%s differs from %s for %s", p.name, lanes[0].name, actor.Name)
			require.Equal(t, wantViews, page.Items, "%s differs from %s for %s", p.name, lanes[0].name, actor.Name)
		}
	}
	require.True(t, sawUnread, "the dataset leaves something unread")
}
