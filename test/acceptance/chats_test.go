package acceptance_test

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestChat(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		outsider := addMember(t, api, admin, "Outsider")
		stranger := signUp(t, api, "Mallory")
		c := conversation(t, api, admin, grace)
		chatID := c.linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID

		r := api.get(t, path+"?include=chat_memberships,latest_message", grace.token).requireStatus(t, http.StatusOK)
		chat := r.one(t)
		require.Equal(t, "/api/v1/chats/"+chatID, pathOf(t, chat.Links["self"]))
		require.Nil(t, chat.linkage(t, "latest_message"))
		require.Len(t, r.doc.Included, 2)
		members := map[string]resource{}
		for _, inc := range r.doc.Included {
			require.Equal(t, "chat_membership", inc.Type)
			require.Equal(t, chatID, inc.str("chat_id"))
			require.ElementsMatch(t, []any{"messages.read", "messages.create"}, inc.Attributes["role_ids"])
			members[inc.str("user_id")] = inc
		}
		require.Contains(t, members, admin.id)
		require.Contains(t, members, grace.id)

		for _, p := range []person{outsider, stranger} {
			api.get(t, path, p.token).requireError(t, http.StatusNotFound, "not_found", "")
			api.get(t, path+"/messages", p.token).requireError(t, http.StatusNotFound, "not_found", "")
			api.post(t, path+"/messages", p.token, attrs("message", map[string]any{"content": "hi"})).
				requireError(t, http.StatusNotFound, "not_found", "")
		}
		api.get(t, "/api/v1/chats/nope", admin.token).requireError(t, http.StatusNotFound, "not_found", "")
		api.get(t, path+"?include=author", admin.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "include")

		before := chat.str("updated_at")
		m := postMessage(t, api, grace, chatID, "  Hello, Ada!  ")
		require.Equal(t, "message", m.Type)
		require.Equal(t, "Hello, Ada!", m.str("content"))
		require.Equal(t, chatID, m.str("chat_id"))
		require.Equal(t, grace.id, m.str("author_id"))
		require.Equal(t, &identifier{Type: "user", ID: grace.id}, m.linkage(t, "author"))

		r = api.get(t, path+"?include=latest_message", admin.token).requireStatus(t, http.StatusOK)
		after := r.one(t)
		require.Equal(t, m.ID, after.str("latest_message_id"))
		require.Equal(t, &identifier{Type: "message", ID: m.ID}, after.linkage(t, "latest_message"))
		require.Len(t, r.doc.Included, 1)
		require.Equal(t, m.ID, r.doc.Included[0].ID)
		t0, err := time.Parse(time.RFC3339Nano, before)
		require.NoError(t, err)
		t1, err := time.Parse(time.RFC3339Nano, after.str("updated_at"))
		require.NoError(t, err)
		require.True(t, t1.After(t0), "chat updated_at must move forward: %s -> %s", t0, t1)
	})
}

func TestPostMessage(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		chatID := conversation(t, api, admin, grace).linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID + "/messages"
		t.Run("content_rules", func(t *testing.T) {
			for name, content := range map[string]any{
				"empty": "", "blank": " \n\t ", "too_long": strings.Repeat("ü", 10001), "not_text": 7,
			} {
				t.Run(name, func(t *testing.T) {
					api.post(t, path, admin.token, attrs("message", map[string]any{"content": content})).
						requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/content")
				})
			}
			api.post(t, path, admin.token, attrs("message", map[string]any{})).
				requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/content")
			long := strings.Repeat("ü", 10000)
			require.Equal(t, long, postMessage(t, api, admin, chatID, " "+long+" ").str("content"))
		})
		t.Run("document_rules", func(t *testing.T) {
			api.post(t, path, admin.token, attrs("chat", map[string]any{"content": "x"})).
				requireError(t, http.StatusConflict, "conflict", "/data/type")
			api.post(t, path, admin.token, attrs("message", map[string]any{"content": "x", "author_id": grace.id})).
				requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/author_id")
		})
	})
}

func TestMessagesReorderTheInbox(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		linus := addMember(t, api, admin, "Linus")
		barbara := addMember(t, api, admin, "Barbara")
		withGrace := conversation(t, api, admin, grace)
		withLinus := conversation(t, api, admin, linus)
		linusBarbara := conversation(t, api, linus, barbara)
		first := func(p person) string {
			return api.get(t, "/api/v1/direct_conversations", p.token).requireStatus(t, http.StatusOK).many(t)[0].ID
		}
		require.Equal(t, withLinus.ID, first(admin))
		require.Equal(t, linusBarbara.ID, first(linus))

		postMessage(t, api, grace, withGrace.linkage(t, "chat").ID, "ping")
		require.Equal(t, withGrace.ID, first(admin))
		require.Equal(t, withGrace.ID, first(grace))
		require.Equal(t, linusBarbara.ID, first(linus), "a chat of others must not move linus' inbox")
		require.Equal(t, linusBarbara.ID, first(barbara))
	})
}

func TestListMessages(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		chatID := conversation(t, api, admin, grace).linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID + "/messages"

		const n = 24
		var wg sync.WaitGroup
		posted := make([]resource, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				who := admin
				if i%2 == 1 {
					who = grace
				}
				posted[i] = postMessage(t, api, who, chatID, fmt.Sprintf("message %d", i))
			}()
		}
		wg.Wait()
		sort.Slice(posted, func(i, j int) bool {
			a, b := posted[i], posted[j]
			if a.str("created_at") != b.str("created_at") {
				ta, _ := time.Parse(time.RFC3339Nano, a.str("created_at"))
				tb, _ := time.Parse(time.RFC3339Nano, b.str("created_at"))
				return ta.After(tb)
			}
			return a.ID > b.ID
		})
		all := collect(t, api, path+"?page[size]=5&include=author", grace.token)
		require.Equal(t, ids(posted), ids(all), "every message once, newest first")

		r := api.get(t, path+"?include=author&page[size]=3", admin.token).requireStatus(t, http.StatusOK)
		authors := map[string]bool{}
		for _, inc := range r.doc.Included {
			require.Equal(t, "user", inc.Type)
			require.False(t, authors[inc.ID], "author included twice")
			authors[inc.ID] = true
		}
		require.NotEmpty(t, authors)

		chat := api.get(t, "/api/v1/chats/"+chatID, admin.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, posted[0].ID, chat.str("latest_message_id"))

		api.get(t, path+"?sort=content", admin.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "sort")
		api.get(t, path+"?filter[content]=ct:x", admin.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "filter[content]")
		api.get(t, path+"?page[size]=0", admin.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "page[size]")
	})
}
