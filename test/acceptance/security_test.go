package acceptance_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// securedRoute is one authenticated route of the OpenAPI document, with
// what a valid caller who must not see the victim's data gets: a member of
// another account and a member of the same account who is not a
// participant.
// Placeholders {member}, {conv}, {chat} and {msg} name the victim's
// resources.
type securedRoute struct {
	name           string
	method         string
	path           string
	body           func(ids map[string]string) any
	otherAccount   int
	nonParticipant int
	// private names the placeholder whose resource is hidden: a 404 must
	// then be byte-identical to the answer for a missing one.
	private string
	// signsOut marks the route that revokes the caller's token.
	signsOut bool
}

var securedRoutes = []securedRoute{
	{name: "sign_out", method: http.MethodDelete, path: "/api/v1/sign_out",
		otherAccount: http.StatusNoContent, nonParticipant: http.StatusNoContent, signsOut: true},
	{name: "me", method: http.MethodGet, path: "/api/v1/users/me",
		otherAccount: http.StatusOK, nonParticipant: http.StatusOK},
	{name: "list_users", method: http.MethodGet, path: "/api/v1/users",
		otherAccount: http.StatusOK, nonParticipant: http.StatusOK},
	{name: "get_user", method: http.MethodGet, path: "/api/v1/users/{member}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusOK, private: "{member}"},
	{name: "create_user", method: http.MethodPost, path: "/api/v1/users",
		body: func(map[string]string) any {
			return attrs("user", map[string]any{"name": "Mallory", "email": uniqueEmail("mallory"), "password": password})
		},
		// The other account's caller is the admin of their own account; a
		// member who is not an admin is the documented 403.
		otherAccount: http.StatusCreated, nonParticipant: http.StatusForbidden},
	{name: "start_conversation", method: http.MethodPost, path: "/api/v1/direct_conversations",
		body: func(ids map[string]string) any {
			return attrs("direct_conversation", map[string]any{"user_id": ids["{member}"]})
		},
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusCreated, private: "{member}"},
	{name: "list_conversations", method: http.MethodGet, path: "/api/v1/direct_conversations?include=chat,first_user,second_user",
		otherAccount: http.StatusOK, nonParticipant: http.StatusOK},
	{name: "get_conversation", method: http.MethodGet, path: "/api/v1/direct_conversations/{conv}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{conv}"},
	{name: "get_chat", method: http.MethodGet, path: "/api/v1/chats/{chat}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "list_messages", method: http.MethodGet, path: "/api/v1/chats/{chat}/messages",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "post_message", method: http.MethodPost, path: "/api/v1/chats/{chat}/messages",
		body: func(map[string]string) any {
			return attrs("message", map[string]any{"content": "let me in"})
		},
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "update_me", method: http.MethodPatch, path: "/api/v1/users/me",
		body:         func(map[string]string) any { return attrs("user", map[string]any{"name": "Still Me"}) },
		otherAccount: http.StatusOK, nonParticipant: http.StatusOK},
	// A member editing or deactivating someone else is the documented 403.
	{name: "update_user", method: http.MethodPatch, path: "/api/v1/users/{member}",
		body:         func(map[string]string) any { return attrs("user", map[string]any{"name": "Mallory"}) },
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusForbidden, private: "{member}"},
	{name: "deactivate_user", method: http.MethodDelete, path: "/api/v1/users/{member}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusForbidden, private: "{member}"},
	{name: "get_message", method: http.MethodGet, path: "/api/v1/messages/{msg}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{msg}"},
	{name: "edit_message", method: http.MethodPatch, path: "/api/v1/messages/{msg}",
		body: func(map[string]string) any {
			return attrs("message", map[string]any{"content": "rewritten by someone else"})
		},
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{msg}"},
	{name: "withdraw_message", method: http.MethodDelete, path: "/api/v1/messages/{msg}",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{msg}"},
	{name: "get_bookmark", method: http.MethodGet, path: "/api/v1/chats/{chat}/bookmark",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "put_bookmark", method: http.MethodPut, path: "/api/v1/chats/{chat}/bookmark",
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "post_bookmark", method: http.MethodPost, path: "/api/v1/chats/{chat}/bookmark",
		body: func(map[string]string) any {
			return attrs("chat_bookmark", map[string]any{"updated_at": "2025-01-01T00:00:00Z"})
		},
		otherAccount: http.StatusNotFound, nonParticipant: http.StatusNotFound, private: "{chat}"},
	{name: "unread_counts", method: http.MethodGet, path: "/api/v1/unread_counts",
		otherAccount: http.StatusOK, nonParticipant: http.StatusOK},
}

// TestAuthorizationMatrix sends every authenticated route with every kind of
// bad token, and with valid tokens of people who must not see the victim's
// data. Token problems are 401 with a Bearer challenge, all alike; a valid
// caller gets 404 for what is not theirs, byte-identical to the answer for a
// resource that does not exist, and never 403 except the documented one; a
// collection never lists what is not theirs.
func TestAuthorizationMatrix(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		member := addMember(t, api, admin, "Grace Hopper")
		carol := addMember(t, api, admin, "Carol Shaw")
		outsider := signUp(t, api, "Eve Outsider")
		gone := addMember(t, api, admin, "Dave Gone")
		deactivate(t, api, admin, gone)
		conv := conversation(t, api, admin, member)
		chatID := conv.linkage(t, "chat").ID
		msg := postMessage(t, api, member, chatID, "for our eyes only")
		ids := map[string]string{"{member}": member.id, "{conv}": conv.ID, "{chat}": chatID, "{msg}": msg.ID}

		for _, rt := range securedRoutes {
			t.Run(rt.name, func(t *testing.T) {
				var challenge []byte
				for kind, token := range badTokens(t, api, admin) {
					r := sendRoute(t, api, rt, ids, token)
					r.requireError(t, http.StatusUnauthorized, "unauthorized", "")
					require.Equal(t, "Bearer", r.header.Get("WWW-Authenticate"), kind)
					if challenge != nil {
						require.Equal(t, string(challenge), string(r.raw), "401 for %s differs from the others", kind)
					}
					challenge = r.raw
				}
				r := sendRoute(t, api, rt, ids, gone.token)
				require.Equal(t, string(challenge), string(r.raw), "a deactivated user's token must be refused like any bad token")
				callers := []struct {
					name string
					who  person
					want int
				}{
					{"other_account", outsider, rt.otherAccount},
					{"non_participant", carol, rt.nonParticipant},
				}
				for _, c := range callers {
					token := c.who.token
					if rt.signsOut {
						token = signIn(t, api, c.who)
					}
					r := sendRoute(t, api, rt, ids, token)
					require.Equal(t, c.want, r.status, "%s: %s", c.name, r.raw)
					switch {
					case r.status == http.StatusNotFound:
						missing := map[string]string{}
						for k, v := range ids {
							missing[k] = v
						}
						missing[rt.private] = uuid.NewString()
						m := sendRoute(t, api, rt, missing, token)
						require.Equal(t, http.StatusNotFound, m.status, "%s: %s", c.name, m.raw)
						require.Equal(t, string(m.raw), string(r.raw), "%s: the 404 reveals that the resource exists", c.name)
					case r.status < 300 && c.name == "other_account":
						for _, id := range []string{admin.id, member.id, carol.id, conv.ID, chatID} {
							require.NotContains(t, string(r.raw), id, "%s sees another account's data", c.name)
						}
					case r.status < 300 && rt.private == "" && rt.method == http.MethodGet:
						require.NotContains(t, string(r.raw), conv.ID, "%s sees a conversation not theirs", c.name)
						require.NotContains(t, string(r.raw), chatID, "%s sees a chat not theirs", c.name)
					}
				}
			})
		}
	})
}

// sendRoute sends rt with its placeholders replaced by ids; an empty token
// sends no Authorization header at all.
func sendRoute(t *testing.T, api *client, rt securedRoute, ids map[string]string, token string) *response {
	t.Helper()
	path := rt.path
	for k, v := range ids {
		path = strings.ReplaceAll(path, k, v)
	}
	req := request{method: rt.method, path: path}
	if rt.body != nil {
		req.body = rt.body(ids)
	}
	if token != "" {
		req.headers = map[string]string{"Authorization": "Bearer " + token}
	}
	return api.do(t, req)
}

// signIn opens another session for p and returns its token.
func signIn(t *testing.T, api *client, p person) string {
	t.Helper()
	r := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": p.email, "password": password}))
	return bearer(t, r.requireStatus(t, http.StatusOK))
}

// badTokens returns one token of every kind the API must refuse, all
// presented for owner (or made from owner's): none at all, garbage, a
// forged or tampered signature, alg none, a wrong algorithm and expired (when
// the lane's key is known), and signed out.
func badTokens(t *testing.T, api *client, owner person) map[string]string {
	t.Helper()
	var claims jwt.MapClaims
	_, _, err := jwt.NewParser().ParseUnverified(owner.token, &claims)
	require.NoError(t, err)
	resign := func(method jwt.SigningMethod, key any, edit func(jwt.MapClaims)) string {
		c := jwt.MapClaims{}
		for k, v := range claims {
			c[k] = v
		}
		edit(c)
		s, err := jwt.NewWithClaims(method, c).SignedString(key)
		require.NoError(t, err)
		return s
	}
	parts := strings.Split(owner.token, ".")
	tokens := map[string]string{
		"none":            "",
		"garbage":         "garbage",
		"forged":          parts[0] + "." + parts[1] + "." + strings.Repeat("A", len(parts[2])),
		"forged_key":      resign(jwt.SigningMethodHS256, []byte("not the service's key, 32 bytes!"), func(jwt.MapClaims) {}),
		"alg_none":        resign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, func(jwt.MapClaims) {}),
		"escalated_claim": resign(jwt.SigningMethodHS256, []byte("guess"), func(c jwt.MapClaims) { c["role"] = "admin" }),
	}
	tampered := "AAAA"
	if strings.HasSuffix(owner.token, tampered) {
		tampered = "BBBB"
	}
	tokens["tampered"] = owner.token[:len(owner.token)-4] + tampered
	if api.lane.secret != nil {
		tokens["wrong_algorithm"] = resign(jwt.SigningMethodHS512, api.lane.secret, func(jwt.MapClaims) {})
		tokens["expired"] = resign(jwt.SigningMethodHS256, api.lane.secret, func(c jwt.MapClaims) {
			c["iat"] = time.Now().Add(-2 * time.Hour).Unix()
			c["exp"] = time.Now().Add(-time.Hour).Unix()
		})
	}
	revoked := signIn(t, api, owner)
	api.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: revoked}).requireStatus(t, http.StatusNoContent)
	tokens["revoked"] = revoked
	return tokens
}
