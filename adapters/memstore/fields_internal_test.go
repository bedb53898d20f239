package memstore

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

// queryable returns the names of a resource's filterable and sortable
// fields.
func queryable(r application.Resource) []string {
	names := slices.Collect(maps.Keys(r.Filterable()))
	for name := range r.Sortable() {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

// requireGetters fails, naming the missing place, unless getters has one
// value getter for every filterable or sortable field of r and none besides.
func requireGetters[T any](t *testing.T, r application.Resource, l listing[T]) {
	t.Helper()
	want := queryable(r)
	for _, name := range want {
		_, ok := l.fields[name]
		require.True(t, ok, "field %s.%s is filterable or sortable but memstore has no value getter for it", r.Type, name)
	}
	for name := range l.fields {
		require.Contains(t, want, name, "memstore has a value getter for %s.%s, which the field table does not let a query use", r.Type, name)
	}
	require.Equal(t, r.ListSchema(), l.schema, "memstore's %s listing checks queries against another schema", r.Type)
}

// TestListingsCoverTheFieldTables holds memstore's value getters against the
// field table of each resource with a collection.
func TestListingsCoverTheFieldTables(t *testing.T) {
	requireGetters(t, application.UserResource, userListing)
	requireGetters(t, application.DirectConversationResource, conversationListing)
	requireGetters(t, application.MessageResource, messageListing)
}
