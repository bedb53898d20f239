package httpapi

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// fuzzCollection pairs a collection endpoint's parameter spec with the list
// schema its use case validates against.
type fuzzCollection struct {
	spec   paramSpec
	schema application.ListSchema
}

var fuzzCollections = []fuzzCollection{
	{userListParams, application.UserListSchema},
	{conversationListParams, application.DirectConversationListSchema},
	{messageListParams, application.MessageListSchema},
}

// FuzzParseQuery drives the query-string parser of the HTTP adapter and then
// the application's ListSchema.Parse, the path every collection request
// takes. When cursorID is set, a cursor carrying cursorSort, cursorKey and
// cursorID is signed with the router's key and appended as page[after], so
// that keyset decoding sees arbitrary, correctly signed content. Every
// failure must be a *application.ParameterError naming its parameter (a
// 400); every success must be a query the stores can run.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []struct {
		query, cursorSort, cursorKey, cursorID string
	}{
		{"", "", "", ""},
		{"sort=-created_at,name&page[size]=100&filter[name]=ct:%C3%96ZIL&include=&fields[user]=name,email", "", "", ""},
		{"filter[created_at]=gte:2025-01-02T03:04:05.999999999Z&filter[email]=in:a@b.test,c@d.test&filter[name]=present", "", "", ""},
		{"filter[name]=blank:&filter[email]=!ct:%25_%5C&page[size]=+7+", "", "", ""},
		{"filter[first_user_id]=!in:0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b,x&search_peer=%00", "", "", ""},
		{"sort=-chat_updated_at&include=chat,first_user,second_user&fields[chat]=&fields[direct_conversation]=chat", "", "", ""},
		{"sort=name,name", "", "", ""},
		{"sort=,", "", "", ""},
		{"sort=--name", "", "", ""},
		{"page[size]=0", "", "", ""},
		{"page[size]=99999999999999999999", "", "", ""},
		{"filter[created_at]=gt:2025-13-01T00:00:00Z", "", "", ""},
		{"filter[name]=eq", "", "", ""},
		{"filter[]=eq:x&filter[[x]]=eq:y", "", "", ""},
		{"fields=name&include=author,author", "", "", ""},
		{"%zz=1", "", "", ""},
		{"a=%", "", "", ""},
		{"sort=name", "name", "ada", "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"},
		{"", "-chat_updated_at", "2025-01-02T03:04:05Z", "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"},
		{"", "-created_at", "not a time", "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"},
		{"sort=created_at", "created_at", "2025-01-02T03:04:05Z", "00000000-0000-0000-0000-000000000000"},
		{"", "name", "ada", "0193A0B2-8C6E-7D4F-9A1B-2C3D4E5F6A7B"},
		{"", "name", "ada", "{0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b}"},
	} {
		for i := range fuzzCollections {
			f.Add(seed.query, seed.cursorSort, seed.cursorKey, seed.cursorID, uint8(i))
		}
	}
	codec, err := newCursorCodec([]byte("fuzz secret"))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, rawQuery, cursorSort, cursorKey, cursorID string, which uint8) {
		coll := fuzzCollections[int(which)%len(fuzzCollections)]
		if cursorID != "" {
			token, err := codec.encode(application.Cursor{Sort: cursorSort, Keys: []string{cursorKey}, ID: cursorID})
			require.NoError(t, err)
			if rawQuery != "" {
				rawQuery += "&"
			}
			rawQuery += "page%5Bafter%5D=" + url.QueryEscape(token)
		}
		q, err := parseQuery(rawQuery, coll.spec, codec)
		if err != nil {
			requireParameterError(t, err, hasEmptyKey(rawQuery))
			return
		}
		lq, err := coll.schema.Parse(q.list)
		if err != nil {
			requireParameterError(t, err, false)
			return
		}
		requireRunnableQuery(t, coll.schema, lq)
	})
}

// requireParameterError checks that err answers 400 with source.parameter.
// The parameter may be unnamed only when the query has a parameter without
// a name ("?=x"): that is the one the error is about.
func requireParameterError(t *testing.T, err error, unnamedAllowed bool) {
	t.Helper()
	var pe *application.ParameterError
	require.True(t, errors.As(err, &pe), "%T %v", err, err)
	if !unnamedAllowed {
		require.NotEmpty(t, pe.Name(parameterName))
	}
	problems := problemsOf(err)
	require.Len(t, problems, 1)
	require.Equal(t, 400, problems[0].status)
	require.Equal(t, codeInvalidParameter, problems[0].code)
	require.Equal(t, pe.Name(parameterName), problems[0].parameter)
	require.NotEmpty(t, problems[0].detail.render(langGerman))
}

// requireRunnableQuery checks what the stores rely on: a page size in range,
// a sort over sortable fields without repeats, filters over filterable
// fields with values of the field's type in the number the operator needs,
// and a keyset that matches the sort.
func requireRunnableQuery(t *testing.T, schema application.ListSchema, q application.ListQuery) {
	t.Helper()
	require.GreaterOrEqual(t, q.Size, 1)
	require.LessOrEqual(t, q.Size, application.MaxPageSize)
	require.NotEmpty(t, q.Sort)
	var fields []string
	for _, k := range q.Sort {
		_, ok := schema.Sortable[k.Field]
		require.True(t, ok, "sort field %q", k.Field)
		require.False(t, slices.Contains(fields, k.Field), "sort field %q repeated", k.Field)
		fields = append(fields, k.Field)
	}
	for _, flt := range q.Filters {
		typ, ok := schema.Filterable[flt.Field]
		require.True(t, ok, "filter field %q", flt.Field)
		require.Equal(t, typ, flt.Type)
		switch flt.Op {
		case application.OpBlank, application.OpPresent:
			require.Empty(t, flt.Values)
		case application.OpIn, application.OpNotIn:
			require.NotEmpty(t, flt.Values)
		default:
			require.Len(t, flt.Values, 1)
		}
		for _, v := range flt.Values {
			requireValueOfType(t, typ, v)
		}
	}
	if q.After != nil {
		require.Len(t, q.After.Values, len(q.Sort))
		for i, k := range q.Sort {
			requireValueOfType(t, schema.Sortable[k.Field], q.After.Values[i])
		}
	}
}

func requireValueOfType(t *testing.T, typ application.FieldType, v any) {
	t.Helper()
	switch typ {
	case application.IDField:
		require.IsType(t, domain.ID{}, v)
	case application.TimeField:
		tm, ok := v.(time.Time)
		require.True(t, ok, "%T", v)
		require.Equal(t, time.UTC, tm.Location())
	default:
		require.IsType(t, "", v)
	}
}

// hasEmptyKey reports whether rawQuery holds a parameter whose name is empty.
func hasEmptyKey(rawQuery string) bool {
	for pair := range strings.SplitSeq(rawQuery, "&") {
		key, _, _ := strings.Cut(pair, "=")
		if unescaped, err := url.QueryUnescape(key); pair != "" && err == nil && unescaped == "" {
			return true
		}
	}
	return false
}
