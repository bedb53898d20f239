package application_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// names returns the names of users, in order.
func names(users []domain.User) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.Name
	}
	return out
}

// userFixture is an account whose users were created a minute apart, in this
// order: Carol (the admin), alice, Bob, Älvin, 100% Dan.
func userFixture(t *testing.T) (*harness, domain.Actor) {
	t.Helper()
	h := newHarness(t)
	admin := h.account(t, "Carol")
	for _, n := range []string{"alice", "Bob", "Älvin", "100% Dan"} {
		h.clock.Advance(time.Minute)
		h.member(t, admin, n)
	}
	h.account(t, "Stranger")
	return h, admin
}

func TestListUsers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h, admin := userFixture(t)
	start := newTestClock().Now()

	tests := []struct {
		name    string
		filters []application.RawFilter
		sort    *string
		want    []string
	}{
		{"default_sort_by_folded_name", nil, nil, []string{"100% Dan", "alice", "Bob", "Carol", "Älvin"}},
		{"name_descending", nil, ptr("-name"), []string{"Älvin", "Carol", "Bob", "alice", "100% Dan"}},
		{"created_at_descending", nil, ptr("-created_at"), []string{"100% Dan", "Älvin", "Bob", "alice", "Carol"}},
		{"name_contains_case_insensitively", []application.RawFilter{{Field: "name", Expr: "ct:ÄL"}}, nil, []string{"Älvin"}},
		{"name_contains_percent_literally", []application.RawFilter{{Field: "name", Expr: "ct:0%"}}, nil, []string{"100% Dan"}},
		{"name_not_contains", []application.RawFilter{{Field: "name", Expr: "!ct:l"}}, nil, []string{"100% Dan", "Bob"}},
		{"name_prefix", []application.RawFilter{{Field: "name", Expr: "pre:B"}}, nil, []string{"Bob"}},
		{"name_suffix_folded", []application.RawFilter{{Field: "name", Expr: "suf:OL"}}, nil, []string{"Carol"}},
		{"name_equal_is_exact", []application.RawFilter{{Field: "name", Expr: "eq:Alice"}}, nil, []string{}},
		{"name_equal", []application.RawFilter{{Field: "name", Expr: "eq:alice"}}, nil, []string{"alice"}},
		{"name_in", []application.RawFilter{{Field: "name", Expr: "in:Bob,Carol,bob"}}, nil, []string{"Bob", "Carol"}},
		{"name_not_in", []application.RawFilter{{Field: "name", Expr: "!in:Bob,Carol"}}, nil, []string{"100% Dan", "alice", "Älvin"}},
		{"name_greater_than_bytewise", []application.RawFilter{{Field: "name", Expr: "gt:Carol"}}, nil, []string{"alice", "Älvin"}},
		{"email_contains_folded", []application.RawFilter{{Field: "email", Expr: "ct:CAROL"}}, nil, []string{"Carol"}},
		{"created_at_from", []application.RawFilter{{Field: "created_at", Expr: "gte:" + start.Add(2*time.Minute).Format(time.RFC3339)}}, nil, []string{"100% Dan", "Bob", "Älvin"}},
		{"created_at_window", []application.RawFilter{
			{Field: "created_at", Expr: "gt:" + start.Format(time.RFC3339)},
			{Field: "created_at", Expr: "lt:" + start.Add(3*time.Minute).Format(time.RFC3339)},
		}, nil, []string{"alice", "Bob"}},
		{"present", []application.RawFilter{{Field: "email", Expr: "present"}}, ptr("created_at"), []string{"Carol", "alice", "Bob", "Älvin", "100% Dan"}},
		{"blank_matches_nothing", []application.RawFilter{{Field: "name", Expr: "blank"}}, nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			page, err := h.listUsers.Execute(ctx, admin, application.RawListQuery{Filters: tt.filters, Sort: tt.sort})
			require.NoError(t, err)
			require.Equal(t, tt.want, names(page.Items))
			require.Nil(t, page.Next)
		})
	}
}

