package acceptance_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// messagePath is a message's own address.
func messagePath(id string) string { return "/api/v1/messages/" + id }

// editMessage sends PATCH /messages/:id with body.
func editMessage(t *testing.T, api *client, who person, id string, body any) *response {
	t.Helper()
	return api.do(t, request{method: http.MethodPatch, path: messagePath(id), token: who.token, body: body})
}

// withdrawMessage sends DELETE /messages/:id.
func withdrawMessage(t *testing.T, api *client, who person, id string) *response {
	t.Helper()
	return api.do(t, request{method: http.MethodDelete, path: messagePath(id), token: who.token})
}

// requireTombstone checks that m is a withdrawn message: content null,
// discarded_at set.
func requireTombstone(t *testing.T, m resource) {
	t.Helper()
	content, ok := m.Attributes["content"]
	require.True(t, ok, "content must be present (as null)")
	require.Nil(t, content, "a tombstone has no content")
	require.NotEmpty(t, m.str("discarded_at"))
}

func TestMessageEditAndWithdraw(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		conv := conversation(t, api, ada, grace)
		chatID := conv.linkage(t, "chat").ID
		first := postMessage(t, api, ada, chatID, "See you at seven.")
		latest := postMessage(t, api, ada, chatID, "Bring the notes.")
		require.Equal(t, messagePath(latest.ID), pathOf(t, latest.Links["self"]), "a posted message carries links.self")
		chatBefore := api.get(t, "/api/v1/chats/"+chatID, ada.token).requireStatus(t, http.StatusOK).one(t)

		// Both members read it at its own address.
		for _, who := range []person{ada, grace} {
			m := api.get(t, messagePath(first.ID), who.token).requireStatus(t, http.StatusOK).one(t)
			require.Equal(t, "message", m.Type)
			require.Equal(t, first.ID, m.ID)
			require.Equal(t, "See you at seven.", m.str("content"))
			require.Equal(t, messagePath(first.ID), pathOf(t, m.Links["self"]))
			require.Nil(t, m.Attributes["edited_at"])
			require.Nil(t, m.Attributes["discarded_at"])
			require.Contains(t, m.Attributes, "edited_at")
			require.Contains(t, m.Attributes, "discarded_at")
			require.Equal(t, ada.id, m.linkage(t, "author").ID)
		}
		sparse := api.get(t, messagePath(first.ID)+"?fields[message]=content", grace.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, map[string]any{"content": "See you at seven."}, sparse.Attributes)
		withAuthor := api.get(t, messagePath(first.ID)+"?include=author", grace.token).requireStatus(t, http.StatusOK)
		require.Len(t, withAuthor.doc.Included, 1)
		require.Equal(t, "user", withAuthor.doc.Included[0].Type)
		require.Equal(t, ada.id, withAuthor.doc.Included[0].ID)
		require.Equal(t, "Ada Lovelace", withAuthor.doc.Included[0].str("name"))
		api.get(t, messagePath(first.ID)+"?include=chat", grace.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "include")

		// Only the author edits: the other member is 403 and nothing moves.
		editMessage(t, api, grace, first.ID, attrs("message", map[string]any{"content": "hijacked"})).
			requireError(t, http.StatusForbidden, "forbidden", "")
		edited := api.do(t, request{method: http.MethodPatch, path: messagePath(first.ID) + "?include=author", token: ada.token, body: map[string]any{"data": map[string]any{
			"type": "message", "id": first.ID, "attributes": map[string]any{"content": "  See you at eight.  "},
		}}})
		edited.requireStatus(t, http.StatusOK)
		require.Len(t, edited.doc.Included, 1, "the author is included on request")
		require.Equal(t, ada.id, edited.doc.Included[0].ID)
		editedMsg := edited.one(t)
		require.Equal(t, "See you at eight.", editedMsg.str("content"))
		require.NotEmpty(t, editedMsg.str("edited_at"))
		require.Nil(t, editedMsg.Attributes["discarded_at"])
		require.Equal(t, first.str("created_at"), editedMsg.str("created_at"))
		require.Equal(t, messagePath(first.ID), pathOf(t, editedMsg.Links["self"]))
		seen := api.get(t, messagePath(first.ID), grace.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, "See you at eight.", seen.str("content"), "the peer sees the correction")
		require.Equal(t, editedMsg.str("edited_at"), seen.str("edited_at"))

		// Bad edits: each refused with its pointer, and the message unchanged.
		editMessage(t, api, ada, first.ID, attrs("message", map[string]any{"content": "   "})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/content")
		editMessage(t, api, ada, first.ID, attrs("message", map[string]any{"content": strings.Repeat("x", 10001)})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/content")
		editMessage(t, api, ada, first.ID, attrs("message", map[string]any{})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/content")
		editMessage(t, api, ada, first.ID, attrs("message", map[string]any{"content": "x", "edited_at": "2025-01-01T00:00:00Z"})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/edited_at")
		editMessage(t, api, ada, first.ID, attrs("message", map[string]any{"content": "x", "colour": "red"})).
			requireError(t, http.StatusUnprocessableEntity, "validation_failed", "/data/attributes/colour")
		editMessage(t, api, ada, first.ID, attrs("chat", map[string]any{"content": "x"})).
			requireError(t, http.StatusConflict, "conflict", "/data/type")
		editMessage(t, api, ada, first.ID, map[string]any{"data": map[string]any{
			"type": "message", "id": latest.ID, "attributes": map[string]any{"content": "x"},
		}}).requireError(t, http.StatusConflict, "conflict", "/data/id")
		editMessage(t, api, ada, first.ID, map[string]any{"data": map[string]any{"attributes": map[string]any{"content": "x"}}}).
			requireError(t, http.StatusBadRequest, "invalid_document", "/data/type")
		editMessage(t, api, ada, first.ID, `{"data":`).requireError(t, http.StatusBadRequest, "invalid_json", "")
		require.Equal(t, "See you at eight.",
			api.get(t, messagePath(first.ID), ada.token).requireStatus(t, http.StatusOK).one(t).str("content"))

		// An edit moves neither the chat's activity nor its latest message.
		chatAfter := api.get(t, "/api/v1/chats/"+chatID, ada.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, chatBefore.str("updated_at"), chatAfter.str("updated_at"))
		require.Equal(t, latest.ID, chatAfter.str("latest_message_id"))

		// Withdrawing: only the author; then a tombstone for everyone.
		withdrawMessage(t, api, grace, latest.ID).requireError(t, http.StatusForbidden, "forbidden", "")
		r := withdrawMessage(t, api, ada, latest.ID).requireStatus(t, http.StatusNoContent)
		require.Empty(t, r.raw)
		for _, who := range []person{ada, grace} {
			requireTombstone(t, api.get(t, messagePath(latest.ID), who.token).requireStatus(t, http.StatusOK).one(t))
		}
		withdrawMessage(t, api, ada, latest.ID).requireStatus(t, http.StatusNoContent)
		editMessage(t, api, ada, latest.ID, attrs("message", map[string]any{"content": "back again"})).
			requireError(t, http.StatusConflict, "conflict", "")
		requireTombstone(t, api.get(t, messagePath(latest.ID), ada.token).requireStatus(t, http.StatusOK).one(t))

		// The chat keeps its time and keeps pointing at its withdrawn latest
		// message, which every include renders as the tombstone with its self
		// link; the list keeps it in place.
		c := api.get(t, "/api/v1/chats/"+chatID+"?include=latest_message", grace.token).requireStatus(t, http.StatusOK)
		require.Equal(t, chatBefore.str("updated_at"), c.one(t).str("updated_at"))
		require.Equal(t, latest.ID, c.one(t).linkage(t, "latest_message").ID)
		require.Len(t, c.doc.Included, 1)
		requireTombstone(t, c.doc.Included[0])
		require.Equal(t, messagePath(latest.ID), pathOf(t, c.doc.Included[0].Links["self"]))
		d := api.get(t, "/api/v1/direct_conversations/"+conv.ID+"?include=chat.latest_message", grace.token).requireStatus(t, http.StatusOK)
		var found bool
		for _, inc := range d.doc.Included {
			if inc.Type == "message" {
				found = true
				requireTombstone(t, inc)
				require.Equal(t, messagePath(latest.ID), pathOf(t, inc.Links["self"]))
			}
		}
		require.True(t, found, "chat.latest_message is included: %s", d.raw)
		list := collect(t, api, "/api/v1/chats/"+chatID+"/messages?include=author", grace.token)
		require.Equal(t, []string{latest.ID, first.ID}, ids(list))
		requireTombstone(t, list[0])
		require.Equal(t, "See you at eight.", list[1].str("content"))
		for _, m := range list {
			require.Equal(t, messagePath(m.ID), pathOf(t, m.Links["self"]))
		}
	})
}

// TestMessageRoutesHideOthersMessages: members of other chats and users of
// other accounts get the very answer a missing id gets, on every method.
func TestMessageRoutesHideOthersMessages(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		carol := addMember(t, api, ada, "Carol Shaw")
		eve := signUp(t, api, "Eve Outsider")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		msg := postMessage(t, api, ada, chatID, "between us")
		body := attrs("message", map[string]any{"content": "rewritten"})
		send := func(method string, who person, id string) *response {
			var b any
			if method == http.MethodPatch {
				b = body
			}
			return api.do(t, request{method: method, path: messagePath(id), token: who.token, body: b})
		}
		for _, method := range []string{http.MethodGet, http.MethodPatch, http.MethodDelete} {
			missing := send(method, carol, uuid.NewString())
			missing.requireError(t, http.StatusNotFound, "not_found", "")
			for _, who := range []person{carol, eve} {
				r := send(method, who, msg.ID)
				require.Equal(t, http.StatusNotFound, r.status, "%s by %s: %s", method, who.name, r.raw)
				require.Equal(t, string(missing.raw), string(r.raw), "%s by %s reveals that the message exists", method, who.name)
			}
			malformed := send(method, carol, "not-a-uuid")
			require.Equal(t, string(missing.raw), string(malformed.raw), "%s with a malformed id", method)
		}
		m := api.get(t, messagePath(msg.ID), grace.token).requireStatus(t, http.StatusOK).one(t)
		require.Equal(t, "between us", m.str("content"), "no refused request changed the message")
		require.Nil(t, m.Attributes["discarded_at"])
	})
}

