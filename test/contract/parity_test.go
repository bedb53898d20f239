package contract_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// listQuery is one collection query: sort, filters, search and page size.
type listQuery struct {
	sort    string
	filters []application.RawFilter
	search  string
	size    string
	unread  bool
}

func (q listQuery) String() string {
	parts := []string{"sort=" + q.sort, "search=" + q.search, "size=" + q.size, fmt.Sprintf("unread=%t", q.unread)}
	for _, f := range q.filters {
		parts = append(parts, "filter["+f.Field+"]="+f.Expr)
	}
	return strings.Join(parts, " ")
}

func (q listQuery) raw() application.RawListQuery {
	r := application.RawListQuery{Filters: q.filters}
	if q.sort != "" {
		r.Sort = &q.sort
	}
	if q.size != "" {
		r.PageSize = &q.size
	}
	return r
}

func filter(field, expr string) []application.RawFilter {
	return []application.RawFilter{{Field: field, Expr: expr}}
}

func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// pages follows next cursors to the end and returns every item in order,
// requiring each to appear once.
func pages[T any](t *testing.T, fetch func(*application.Cursor) (application.Page[T], error), id func(T) domain.ID) []T {
	t.Helper()
	var all []T
	seen := map[domain.ID]bool{}
	var after *application.Cursor
	for range 200 {
		page, err := fetch(after)
		require.NoError(t, err)
		for _, item := range page.Items {
			require.False(t, seen[id(item)], "an item appears on two pages")
			seen[id(item)] = true
		}
		all = append(all, page.Items...)
		if page.Next == nil {
			return all
		}
		after = page.Next
	}
	t.Fatal("paging did not end")
	return nil
}

