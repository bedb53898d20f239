package acceptance_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHostileQueryText sends the query parameters that once reached the
// database (NUL, invalid UTF-8, values SQLite refuses): each is a 400 naming
// the parameter, on every lane alike.
func TestHostileQueryText(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Mesut Özil")
		conversation(t, api, admin, member)
		many := func(n int, v string) string { return strings.TrimSuffix(strings.Repeat(v+",", n), ",") }
		cases := []struct {
			name, path, param, detail string
		}{
			{"nul_in_search_peer", "/api/v1/direct_conversations?search_peer=%00", "search_peer", "UTF-8"},
			{"nul_in_filter", "/api/v1/users?filter[name]=eq:%00", "filter[name]", "UTF-8"},
			{"nul_in_contains_filter", "/api/v1/users?filter[name]=ct:%00", "filter[name]", "UTF-8"},
			{"invalid_utf8_in_filter", "/api/v1/users?filter[name]=eq:%ff", "filter[name]", "UTF-8"},
			{"invalid_utf8_in_sort", "/api/v1/users?sort=%ff", "sort", "UTF-8"},
			{"nul_in_include", "/api/v1/direct_conversations?include=chat%00", "include", "UTF-8"},
			{"invalid_utf8_in_fields", "/api/v1/users?fields[user]=name%c3", "fields[user]", "UTF-8"},
			{"nul_in_page_size", "/api/v1/users?page[size]=%001", "page[size]", "UTF-8"},
			{"contains_of_50000_characters", "/api/v1/users?filter[name]=ct:" + strings.Repeat("a", 50000), "filter[name]", "1000"},
			{"prefix_of_50000_characters", "/api/v1/users?filter[name]=pre:" + strings.Repeat("ö", 25000), "filter[name]", "1000"},
			{"search_peer_of_60000_characters", "/api/v1/direct_conversations?search_peer=" + strings.Repeat("a", 60000), "search_peer", "1000"},
			{"in_with_32767_values", "/api/v1/users?filter[name]=in:" + strings.Repeat(",", 32766), "filter[name]", "100"},
			{"not_in_with_32000_values", "/api/v1/users?filter[email]=!in:" + many(32000, "a"), "filter[email]", "100"},
			{"in_with_101_ids", "/api/v1/direct_conversations?filter[first_user_id]=in:" + many(101, admin.id), "filter[first_user_id]", "100"},
		}
		for _, tc := range cases {
			r := api.get(t, tc.path, admin.token)
			e := r.requireError(t, http.StatusBadRequest, "invalid_parameter", tc.param)
			require.Contains(t, e.Detail, tc.detail, tc.name)
			require.Contains(t, e.Detail, tc.param, tc.name)
		}
		t.Run("at_the_caps", func(t *testing.T) {
			for _, q := range []string{
				"/api/v1/users?filter[name]=in:" + many(100, "Ada%20Lovelace"),
				"/api/v1/users?filter[name]=ct:" + strings.Repeat("ö", 1000),
				"/api/v1/direct_conversations?search_peer=" + strings.Repeat("ß", 1000),
			} {
				api.get(t, q, admin.token).requireStatus(t, http.StatusOK)
			}
		})
		t.Run("caps_in_german", func(t *testing.T) {
			r := api.do(t, request{method: http.MethodGet, token: admin.token, path: "/api/v1/direct_conversations?search_peer=" + strings.Repeat("a", 1001),
				headers: map[string]string{"Accept-Language": "de"}})
			e := r.requireError(t, http.StatusBadRequest, "invalid_parameter", "search_peer")
			require.Equal(t, "search_peer darf höchstens 1000 Zeichen lang sein.", e.Detail)
		})
		t.Run("search_still_finds_by_text", func(t *testing.T) {
			r := api.get(t, "/api/v1/direct_conversations?search_peer=%C3%96ZIL", admin.token).requireStatus(t, http.StatusOK)
			require.Len(t, r.many(t), 1)
			r = api.get(t, "/api/v1/users?filter[name]=ct:%25", admin.token).requireStatus(t, http.StatusOK)
			require.Empty(t, r.many(t), "%% is a literal character, not a wildcard")
		})
	})
}
