package acceptance_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// hostileStrings are JSON string literals (as sent, escapes and raw bytes
// included) that are not valid text: encoding/json would store the last
// two as U+FFFD.
var hostileStrings = map[string]string{
	"nul":            `"A\u0000"`,
	"lone_surrogate": `"A\ud800"`,
	"invalid_utf8":   "\"A\xff\"",
}

// TestHostileBodyText posts text that is not valid UTF-8 or holds NUL in
// every kind of body: each is a 422 on the attribute, and nothing is stored.
func TestHostileBodyText(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Mesut Özil")
		chatID := conversation(t, api, admin, member).linkage(t, "chat").ID
		for name, bad := range hostileStrings {
			t.Run(name, func(t *testing.T) {
				send := func(path, token, body, pointer string) {
					t.Helper()
					api.do(t, request{method: http.MethodPost, path: path, token: token, body: body}).
						requireError(t, http.StatusUnprocessableEntity, "validation_failed", pointer)
				}
				send("/api/v1/chats/"+chatID+"/messages", admin.token,
					`{"data":{"type":"message","attributes":{"content":`+bad+`}}}`, "/data/attributes/content")
				send("/api/v1/users", admin.token,
					`{"data":{"type":"user","attributes":{"name":`+bad+`,"email":"x.`+name+`@acme.test","password":"`+password+`"}}}`,
					"/data/attributes/name")
				send("/api/v1/sign_in", "",
					`{"data":{"type":"session","attributes":{"email":`+bad+`,"password":"`+password+`"}}}`, "/data/attributes/email")
				email := uniqueEmail("nul")
				send("/api/v1/sign_up", "",
					`{"data":{"type":"user","attributes":{"account_name":`+bad+`,"name":"Grace","email":"`+email+`","password":"`+password+`"}}}`,
					"/data/attributes/account_name")
				api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": email, "password": password})).
					requireError(t, http.StatusUnauthorized, "unauthorized", "")
			})
		}
		requireNothingStored(t, api, admin, chatID)
	})
}

// TestNamesRefuseControlCharacters refuses names that could pass for
// another's: a BEL and a right-to-left override, in user and account names.
func TestNamesRefuseControlCharacters(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		for name, bad := range map[string]string{"bell": "Ada\aLovelace", "right_to_left_override": "Ada \u202eecalevoL", "isolate": "Ada\u2066"} {
			r := api.post(t, "/api/v1/users", admin.token, attrs("user", map[string]any{
				"name": bad, "email": uniqueEmail(name), "password": password}))
			e := r.requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/name")
			require.Contains(t, e.Detail, "control characters")
			email := uniqueEmail(name)
			r = api.do(t, request{method: http.MethodPost, path: "/api/v1/sign_up", body: attrs("user", map[string]any{
				"account_name": bad, "name": "Grace", "email": email, "password": password}),
				headers: map[string]string{"Accept-Language": "de"}})
			e = r.requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/account_name")
			require.Contains(t, e.Detail, "Steuerzeichen")
			api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": email, "password": password})).
				requireError(t, http.StatusUnauthorized, "unauthorized", "")
		}
		users := api.get(t, "/api/v1/users", admin.token).requireStatus(t, http.StatusOK).many(t)
		require.Len(t, users, 1, "no user was stored")
	})
}

// TestDuplicateMembersAndDepth refuses a document naming a member twice, at
// any depth, and one nested too deeply, before anything is stored.
func TestDuplicateMembersAndDepth(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Mesut Özil")
		chatID := conversation(t, api, admin, member).linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID + "/messages"
		cases := map[string]struct{ body, pointer string }{
			"content_twice": {`{"data":{"type":"message","attributes":{"content":"a","content":"b"}}}`, "/data/attributes/content"},
			"data_twice":    {`{"data":{"type":"message","attributes":{"content":"a"}},"data":{}}`, "/data"},
			"type_twice":    {`{"data":{"type":"message","type":"message","attributes":{"content":"a"}}}`, "/data/type"},
			"escaped_twice": {`{"data":{"type":"message","attributes":{"content":"a","\u0063ontent":"b"}}}`, "/data/attributes/content"},
			"in_meta":       {`{"meta":{"a":[{"b":1,"b":2}]},"data":{"type":"message","attributes":{"content":"a"}}}`, "/meta/a/0/b"},
		}
		for name, tc := range cases {
			e := api.do(t, request{method: http.MethodPost, path: path, token: admin.token, body: tc.body}).
				requireError(t, http.StatusBadRequest, "invalid_json", tc.pointer)
			require.Contains(t, e.Detail, "more than once", name)
		}
		deep := `{"meta":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `,"data":{"type":"message","attributes":{"content":"a"}}}`
		e := api.do(t, request{method: http.MethodPost, path: path, token: admin.token, body: deep}).
			requireError(t, http.StatusBadRequest, "invalid_json", "")
		require.Contains(t, e.Detail, "too deeply nested")
		requireNothingStored(t, api, admin, chatID)
	})
}

// requireNothingStored checks that the chat holds no message and the
// account no user but its admin.
func requireNothingStored(t *testing.T, api *client, admin person, chatID string) {
	t.Helper()
	msgs := api.get(t, "/api/v1/chats/"+chatID+"/messages", admin.token).requireStatus(t, http.StatusOK).many(t)
	require.Empty(t, msgs, "a refused message was stored")
	users := api.get(t, "/api/v1/users", admin.token).requireStatus(t, http.StatusOK).many(t)
	require.Len(t, users, 2, "a refused user was stored")
}
