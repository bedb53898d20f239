package httpapi

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func startBody(userID string) string {
	return `{"data":{"type":"direct_conversation","attributes":{"user_id":"` + userID + `"}}}`
}

func TestDirectConversations(t *testing.T) {
	api := newTestAPI(t)
	ada := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	grace := api.addMember(t, ada, "Grace Hopper", "grace@acme.test")
	outsider := api.signUp(t, "Eve", "eve@other.test")

	first := api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations?include=second_user", token: ada.token, body: startBody(grace.id)})
	require.Equal(t, http.StatusCreated, first.status, first.raw)
	conv := first.one(t)

	t.Run("created_with_location_and_linkage", func(t *testing.T) {
		require.Equal(t, "/api/v1/direct_conversations/"+conv.ID, first.header.Get("Location"))
		require.Equal(t, "/api/v1/direct_conversations/"+conv.ID, conv.Links.Self)
		a := attrs(t, conv)
		require.Equal(t, ada.id, a["first_user_id"])
		require.Equal(t, grace.id, a["second_user_id"])
		require.NotContains(t, a, "user_id")
		r := rels(t, conv)
		require.JSONEq(t, `{"type":"user","id":"`+grace.id+`"}`, string(r["second_user"].Data))
		require.Contains(t, r, "chat")
		require.Len(t, first.doc.Included, 1)
		require.Equal(t, grace.id, first.doc.Included[0].ID)
	})
	t.Run("existing_pair_answers_200_with_the_same_conversation", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: grace.token, body: startBody(ada.id)})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.Equal(t, conv.ID, r.one(t).ID)
		require.Empty(t, r.header.Get("Location"))
	})
	t.Run("invalid_requests", func(t *testing.T) {
		cases := []struct {
			name, body string
			status     int
			code, src  string
		}{
			{"self", startBody(ada.id), http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/user_id"},
			{"not_uuid", startBody("nope"), http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/user_id"},
			{"missing", `{"data":{"type":"direct_conversation","attributes":{}}}`, http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/user_id"},
			{"other_account", startBody(outsider.id), http.StatusNotFound, codeNotFound, "/data/attributes/user_id"},
			{"read_only", `{"data":{"type":"direct_conversation","attributes":{"user_id":"x","second_user_id":"y"}}}`, http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/second_user_id"},
			{"wrong_type", `{"data":{"type":"chat","attributes":{"user_id":"x"}}}`, http.StatusConflict, codeConflict, "/data/type"},
			{"client_id", `{"data":{"type":"direct_conversation","id":"x","attributes":{"user_id":"x"}}}`, http.StatusForbidden, codeForbidden, "/data/id"},
			{"malformed", `{"data"`, http.StatusBadRequest, codeInvalidJSON, ""},
			{"not_a_document", `[1]`, http.StatusBadRequest, codeInvalidDocument, ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: ada.token, body: tc.body}).
					requireError(t, tc.status, tc.code, tc.src)
			})
		}
	})
	t.Run("get_with_includes_and_fields", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, token: grace.token,
			path: "/api/v1/direct_conversations/" + conv.ID + "?include=chat,first_user,second_user&fields[direct_conversation]=first_user_id,chat&fields[user]=name"})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		res := r.one(t)
		require.Equal(t, map[string]any{"first_user_id": ada.id}, attrs(t, res))
		require.Len(t, rels(t, res), 1)
		types := map[string]int{}
		for _, inc := range r.doc.Included {
			types[inc.Type]++
			if inc.Type == "user" {
				require.Len(t, attrs(t, inc), 1)
			}
			if inc.Type == "chat" {
				a := attrs(t, inc)
				require.Equal(t, "direct_conversation", a["context_type"])
				require.Equal(t, conv.ID, a["context_id"])
				require.Contains(t, a, "latest_message_id")
				require.Nil(t, a["latest_message_id"])
			}
		}
		require.Equal(t, map[string]int{"chat": 1, "user": 2}, types)
	})
	t.Run("outsider_gets_404", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: "/api/v1/direct_conversations/" + conv.ID, token: outsider.token}).
			requireError(t, http.StatusNotFound, codeNotFound, "")
	})
	t.Run("list_includes_each_resource_once", func(t *testing.T) {
		hedy := api.addMember(t, ada, "Hedy Lamarr", "hedy@acme.test")
		api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: ada.token, body: startBody(hedy.id)})
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/direct_conversations?include=first_user,second_user&search_peer=%20", token: ada.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.Len(t, r.many(t), 2)
		require.Len(t, r.doc.Included, 3)
		require.Equal(t, "/api/v1/direct_conversations?include=first_user,second_user&search_peer=%20", *r.doc.Links["self"])
		require.Nil(t, r.doc.Links["next"])
	})
	t.Run("list_rejects_unknown_filter", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: "/api/v1/direct_conversations?filter[name]=eq:x", token: ada.token}).
			requireError(t, http.StatusBadRequest, codeInvalidParameter, "filter[name]")
	})
}

