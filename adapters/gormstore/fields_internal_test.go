package gormstore

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

// requireColumns fails, naming the missing place, unless filters maps every
// filterable field of r to a column of its type and sorts every sortable
// one, and neither maps a field the table does not let a query use.
func requireColumns(t *testing.T, r application.Resource, filters, sorts map[string]field, filtersName, sortsName string) {
	t.Helper()
	for name, typ := range r.Filterable() {
		f, ok := filters[name]
		require.True(t, ok, "field %s.%s is filterable but gormstore's %s has no column for it", r.Type, name, filtersName)
		require.Equal(t, typ, f.typ, "gormstore's %s types %s.%s differently from the field table", filtersName, r.Type, name)
	}
	for name, typ := range r.Sortable() {
		f, ok := sorts[name]
		require.True(t, ok, "field %s.%s is sortable but gormstore's %s has no column for it", r.Type, name, sortsName)
		require.Equal(t, typ, f.typ, "gormstore's %s types %s.%s differently from the field table", sortsName, r.Type, name)
	}
	for name := range filters {
		_, filterable := r.Filterable()[name]
		_, sortable := r.Sortable()[name]
		require.True(t, filterable || sortable && sortsName == filtersName,
			"gormstore's %s has a column for %s.%s, which the field table does not let a query use", filtersName, r.Type, name)
	}
	for name := range sorts {
		_, sortable := r.Sortable()[name]
		_, filterable := r.Filterable()[name]
		require.True(t, sortable || filterable && sortsName == filtersName,
			"gormstore's %s has a column for %s.%s, which the field table does not let a query use", sortsName, r.Type, name)
	}
}

// TestColumnMapsCoverTheFieldTables holds gormstore's filter and keyset
// column maps against the field table of each resource with a collection.
func TestColumnMapsCoverTheFieldTables(t *testing.T) {
	requireColumns(t, application.UserResource, userFields, userSortFields, "userFields", "userSortFields")
	requireColumns(t, application.DirectConversationResource, conversationFields, conversationFields, "conversationFields", "conversationFields")
	requireColumns(t, application.MessageResource, messageFields, messageFields, "messageFields", "messageFields")
}
