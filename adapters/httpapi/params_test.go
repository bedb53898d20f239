package httpapi

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

func TestParseQuery(t *testing.T) {
	codec, err := newCursorCodec([]byte("secret"))
	require.NoError(t, err)
	cursor, err := codec.encode(application.Cursor{Sort: "name", Keys: []string{"ada"}, ID: "x"})
	require.NoError(t, err)
	list := conversationListParams
	cases := []struct {
		name      string
		query     string
		spec      paramSpec
		parameter string
		reason    application.ParameterReason
	}{
		{"empty", "", list, "", ""},
		{"everything", "include=chat,first_user&fields%5Buser%5D=name&fields[chat]=&sort=-created_at&filter[created_at]=gt:2025-01-01T00:00:00Z&page[size]=5&page[after]=" + cursor + "&search_peer=%C3%96zil", list, "", ""},
		{"unknown_include", "include=chat,messages", list, "include", application.ReasonUnknownField},
		{"nested_include", "include=chat.chat_memberships", list, "include", application.ReasonUnknownField},
		{"include_without_paths", "include=author", userListParams, "include", application.ReasonUnknownField},
		{"unknown_fields_type", "fields[account]=name", list, "fields[account]", application.ReasonUnknownField},
		{"unknown_field", "fields[user]=name,password", list, "fields[user]", application.ReasonUnknownField},
		{"page_number", "page[number]=2", list, "page[number]", reasonUnknownParameter},
		{"bare_filter", "filter=x", list, "filter", reasonUnknownParameter},
		{"foo", "foo=1", list, "foo", reasonUnknownParameter},
		{"filter_on_single_resource", "filter[name]=eq:x", conversationParams, "filter[name]", reasonUnknownParameter},
		{"sort_on_single_resource", "sort=name", userParams, "sort", reasonUnknownParameter},
		{"search_peer_on_users", "search_peer=x", userListParams, "search_peer", reasonUnknownParameter},
		{"anything_on_sign_out", "include=", paramSpec{}, "include", reasonUnknownParameter},
		{"tampered_cursor", "page[after]=" + cursor[:len(cursor)-1] + "A", list, "page[after]", application.ReasonInvalidCursor},
		{"garbage_cursor", "page[after]=abc", list, "page[after]", application.ReasonInvalidCursor},
		{"repeated", "sort=a&sort=b", list, "sort", application.ReasonDuplicate},
		{"bad_escape", "search_peer=%zz", list, "search_peer", application.ReasonInvalidValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseQuery(tc.query, tc.spec, codec)
			if tc.parameter == "" {
				require.NoError(t, err)
				return
			}
			var pe *application.ParameterError
			require.True(t, errors.As(err, &pe), "%v", err)
			require.Equal(t, tc.parameter, pe.Parameter)
			require.Equal(t, tc.reason, pe.Reason)
		})
	}
}

func TestParseQueryValues(t *testing.T) {
	codec, err := newCursorCodec([]byte("secret"))
	require.NoError(t, err)
	want := application.Cursor{Sort: "-chat_updated_at", Keys: []string{"2025-01-01T00:00:00Z"}, ID: "id"}
	cursor, err := codec.encode(want)
	require.NoError(t, err)
	q, err := parseQuery("include=chat,second_user&fields[user]=name,email&fields[chat]=&sort=-created_at"+
		"&filter[first_user_id]=in:a,b&filter[created_at]=present&page[size]=5&page[after]="+cursor+
		"&search_peer=%C3%96zil+M", conversationListParams, codec)
	require.NoError(t, err)
	require.Equal(t, jsonapi.Includes{"chat": true, "second_user": true}, q.include)
	require.Equal(t, jsonapi.Fieldsets{"user": {"name": true, "email": true}, "chat": {}}, q.fields)
	require.Equal(t, "-created_at", *q.list.Sort)
	require.Equal(t, []application.RawFilter{{Field: "first_user_id", Expr: "in:a,b"}, {Field: "created_at", Expr: "present"}}, q.list.Filters)
	require.Equal(t, "5", *q.list.PageSize)
	require.Equal(t, want, *q.list.After)
	require.Equal(t, "Özil M", q.searchPeer)
}