// TestMessageWithDeactivatedPeer: editing is refused like posting once the
// other participant is deactivated; withdrawing stays allowed.
func TestMessageWithDeactivatedPeer(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		hers := postMessage(t, api, grace, chatID, "Leaving on Friday.")
		msg := postMessage(t, api, ada, chatID, "Are you still there?")
		deactivate(t, api, ada, grace)
		r := api.get(t, messagePath(hers.ID)+"?include=author", ada.token).requireStatus(t, http.StatusOK)
		require.Len(t, r.doc.Included, 1, "a deactivated author is still included")
		require.Equal(t, grace.id, r.doc.Included[0].ID)
		require.NotEmpty(t, r.doc.Included[0].str("discarded_at"))
		editMessage(t, api, ada, msg.ID, attrs("message", map[string]any{"content": "Hello?"})).
			requireError(t, http.StatusForbidden, "forbidden", "")
		require.Equal(t, "Are you still there?",
			api.get(t, messagePath(msg.ID), ada.token).requireStatus(t, http.StatusOK).one(t).str("content"))
		withdrawMessage(t, api, ada, msg.ID).requireStatus(t, http.StatusNoContent)
		requireTombstone(t, api.get(t, messagePath(msg.ID), ada.token).requireStatus(t, http.StatusOK).one(t))
	})
}

