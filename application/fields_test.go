package application_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

// TestFieldTablesAreConsistent checks what each table must hold for the
// schemas derived from it to work: unique names, a default order on
// sortable fields, and no query-only field that no query can use.
func TestFieldTablesAreConsistent(t *testing.T) {
	types := map[string]bool{}
	for _, r := range application.Resources() {
		require.False(t, types[r.Type], "resource type %s declared twice", r.Type)
		types[r.Type] = true
		seen := map[string]bool{}
		for _, name := range r.FieldNames() {
			require.False(t, seen[name], "field %s.%s declared twice", r.Type, name)
			seen[name] = true
		}
		for _, f := range r.Fields {
			if f.QueryOnly {
				require.True(t, f.Filterable || f.Sortable, "field %s.%s is query-only but neither filterable nor sortable", r.Type, f.Name)
			}
		}
		for _, k := range r.DefaultSort {
			require.Contains(t, r.Sortable(), k.Field, "default sort of %s", r.Type)
		}
	}
}

// TestListSchemasComeFromTheFieldTables pins what each collection accepts.
func TestListSchemasComeFromTheFieldTables(t *testing.T) {
	text, id, at := application.TextField, application.IDField, application.TimeField
	require.Equal(t, application.ListSchema{
		Filterable:  map[string]application.FieldType{"name": text, "email": text, "created_at": at, "discarded_at": at},
		Sortable:    map[string]application.FieldType{"name": text, "created_at": at},
		DefaultSort: []application.SortKey{{Field: "name"}},
	}, application.UserListSchema)
	require.Equal(t, application.ListSchema{
		Filterable:  map[string]application.FieldType{"first_user_id": id, "second_user_id": id, "created_at": at, "updated_at": at},
		Sortable:    map[string]application.FieldType{"chat_updated_at": at, "created_at": at, "updated_at": at},
		DefaultSort: []application.SortKey{{Field: "chat_updated_at", Desc: true}},
	}, application.DirectConversationListSchema)
	require.Equal(t, application.ListSchema{
		Filterable:  map[string]application.FieldType{"created_at": at},
		Sortable:    map[string]application.FieldType{"created_at": at},
		DefaultSort: []application.SortKey{{Field: "created_at", Desc: true}},
	}, application.MessageListSchema)
}

// TestSelectableFieldsAreEveryRenderedField pins the names a sparse fieldset
// may select, per resource type.
func TestSelectableFieldsAreEveryRenderedField(t *testing.T) {
	require.Equal(t, map[string][]string{
		"user":                {"name", "email", "role", "created_at", "updated_at", "discarded_at"},
		"direct_conversation": {"first_user_id", "second_user_id", "created_at", "updated_at", "chat", "first_user", "second_user"},
		"chat":                {"context_type", "context_id", "latest_message_id", "created_at", "updated_at", "chat_memberships", "latest_message", "bookmark"},
		"chat_membership":     {"chat_id", "user_id", "role_ids", "created_at"},
		"message":             {"content", "chat_id", "author_id", "created_at", "edited_at", "discarded_at", "author"},
		"chat_bookmark":       {"chat_id", "user_id", "updated_at"},
		"unread_counts":       {"direct_conversations", "messages", "group_chats", "chat_threads"},
	}, application.SelectableFields())
}