func conversationQueries(d dataset) []listQuery {
	var qs []listQuery
	for _, sort := range []string{"", "chat_updated_at", "-chat_updated_at", "created_at", "-created_at", "updated_at", "-updated_at", "created_at,-chat_updated_at", "-updated_at,chat_updated_at"} {
		for _, size := range []string{"1", "3", "100"} {
			qs = append(qs, listQuery{sort: sort, size: size})
		}
	}
	for _, search := range []string{"ÖZIL", "özil", "%", "_", `\`, "100%", "snake_", "KELVIN", "émile", "  ", "zzz", "a"} {
		qs = append(qs, listQuery{search: search, size: "2"})
	}
	ada, p1, p2, t0, t3 := d.ada.ID.String(), d.peers[1].ID.String(), d.peers[2].ID.String(), stamp(d.times[0]), stamp(d.times[3])
	for _, f := range [][]application.RawFilter{
		filter("first_user_id", "eq:"+ada), filter("first_user_id", "!eq:"+ada),
		filter("first_user_id", "in:"+ada+","+p1), filter("first_user_id", "!in:"+p1+","+p2),
		filter("first_user_id", "blank"), filter("second_user_id", "present"), filter("second_user_id", "eq:"+p2),
		filter("created_at", "eq:"+t3), filter("created_at", "!eq:"+t3), filter("created_at", "gt:"+t3),
		filter("created_at", "gte:"+t3), filter("created_at", "lt:"+t3), filter("created_at", "lte:"+t3),
		filter("created_at", "in:"+t0+","+t3), filter("created_at", "!in:"+t0+","+t3),
		filter("created_at", "blank"), filter("updated_at", "present"), filter("updated_at", "gte:"+t3),
		append(filter("first_user_id", "eq:"+ada), filter("created_at", "lt:"+t3)...),
	} {
		qs = append(qs, listQuery{sort: "-created_at", filters: f, size: "4"})
	}
	qs = append(qs, listQuery{sort: "created_at,-chat_updated_at", search: "e", filters: filter("created_at", "gt:"+t0), size: "2"})
	for _, sort := range []string{"", "chat_updated_at", "-created_at"} {
		qs = append(qs, listQuery{sort: sort, size: "1", unread: true}, listQuery{sort: sort, search: "e", filters: filter("created_at", "gte:"+t0), size: "2", unread: true})
	}
	return append(qs, capQueries("first_user_id", ada)...)
}

// capQueries are queries right at the input caps of application (a filter
// value and a search text of the longest length, in lists of the most
// values): every store must answer them, and alike.
func capQueries(idField, id string) []listQuery {
	ids := strings.TrimSuffix(strings.Repeat(id+",", application.MaxFilterValues), ",")
	return []listQuery{
		{search: strings.Repeat("%", application.MaxSearchLength), size: "2"},
		{search: strings.Repeat("ÖZIL", application.MaxSearchLength/4), size: "2"},
		{filters: filter(idField, "in:"+ids), size: "3"},
		{filters: filter(idField, "!in:"+ids), size: "3"},
		{filters: filter("created_at", "!in:"+strings.TrimSuffix(strings.Repeat(stamp(base)+",", application.MaxFilterValues), ",")), size: "3"},
	}
}

func userQueries() []listQuery {
	var qs []listQuery
	for _, sort := range []string{"", "name", "-name", "created_at", "-created_at", "-created_at,name", "name,-created_at"} {
		for _, size := range []string{"1", "4", "100"} {
			qs = append(qs, listQuery{sort: sort, size: size})
		}
	}
	for _, f := range [][]application.RawFilter{
		filter("name", "eq:Beta"), filter("name", "!eq:Beta"), filter("name", "gt:M"), filter("name", "gte:Mesut Özil"),
		filter("name", "lt:a"), filter("name", "lte:alpha"), filter("name", "pre:MES"), filter("name", "suf:ZIL"),
		filter("name", "ct:ÖZ"), filter("name", "!ct:a"), filter("name", "ct:%"), filter("name", "ct:_"), filter("name", `ct:\`),
		filter("name", "ct:kelvin"), filter("name", "in:Beta,gamma,nobody"), filter("name", "!in:Beta,gamma"),
		filter("name", "blank"), filter("name", "present"), filter("email", "ct:ACME.TEST"), filter("email", "pre:100%"),
		filter("email", "pre:snake_"), filter("email", "eq:ada@acme.test"), filter("email", "gt:P"),
		filter("created_at", "gt:"+stamp(base.Add(3*time.Second))), filter("created_at", "lte:"+stamp(base.Add(3*time.Second))),
		filter("created_at", "in:"+stamp(base)+","+stamp(base.Add(5*time.Second))), filter("created_at", "!eq:"+stamp(base)),
	} {
		qs = append(qs, listQuery{filters: f, size: "3"})
	}
	longest := strings.Repeat("ö", application.MaxFilterValueLength)
	for _, f := range capTextFilters(longest) {
		qs = append(qs, listQuery{filters: []application.RawFilter{f}, size: "3"})
	}
	names := strings.TrimSuffix(strings.Repeat("Beta,"+longest+",", application.MaxFilterValues/2), ",")
	return append(qs, listQuery{filters: filter("name", "in:"+names), size: "3"}, listQuery{filters: filter("name", "!in:"+names), size: "3"})
}

// capTextFilters are text filters on users' names with a value of the
// longest length, for every text-matching operator.
func capTextFilters(value string) []application.RawFilter {
	var out []application.RawFilter
	for _, op := range []string{"eq", "gt", "pre", "suf", "ct", "!ct"} {
		out = append(out, application.RawFilter{Field: "name", Expr: op + ":" + value})
	}
	return out
}

// TestCapQueriesAreWithinTheCaps makes sure the queries at the caps are ones
// the HTTP edge lets through, so that the parity test covers the longest
// input any store can see.
func TestCapQueriesAreWithinTheCaps(t *testing.T) {
	qs := append(capQueries("first_user_id", domain.NewID().String()), userQueries()...)
	for _, q := range qs {
		for _, f := range q.filters {
			require.NoError(t, application.CheckFilterBounds(f), "%s", q)
		}
		require.NoError(t, application.CheckText("search_peer", q.search, application.MaxSearchLength))
	}
	over := application.RawFilter{Field: "name", Expr: "ct:" + strings.Repeat("ö", application.MaxFilterValueLength+1)}
	require.Error(t, application.CheckFilterBounds(over))
}

// TestReadModelParity loads one dataset into every persistence and requires
// identical answers to the same queries, page by page.
func TestReadModelParity(t *testing.T) {
	d := newDataset(t)
	lanes := allLanes(t)
	for _, p := range lanes {
		d.load(t, p)
	}
	ctx := context.Background()
	actors := []domain.User{d.ada, d.peers[1]}

	t.Run("direct_conversations", func(t *testing.T) {
		for _, actor := range actors {
			for _, q := range conversationQueries(d) {
				var want []application.DirectConversationView
				for i, p := range lanes {
					uc := application.NewListDirectConversations(p.convReads)
					got := pages(t, func(after *application.Cursor) (application.Page[application.DirectConversationView], error) {
						raw := q.raw()
						raw.After = after
						return uc.Execute(ctx, application.ListDirectConversationsInput{Actor: actorOf(actor), Query: raw, SearchPeer: q.search, UnreadOnly: q.unread})
					}, func(v application.DirectConversationView) domain.ID { return v.Conversation.ID })
					if i == 0 {
						want = got
						continue
					}
					require.Equal(t, want, got, "%s differs from %s for %s", p.name, lanes[0].name, q)
				}
			}
		}
	})
	t.Run("users", func(t *testing.T) {
		for _, q := range userQueries() {
			var want []domain.User
			for i, p := range lanes {
				uc := application.NewListUsers(p.userReads)
				got := pages(t, func(after *application.Cursor) (application.Page[domain.User], error) {
					raw := q.raw()
					raw.After = after
					return uc.Execute(ctx, actorOf(d.ada), raw)
				}, func(u domain.User) domain.ID { return u.ID })
				if i == 0 {
					want = got
					continue
				}
				require.Equal(t, want, got, "%s differs from %s for %s", p.name, lanes[0].name, q)
			}
		}
	})
	t.Run("expected_answers", func(t *testing.T) {
		for _, p := range lanes {
			search := func(text string) []string {
				items, err := p.convReads.List(ctx, actorOf(d.ada), application.DirectConversationQuery{
					ListQuery:  application.ListQuery{Size: 100, Sort: application.DirectConversationListSchema.DefaultSort},
					SearchPeer: application.FoldText(text),
				})
				require.NoError(t, err)
				var names []string
				for _, v := range items {
					peer := v.FirstUser
					if peer.ID == d.ada.ID {
						peer = v.SecondUser
					}
					names = append(names, peer.Name)
				}
				return names
			}
			require.ElementsMatch(t, []string{"Mesut Özil", "Mesut O\u0308zil"}, search("ÖZIL"), p.name)
			require.ElementsMatch(t, []string{"100% Sure"}, search("%"), p.name)
			require.ElementsMatch(t, []string{"snake_case"}, search("_"), p.name)
			require.ElementsMatch(t, []string{`back\slash`}, search(`\`), p.name)
			require.ElementsMatch(t, []string{"\u212Aelvin", "kelvin"}, search("KELVIN"), p.name)
			require.Len(t, search(""), len(d.peers), p.name)
			_, err := p.convReads.Get(ctx, actorOf(d.ada), d.strangerID)
			require.ErrorIs(t, err, domain.ErrNotFound, p.name)
		}
	})
}