func TestChatsAndMessages(t *testing.T) {
	api := newTestAPI(t)
	ada := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	grace := api.addMember(t, ada, "Grace Hopper", "grace@acme.test")
	hedy := api.addMember(t, ada, "Hedy Lamarr", "hedy@acme.test")
	conv := api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: ada.token, body: startBody(grace.id)}).one(t)
	var chatID struct{ ID string }
	require.NoError(t, json.Unmarshal(rels(t, conv)["chat"].Data, &chatID))
	chatPath := "/api/v1/chats/" + chatID.ID

	t.Run("chat_before_any_message", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: chatPath + "?include=chat_memberships,latest_message", token: grace.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		res := r.one(t)
		require.Equal(t, chatPath, res.Links.Self)
		require.Equal(t, "null", string(rels(t, res)["latest_message"].Data))
		require.Len(t, r.doc.Included, 2)
		m := attrs(t, r.doc.Included[0])
		require.Equal(t, []any{"messages.read", "messages.create"}, m["role_ids"])
		require.Nil(t, r.doc.Included[0].Links)
	})
	t.Run("post_message", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: chatPath + "/messages", token: grace.token,
			body: `{"data":{"type":"message","attributes":{"content":"  Hello <Ada>  "}}}`})
		require.Equal(t, http.StatusCreated, r.status, r.raw)
		res := r.one(t)
		require.Equal(t, "Hello <Ada>", attrs(t, res)["content"])
		require.JSONEq(t, `{"type":"user","id":"`+grace.id+`"}`, string(rels(t, res)["author"].Data))
		require.Equal(t, "/api/v1/messages/"+res.ID, res.Links.Self)
	})
	t.Run("blank_message_is_422", func(t *testing.T) {
		api.do(t, call{method: http.MethodPost, path: chatPath + "/messages", token: grace.token,
			body: `{"data":{"type":"message","attributes":{"content":"   "}}}`}).
			requireError(t, http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/content")
	})
	t.Run("non_member_gets_404", func(t *testing.T) {
		api.do(t, call{method: http.MethodPost, path: chatPath + "/messages", token: hedy.token,
			body: `{"data":{"type":"message","attributes":{"content":"hi"}}}`}).
			requireError(t, http.StatusNotFound, codeNotFound, "")
		api.do(t, call{method: http.MethodGet, path: chatPath, token: hedy.token}).requireError(t, http.StatusNotFound, codeNotFound, "")
	})
	t.Run("list_messages_with_author", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: chatPath + "/messages?include=author", token: ada.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.Len(t, r.many(t), 1)
		require.Len(t, r.doc.Included, 1)
		require.Equal(t, grace.id, r.doc.Included[0].ID)
	})
	t.Run("latest_message_included", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: chatPath + "?include=latest_message", token: ada.token})
		require.Equal(t, http.StatusOK, r.status, r.raw)
		require.Len(t, r.doc.Included, 1)
		require.Equal(t, "message", r.doc.Included[0].Type)
		require.Equal(t, r.doc.Included[0].ID, attrs(t, r.one(t))["latest_message_id"])
	})
	t.Run("messages_reject_unknown_sort_and_include_on_post", func(t *testing.T) {
		api.do(t, call{method: http.MethodGet, path: chatPath + "/messages?sort=content", token: ada.token}).
			requireError(t, http.StatusBadRequest, codeInvalidParameter, "sort")
		api.do(t, call{method: http.MethodPost, path: chatPath + "/messages?include=author", token: ada.token,
			body: `{"data":{"type":"message","attributes":{"content":"hi"}}}`}).
			requireError(t, http.StatusBadRequest, codeInvalidParameter, "include")
	})
}
