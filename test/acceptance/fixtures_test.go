package acceptance_test

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const password = "correct horse battery"

// person is a signed-in user of the suite.
type person struct {
	id    string
	name  string
	email string
	token string
}

func unique() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func uniqueEmail(prefix string) string {
	return prefix + "." + unique() + "@acme.test"
}

func attrs(typ string, a map[string]any) map[string]any {
	return map[string]any{"data": map[string]any{"type": typ, "attributes": a}}
}

func bearer(t *testing.T, r *response) string {
	t.Helper()
	h := r.header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	require.True(t, ok, "Authorization header %q", h)
	require.NotEmpty(t, token)
	return token
}

// signUp creates a new account whose admin is name.
func signUp(t *testing.T, api *client, name string) person {
	t.Helper()
	email := uniqueEmail("admin")
	r := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
		"account_name": "Acme " + unique(), "name": name, "email": email, "password": password,
	})).requireStatus(t, http.StatusCreated)
	u := r.one(t)
	return person{id: u.ID, name: name, email: email, token: bearer(t, r)}
}

// addMember has admin create a member named name and signs them in.
func addMember(t *testing.T, api *client, admin person, name string) person {
	t.Helper()
	email := uniqueEmail("member")
	r := api.post(t, "/api/v1/users", admin.token, attrs("user", map[string]any{
		"name": name, "email": email, "password": password,
	})).requireStatus(t, http.StatusCreated)
	id := r.one(t).ID
	s := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{
		"email": email, "password": password,
	})).requireStatus(t, http.StatusOK)
	return person{id: id, name: name, email: email, token: bearer(t, s)}
}

// start has from start a direct conversation with to.
func start(t *testing.T, api *client, from, to person) *response {
	t.Helper()
	return api.post(t, "/api/v1/direct_conversations", from.token,
		attrs("direct_conversation", map[string]any{"user_id": to.id}))
}

// conversation starts a conversation and returns its resource.
func conversation(t *testing.T, api *client, from, to person) resource {
	t.Helper()
	return start(t, api, from, to).requireStatus(t, http.StatusCreated).one(t)
}

// postMessage posts content in chatID and returns the message resource.
func postMessage(t *testing.T, api *client, who person, chatID, content string) resource {
	t.Helper()
	return api.post(t, "/api/v1/chats/"+chatID+"/messages", who.token,
		attrs("message", map[string]any{"content": content})).requireStatus(t, http.StatusCreated).one(t)
}

// ids lists the ids of resources in order.
func ids(rs []resource) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// pathOf strips the scheme and host from a link, keeping path and query.
func pathOf(t *testing.T, link string) string {
	t.Helper()
	if i := strings.Index(link, "/api/"); i >= 0 {
		return link[i:]
	}
	t.Fatalf("link %q has no /api/ path", link)
	return ""
}

// collect follows links.next from path and returns every item.
func collect(t *testing.T, api *client, path, token string) []resource {
	t.Helper()
	var all []resource
	for pages := 0; path != ""; pages++ {
		require.Less(t, pages, 1000, "pagination does not end")
		r := api.get(t, path, token).requireStatus(t, http.StatusOK)
		all = append(all, r.many(t)...)
		require.NotNil(t, r.doc.Links["self"])
		next, ok := r.doc.Links["next"]
		require.True(t, ok, "links.next must be present (null on the last page): %s", r.raw)
		path = ""
		if next != nil {
			path = pathOf(t, *next)
		}
	}
	return all
}