// TestWithdrawLowersUnread: a withdrawn message stops counting as unread
// for the reader at once, in every figure, and only once.
func TestWithdrawLowersUnread(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		conv := conversation(t, api, ada, grace)
		chatID := conv.linkage(t, "chat").ID
		read := postMessage(t, api, ada, chatID, "read one")
		markRead(t, api, grace, chatID, "").requireStatus(t, http.StatusCreated)
		var unread []resource
		for _, text := range []string{"one", "two", "three"} {
			unread = append(unread, postMessage(t, api, ada, chatID, text))
		}
		requireUnread := func(want int) {
			t.Helper()
			require.Equal(t, want, unreadOf(t, api.get(t, "/api/v1/chats/"+chatID, grace.token).requireStatus(t, http.StatusOK), ""))
			require.Equal(t, want, unreadOf(t, api.get(t, "/api/v1/direct_conversations/"+conv.ID, grace.token).requireStatus(t, http.StatusOK), ""))
			counts := unreadCounts(t, api, grace)
			require.Equal(t, float64(want), counts["messages"])
			require.Equal(t, float64(min(want, 1)), counts["direct_conversations"])
		}
		requireUnread(3)

		withdrawMessage(t, api, ada, unread[1].ID).requireStatus(t, http.StatusNoContent)
		requireUnread(2)
		withdrawMessage(t, api, ada, unread[1].ID).requireStatus(t, http.StatusNoContent)
		requireUnread(2)
		withdrawMessage(t, api, ada, read.ID).requireStatus(t, http.StatusNoContent)
		requireUnread(2)
		editMessage(t, api, ada, unread[0].ID, attrs("message", map[string]any{"content": "one, corrected"})).
			requireStatus(t, http.StatusOK)
		requireUnread(2)

		// A bookmark move recounts without the tombstones.
		markRead(t, api, grace, chatID, unread[0].str("created_at")).requireStatus(t, http.StatusOK)
		requireUnread(1)
		withdrawMessage(t, api, ada, unread[2].ID).requireStatus(t, http.StatusNoContent)
		requireUnread(0)
		require.Equal(t, 0, unreadOf(t, api.get(t, "/api/v1/chats/"+chatID, ada.token).requireStatus(t, http.StatusOK), ""),
			"the author's own messages never count")
		only := api.get(t, "/api/v1/direct_conversations?unread=true", grace.token).requireStatus(t, http.StatusOK)
		require.Empty(t, only.many(t))
	})
}