func TestListUsersPaging(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	admin := h.account(t, "Admin")
	for i := range 11 {
		// Equal names and equal creation times make the id tie-break decide.
		if i%3 == 0 {
			h.clock.Advance(time.Second)
		}
		h.member(t, admin, []string{"Ann", "ann", "Ben"}[i%3])
	}
	for _, sort := range []string{"name", "-name", "created_at", "-created_at", "name,-created_at", "-created_at,name"} {
		t.Run(sort, func(t *testing.T) {
			t.Parallel()
			all, err := h.listUsers.Execute(ctx, admin, application.RawListQuery{Sort: ptr(sort), PageSize: ptr("100")})
			require.NoError(t, err)
			require.Len(t, all.Items, 12)

			var got []domain.User
			var after *application.Cursor
			for pages := 1; ; pages++ {
				page, err := h.listUsers.Execute(ctx, admin, application.RawListQuery{Sort: ptr(sort), PageSize: ptr("5"), After: after})
				require.NoError(t, err)
				got = append(got, page.Items...)
				if page.Next == nil {
					require.Equal(t, 3, pages)
					break
				}
				require.Len(t, page.Items, 5)
				after = page.Next
			}
			require.Equal(t, all.Items, got, "paging returns every user once, in order")
		})
	}
}

func TestListUsersParameterErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h, admin := userFixture(t)
	first, err := h.listUsers.Execute(ctx, admin, application.RawListQuery{PageSize: ptr("2")})
	require.NoError(t, err)
	require.NotNil(t, first.Next)
	byName := *first.Next
	tampered := byName
	tampered.ID = "not-an-id"

	tests := []struct {
		name  string
		query application.RawListQuery
		param string
	}{
		{"unknown_sort_field", application.RawListQuery{Sort: ptr("email")}, "order"},
		{"duplicate_sort_field", application.RawListQuery{Sort: ptr("name,-name")}, "order"},
		{"empty_sort", application.RawListQuery{Sort: ptr("")}, "order"},
		{"unknown_filter_field", application.RawListQuery{Filters: []application.RawFilter{{Field: "password", Expr: "eq:x"}}}, "where.password"},
		{"unknown_operator", application.RawListQuery{Filters: []application.RawFilter{{Field: "name", Expr: "like:x"}}}, "where.name"},
		{"missing_value", application.RawListQuery{Filters: []application.RawFilter{{Field: "name", Expr: "eq"}}}, "where.name"},
		{"text_operator_on_time", application.RawListQuery{Filters: []application.RawFilter{{Field: "created_at", Expr: "ct:2026"}}}, "where.created_at"},
		{"bad_time", application.RawListQuery{Filters: []application.RawFilter{{Field: "created_at", Expr: "gt:yesterday"}}}, "where.created_at"},
		{"value_on_present", application.RawListQuery{Filters: []application.RawFilter{{Field: "email", Expr: "present:x"}}}, "where.email"},
		{"page_size_zero", application.RawListQuery{PageSize: ptr("0")}, "limit"},
		{"page_size_101", application.RawListQuery{PageSize: ptr("101")}, "limit"},
		{"page_size_not_a_number", application.RawListQuery{PageSize: ptr("ten")}, "limit"},
		{"cursor_of_another_sort", application.RawListQuery{Sort: ptr("-created_at"), After: &byName}, "after"},
		{"cursor_with_bad_id", application.RawListQuery{After: &tampered}, "after"},
		{"cursor_with_missing_keys", application.RawListQuery{After: &application.Cursor{Sort: "name", ID: byName.ID}}, "after"},
		{"cursor_with_bad_time", application.RawListQuery{Sort: ptr("created_at"), After: &application.Cursor{Sort: "created_at", Keys: []string{"soon"}, ID: byName.ID}}, "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := h.listUsers.Execute(ctx, admin, tt.query)
			var pe *application.ParameterError
			require.True(t, errors.As(err, &pe), "want a parameter error, got %v", err)
			require.Equal(t, tt.param, pe.Name(dotted), "kind and field")
		})
	}
}
