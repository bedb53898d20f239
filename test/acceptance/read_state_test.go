package acceptance_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// unreadOf reads meta.unread_count of the primary resource, or of the
// collection item id when id is given.
func unreadOf(t *testing.T, r *response, id string) int {
	t.Helper()
	type withMeta struct {
		ID   string `json:"id"`
		Meta *struct {
			UnreadCount *int `json:"unread_count"`
		} `json:"meta"`
	}
	var items []withMeta
	if id == "" {
		var one withMeta
		require.NoError(t, json.Unmarshal(r.doc.Data, &one), "body: %s", r.raw)
		items = []withMeta{one}
		id = one.ID
	} else {
		require.NoError(t, json.Unmarshal(r.doc.Data, &items), "body: %s", r.raw)
	}
	for _, it := range items {
		if it.ID == id {
			require.NotNil(t, it.Meta, "meta missing: %s", r.raw)
			require.NotNil(t, it.Meta.UnreadCount, "meta.unread_count missing: %s", r.raw)
			return *it.Meta.UnreadCount
		}
	}
	t.Fatalf("%s not in %s", id, r.raw)
	return 0
}

// markRead puts the caller's bookmark of chatID, at at unless it is empty.
func markRead(t *testing.T, api *client, who person, chatID, at string) *response {
	t.Helper()
	var body any
	if at != "" {
		body = attrs("chat_bookmark", map[string]any{"updated_at": at})
	}
	return api.do(t, request{method: http.MethodPut, path: "/api/v1/chats/" + chatID + "/bookmark", token: who.token, body: body})
}

// unreadCounts reads the caller's unread figures.
func unreadCounts(t *testing.T, api *client, who person) map[string]any {
	t.Helper()
	u := api.get(t, "/api/v1/unread_counts", who.token).requireStatus(t, http.StatusOK).one(t)
	require.Equal(t, "unread_counts", u.Type)
	require.Equal(t, who.id, u.ID)
	require.Equal(t, float64(0), u.Attributes["group_chats"])
	require.Equal(t, float64(0), u.Attributes["chat_threads"])
	return u.Attributes
}

func TestChatBookmarkRules(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		carol := addMember(t, api, admin, "Carol Shaw")
		outsider := signUp(t, api, "Eve Outsider")
		chatID := conversation(t, api, admin, grace).linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID + "/bookmark"

		r := api.get(t, path, grace.token).requireStatus(t, http.StatusOK)
		require.JSONEq(t, "null", string(r.doc.Data))

		first := markRead(t, api, grace, chatID, "2025-01-02T00:00:00Z").requireStatus(t, http.StatusCreated).one(t)
		require.Equal(t, "chat_bookmark", first.Type)
		require.Equal(t, chatID, first.str("chat_id"))
		require.Equal(t, grace.id, first.str("user_id"))
		require.Equal(t, "2025-01-02T00:00:00Z", first.str("updated_at"))
		require.Equal(t, path, pathOf(t, first.Links["self"]))

		// Never backwards: an earlier time answers 200 with it unchanged.
		back := markRead(t, api, grace, chatID, "2024-01-01T00:00:00Z").requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, "2025-01-02T00:00:00Z", back.str("updated_at"))
		require.Equal(t, "2025-01-02T00:00:00Z", api.get(t, path, grace.token).requireStatus(t, http.StatusOK).one(t).str("updated_at"))

		// A time in the future counts as now.
		before := time.Now().Add(-time.Second)
		future := api.post(t, path, grace.token, attrs("chat_bookmark", map[string]any{"updated_at": "2999-01-01T00:00:00Z"})).
			requireStatus(t, http.StatusOK).one(t)
		at, err := time.Parse(time.RFC3339Nano, future.str("updated_at"))
		require.NoError(t, err)
		require.True(t, at.After(before) && at.Before(time.Now().Add(time.Minute)), "clamped to now, got %s", at)

		// No body means now; the chat links the bookmark.
		markRead(t, api, admin, chatID, "").requireStatus(t, http.StatusCreated)
		chat := api.get(t, "/api/v1/chats/"+chatID+"?include=bookmark", admin.token).requireStatus(t, http.StatusOK)
		link := chat.one(t).linkage(t, "bookmark")
		require.NotNil(t, link)
		require.Equal(t, identifier{Type: "chat_bookmark", ID: chatID}, *link)
		require.Len(t, chat.doc.Included, 1)
		require.Equal(t, admin.id, chat.doc.Included[0].str("user_id"))

		// A malformed time is 422 on updated_at.
		markRead(t, api, grace, chatID, "yesterday").requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/updated_at")
		api.post(t, path, grace.token, attrs("chat_bookmark", map[string]any{"user_id": admin.id})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/user_id")
		api.post(t, path, grace.token, attrs("message", map[string]any{})).requireError(t, http.StatusConflict, "conflict", "/data/type")

		// Non-members and other accounts see 404, as for the chat.
		for _, who := range []person{carol, outsider} {
			api.get(t, path, who.token).requireError(t, http.StatusNotFound, "not_found", "")
			markRead(t, api, who, chatID, "").requireError(t, http.StatusNotFound, "not_found", "")
		}
		api.get(t, "/api/v1/chats/not-a-uuid/bookmark", grace.token).requireError(t, http.StatusNotFound, "not_found", "")
	})
}

func TestUnreadCountsFollowPosts(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		conv := conversation(t, api, admin, grace)
		chatID := conv.linkage(t, "chat").ID
		convPath := "/api/v1/direct_conversations/" + conv.ID

		require.Equal(t, 0, unreadOf(t, api.get(t, convPath, grace.token).requireStatus(t, http.StatusOK), ""))
		postMessage(t, api, admin, chatID, "one")
		postMessage(t, api, admin, chatID, "two")
		postMessage(t, api, grace, chatID, "mine")
		postMessage(t, api, admin, chatID, "three")

		// Grace's own post moved her bookmark: only the one after it counts.
		require.Equal(t, 1, unreadOf(t, api.get(t, convPath, grace.token).requireStatus(t, http.StatusOK), ""))
		require.Equal(t, 0, unreadOf(t, api.get(t, convPath, admin.token).requireStatus(t, http.StatusOK), ""))
		require.Equal(t, 1, unreadOf(t, api.get(t, "/api/v1/chats/"+chatID, grace.token).requireStatus(t, http.StatusOK), ""))
		list := api.get(t, "/api/v1/direct_conversations?include=chat", grace.token).requireStatus(t, http.StatusOK)
		require.Equal(t, 1, unreadOf(t, list, conv.ID))
		c := unreadCounts(t, api, grace)
		require.Equal(t, float64(1), c["direct_conversations"])
		require.Equal(t, float64(1), c["messages"])
		c = unreadCounts(t, api, admin)
		require.Equal(t, float64(0), c["direct_conversations"])

		markRead(t, api, grace, chatID, "").requireStatus(t, http.StatusOK)
		require.Equal(t, 0, unreadOf(t, api.get(t, convPath, grace.token).requireStatus(t, http.StatusOK), ""))
		require.Equal(t, float64(0), unreadCounts(t, api, grace)["messages"])
	})
}