// TestCursorWalkAcrossTombstones pages through a chat with withdrawn
// messages in it, in both orders, with withdrawals between the pages: every
// message comes exactly once, the tombstones in their place.
func TestCursorWalkAcrossTombstones(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		var posted []string
		for i := range 9 {
			author := ada
			if i%2 == 1 {
				author = grace
			}
			posted = append(posted, postMessage(t, api, author, chatID, "message "+itoa(i)).ID)
		}
		withdrawn := map[string]bool{}
		for _, i := range []int{0, 3, 8} {
			who := ada
			if i%2 == 1 {
				who = grace
			}
			withdrawMessage(t, api, who, posted[i]).requireStatus(t, http.StatusNoContent)
			withdrawn[posted[i]] = true
		}
		path := "/api/v1/chats/" + chatID + "/messages"
		for _, order := range []string{"created_at", "-created_at"} {
			want := posted
			if order == "-created_at" {
				want = reversed(posted)
			}
			// Walk by hand, withdrawing a message of the next page between
			// pages: the walk still sees every message once.
			var got []resource
			next := path + "?sort=" + order + "&page[size]=2"
			for pages := 0; next != ""; pages++ {
				require.Less(t, pages, 20)
				r := api.get(t, next, grace.token).requireStatus(t, http.StatusOK)
				got = append(got, r.many(t)...)
				if pages == 1 {
					id := want[len(got)]
					who := ada
					if api.get(t, messagePath(id), ada.token).one(t).linkage(t, "author").ID == grace.id {
						who = grace
					}
					withdrawMessage(t, api, who, id).requireStatus(t, http.StatusNoContent)
					withdrawn[id] = true
				}
				next = ""
				if l := r.doc.Links["next"]; l != nil {
					next = pathOf(t, *l)
				}
			}
			require.Equal(t, want, ids(got), "%s: every message exactly once, in order", order)
			for _, m := range got {
				if withdrawn[m.ID] {
					requireTombstone(t, m)
				} else {
					require.NotEmpty(t, m.str("content"))
					require.Nil(t, m.Attributes["discarded_at"])
				}
				require.Equal(t, messagePath(m.ID), pathOf(t, m.Links["self"]))
			}
		}
	})
}

// TestMessageRouteMethods: the message address answers HEAD like GET,
// revalidates with its ETag, and names its methods on a 405.
func TestMessageRouteMethods(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, ada, "Grace Hopper")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		msg := postMessage(t, api, ada, chatID, "hello")
		path := messagePath(msg.ID)

		got := api.get(t, path, grace.token).requireStatus(t, http.StatusOK)
		etag := got.header.Get("ETag")
		require.NotEmpty(t, etag)
		head := api.do(t, request{method: http.MethodHead, path: path, token: grace.token}).requireStatus(t, http.StatusOK)
		require.Empty(t, head.raw)
		require.Equal(t, etag, head.header.Get("ETag"))
		api.do(t, request{method: http.MethodGet, path: path, token: grace.token, headers: map[string]string{"If-None-Match": etag}}).
			requireStatus(t, http.StatusNotModified)
		editMessage(t, api, ada, msg.ID, attrs("message", map[string]any{"content": "hello again"})).requireStatus(t, http.StatusOK)
		api.do(t, request{method: http.MethodGet, path: path, token: grace.token, headers: map[string]string{"If-None-Match": etag}}).
			requireStatus(t, http.StatusOK)

		r := api.do(t, request{method: http.MethodPost, path: path, token: ada.token, body: attrs("message", map[string]any{"content": "x"})})
		r.requireError(t, http.StatusMethodNotAllowed, "method_not_allowed", "")
		require.Equal(t, "DELETE, GET, HEAD, PATCH", r.header.Get("Allow"))
	})
}
