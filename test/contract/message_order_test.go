package contract_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// TestListMessagesOrderAndFilters walks a chat's messages oldest and newest
// first through the use case, with and without created_at filters, and
// requires every matching message exactly once in the exact order.
func TestListMessagesOrderAndFilters(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		agg := start(t, p, ada, bob, base)
		var posted []domain.Message
		for i := range 13 {
			// Pairs of messages share a timestamp, so the id decides; the
			// microseconds check that no store rounds them away.
			at := base.Add(time.Duration(i/2)*time.Second + 7*time.Microsecond)
			posted = append(posted, post(t, p, agg.Chat.ID, ada, fmt.Sprintf("m%d", i), at))
		}
		oldestFirst := slices.Clone(posted)
		slices.SortFunc(oldestFirst, func(a, b domain.Message) int {
			if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
				return c
			}
			return bytes.Compare(a.ID[:], b.ID[:])
		})
		newestFirst := slices.Clone(oldestFirst)
		slices.Reverse(newestFirst)
		pivot := oldestFirst[6].CreatedAt // shared by messages 6 and 7

		cases := []struct {
			name, sort, filter string
			want               []domain.Message
		}{
			{"default_newest_first", "", "", newestFirst},
			{"newest_first", "-created_at", "", newestFirst},
			{"oldest_first", "created_at", "", oldestFirst},
			{"newer_than_oldest_first", "created_at", "gt:" + stamp(pivot), oldestFirst[8:]},
			{"newer_than_newest_first", "-created_at", "gt:" + stamp(pivot), newestFirst[:5]},
			{"older_than", "created_at", "lt:" + stamp(pivot), oldestFirst[:6]},
			{"at_or_after", "created_at", "gte:" + stamp(pivot), oldestFirst[6:]},
			{"at_or_before", "-created_at", "lte:" + stamp(pivot), newestFirst[5:]},
			{"at", "created_at", "eq:" + stamp(pivot), oldestFirst[6:8]},
			{"not_at", "created_at", "!eq:" + stamp(pivot), append(slices.Clone(oldestFirst[:6]), oldestFirst[8:]...)},
			{"finer_digits_are_ignored", "created_at", "gt:" + stamp(pivot.Add(500*time.Nanosecond)), oldestFirst[8:]},
			{"nothing_newer", "created_at", "gt:" + stamp(oldestFirst[12].CreatedAt), nil},
		}
		uc := application.NewListMessages(p.members, p.messageReads)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				q := listQuery{sort: tc.sort, size: "4"}
				if tc.filter != "" {
					q.filters = filter("created_at", tc.filter)
				}
				got := pages(t, func(after *application.Cursor) (application.Page[application.MessageView], error) {
					raw := q.raw()
					raw.After = after
					return uc.Execute(context.Background(), application.ListMessagesInput{
						Actor: actorOf(bob), ChatID: agg.Chat.ID.String(), Query: raw,
					})
				}, func(v application.MessageView) domain.ID { return v.Message.ID })
				var contents []string
				for _, v := range got {
					require.Equal(t, withoutHash(ada), v.Author)
					contents = append(contents, v.Message.Content)
				}
				require.Equal(t, contentsOf(tc.want), contents)
			})
		}
	})
}

func contentsOf(msgs []domain.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Content)
	}
	return out
}
