package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestRenameIsSeenByReads(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		zed := addUser(t, p, ada, "Zed", "zed@x.test", base)
		conv := start(t, p, ada, bob, base)
		renamed := bob
		renamed.Name = "Aaron Ömer"
		require.NoError(t, users.Save(ctx, renamed))

		search := func(text string) int {
			items, err := p.convReads.List(ctx, actorOf(ada), application.DirectConversationQuery{
				ListQuery:  application.ListQuery{Size: 100, Sort: application.DirectConversationListSchema.DefaultSort},
				SearchPeer: application.FoldText(text),
			})
			require.NoError(t, err)
			return len(items)
		}
		require.Equal(t, 1, search("ÖMER"), "search_peer finds the new name")
		require.Equal(t, 0, search("bob"), "and no longer the old one")
		view, err := p.convReads.Get(ctx, actorOf(ada), conv.Conversation.ID)
		require.NoError(t, err)
		peer := view.SecondUser
		if peer.ID != bob.ID {
			peer = view.FirstUser
		}
		require.Equal(t, "Aaron Ömer", peer.Name, "included users carry the new name")
		list, err := p.userReads.List(ctx, actorOf(ada), application.ListQuery{Size: 10, Sort: application.UserListSchema.DefaultSort})
		require.NoError(t, err)
		names := make([]string, len(list))
		for i, u := range list {
			names[i] = u.Name
		}
		require.Equal(t, []string{"Aaron Ömer", "Ada", zed.Name}, names, "sort by name uses the new name")
	})
}

func TestReadsShowDeactivation(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		conv := start(t, p, ada, bob, base)
		when := base.Add(time.Hour)
		require.NoError(t, users.Save(ctx, bob.Deactivate(when)))

		peerOf := func(v application.DirectConversationView) domain.User {
			if v.FirstUser.ID == bob.ID {
				return v.FirstUser
			}
			return v.SecondUser
		}
		view, err := p.convReads.Get(ctx, actorOf(ada), conv.Conversation.ID)
		require.NoError(t, err)
		require.Equal(t, when, peerOf(view).DiscardedAt)
		require.NotEqual(t, view.FirstUser.Active(), view.SecondUser.Active(), "only the peer is deactivated")
		items, err := p.convReads.List(ctx, actorOf(ada), application.DirectConversationQuery{
			ListQuery: application.ListQuery{Size: 10, Sort: application.DirectConversationListSchema.DefaultSort},
		})
		require.NoError(t, err)
		require.Len(t, items, 1, "the conversation stays listed")
		require.Equal(t, when, peerOf(items[0]).DiscardedAt)
		list, err := p.userReads.List(ctx, actorOf(ada), application.ListQuery{Size: 10, Sort: application.UserListSchema.DefaultSort})
		require.NoError(t, err)
		require.Len(t, list, 2, "deactivated users stay listed")
		require.Equal(t, bob.ID, list[1].ID)
		require.Equal(t, when, list[1].DiscardedAt)
		require.True(t, list[0].Active())
	})
}

func TestUserListFiltersOnDiscardedAt(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		when := base.Add(time.Hour)
		require.NoError(t, users.Save(ctx, bob.Deactivate(when)))

		names := func(flt application.Filter) []string {
			flt.Field, flt.Type = "discarded_at", application.TimeField
			list, err := p.userReads.List(ctx, actorOf(ada), application.ListQuery{
				Size: 10, Sort: application.UserListSchema.DefaultSort, Filters: []application.Filter{flt},
			})
			require.NoError(t, err)
			out := []string{}
			for _, u := range list {
				out = append(out, u.Name)
			}
			return out
		}
		require.Equal(t, []string{"Ada"}, names(application.Filter{Op: application.OpBlank}))
		require.Equal(t, []string{"Bob"}, names(application.Filter{Op: application.OpPresent}))
		require.Equal(t, []string{"Bob"}, names(application.Filter{Op: application.OpGte, Values: []any{when}}))
		require.Equal(t, []string{}, names(application.Filter{Op: application.OpLt, Values: []any{when}}), "an active user has no deactivation time to compare")
	})
}
