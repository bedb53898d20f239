package memstore_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestUserReadsList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := memstore.New()
	acc, u := seed(t, s, "b", "B", "a", "Ä", "%_")
	seed(t, s, "a")
	actor := domain.Actor{AccountID: acc.ID, UserID: u[0].ID}
	// bLow and bHigh are the two users whose folded names tie, by id.
	bLow, bHigh := u[0], u[1]
	if bytes.Compare(bLow.ID[:], bHigh.ID[:]) > 0 {
		bLow, bHigh = bHigh, bLow
	}
	name := []application.SortKey{{Field: "name"}}
	nameDesc := []application.SortKey{{Field: "name", Desc: true}}
	text := func(op application.Operator, v ...any) []application.Filter {
		return []application.Filter{{Field: "name", Type: application.TextField, Op: op, Values: v}}
	}
	tests := []struct {
		name string
		q    application.ListQuery
		want []string
	}{
		{"folded_name_then_id", application.ListQuery{Sort: name, Size: 10}, []string{"%_", "a", bLow.Name, bHigh.Name, "Ä"}},
		{"descending_id_follows_last_key", application.ListQuery{Sort: nameDesc, Size: 10}, []string{"Ä", bHigh.Name, bLow.Name, "a", "%_"}},
		{"size_plus_one", application.ListQuery{Sort: name, Size: 2}, []string{"%_", "a", bLow.Name}},
		{"after_is_strict", application.ListQuery{Sort: name, Size: 10, After: &application.Keyset{Values: []any{"b"}, ID: bLow.ID}}, []string{bHigh.Name, "Ä"}},
		{"after_descending", application.ListQuery{Sort: nameDesc, Size: 10, After: &application.Keyset{Values: []any{"b"}, ID: bHigh.ID}}, []string{bLow.Name, "a", "%_"}},
		// Created a second apart: b, B, a, Ä, %_.
		{"after_second_key", application.ListQuery{
			Sort: []application.SortKey{{Field: "created_at", Desc: true}, {Field: "name"}}, Size: 10,
			After: &application.Keyset{Values: []any{t0.Add(2 * time.Second), "a"}, ID: u[2].ID},
		}, []string{"B", "b"}},
		{"eq_is_raw", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpEq, "B")}, []string{"B"}},
		{"contains_is_folded_and_literal", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpContains, "_")}, []string{"%_"}},
		{"prefix_folded_value", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpPrefix, "ä")}, []string{"Ä"}},
		{"not_in_raw", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpNotIn, "b", "a")}, []string{"%_", "B", "Ä"}},
		{"lte_raw_bytewise", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpLte, "a")}, []string{"%_", "a", "B"}},
		{"present", application.ListQuery{Sort: name, Size: 1, Filters: text(application.OpPresent)}, []string{"%_", "a"}},
		{"blank", application.ListQuery{Sort: name, Size: 10, Filters: text(application.OpBlank)}, []string{}},
		{"time_instants", application.ListQuery{Sort: name, Size: 10, Filters: []application.Filter{{
			Field: "created_at", Type: application.TimeField, Op: application.OpEq,
			Values: []any{t0.Add(3 * time.Second).In(time.FixedZone("X", 7200))},
		}}}, []string{"Ä"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := memstore.NewUserReads(s).List(ctx, actor, tt.q)
			require.NoError(t, err)
			names := []string{}
			for _, u := range got {
				names = append(names, u.Name)
			}
			require.Equal(t, tt.want, names)
		})
	}
}

func TestUserReadsListRejectsMalformedQueries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := memstore.New()
	acc, u := seed(t, s, "Ada")
	actor := domain.Actor{AccountID: acc.ID, UserID: u[0].ID}
	name := []application.SortKey{{Field: "name"}}
	tests := []struct {
		name string
		q    application.ListQuery
	}{
		{"unknown_filter_field", application.ListQuery{Sort: name, Filters: []application.Filter{{Field: "role", Op: application.OpEq, Values: []any{"admin"}}}}},
		{"wrong_value_type", application.ListQuery{Sort: name, Filters: []application.Filter{{Field: "created_at", Op: application.OpEq, Values: []any{"today"}}}}},
		{"text_operator_on_time", application.ListQuery{Sort: name, Filters: []application.Filter{{Field: "created_at", Op: application.OpContains, Values: []any{t0}}}}},
		{"missing_value", application.ListQuery{Sort: name, Filters: []application.Filter{{Field: "name", Op: application.OpEq}}}},
		{"unknown_operator", application.ListQuery{Sort: name, Filters: []application.Filter{{Field: "name", Op: "like", Values: []any{"a"}}}}},
		{"unknown_sort_field", application.ListQuery{Sort: []application.SortKey{{Field: "email"}}}},
		{"keyset_length", application.ListQuery{Sort: name, After: &application.Keyset{ID: u[0].ID}}},
		{"keyset_type", application.ListQuery{Sort: name, After: &application.Keyset{Values: []any{t0}, ID: u[0].ID}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := memstore.NewUserReads(s).List(ctx, actor, tt.q)
			require.Error(t, err)
		})
	}
}
