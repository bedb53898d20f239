package acceptance_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestUnreadOnlyWalksWithCursors(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		var unread, read []string
		for i := range 5 {
			peer := addMember(t, api, admin, "Peer "+itoa(i))
			conv := conversation(t, api, admin, peer)
			chatID := conv.linkage(t, "chat").ID
			if i%2 == 0 {
				postMessage(t, api, peer, chatID, "ping")
				unread = append(unread, conv.ID)
			} else {
				read = append(read, conv.ID)
			}
		}
		walked := collect(t, api, "/api/v1/direct_conversations?unread=true&page[size]=1&sort=created_at&include=chat", admin.token)
		require.Equal(t, unread, ids(walked))
		all := ids(collect(t, api, "/api/v1/direct_conversations?unread=false&page[size]=2&sort=created_at", admin.token))
		require.Subset(t, all, append(read, unread...))
		require.Len(t, all, 5)

		api.get(t, "/api/v1/direct_conversations?unread=yes", admin.token).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "unread")
		api.get(t, "/api/v1/direct_conversations/"+unread[0]+"?unread=true", admin.token).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "unread")
	})
}

func TestInboxInOneRequest(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		carol := addMember(t, api, admin, "Carol Shaw")
		withGrace := conversation(t, api, admin, grace)
		withCarol := conversation(t, api, admin, carol)
		graceChat := withGrace.linkage(t, "chat").ID
		carolChat := withCarol.linkage(t, "chat").ID
		postMessage(t, api, admin, graceChat, "hello grace")
		last := postMessage(t, api, grace, graceChat, "hello ada")
		markRead(t, api, admin, carolChat, "").requireStatus(t, http.StatusCreated)

		include := "include=chat.latest_message.author,chat.bookmark,first_user,second_user"
		r := api.get(t, "/api/v1/direct_conversations?"+include, admin.token).requireStatus(t, http.StatusOK)
		require.ElementsMatch(t, []string{withGrace.ID, withCarol.ID}, ids(r.many(t)))
		require.Equal(t, 1, unreadOf(t, r, withGrace.ID))
		require.Equal(t, 0, unreadOf(t, r, withCarol.ID))

		seen := map[string]resource{}
		for _, inc := range r.doc.Included {
			key := inc.Type + "/" + inc.ID
			require.NotContains(t, seen, key, "included twice: %s", r.raw)
			seen[key] = inc
		}
		// Two chats, one latest message, two bookmarks (Ada's own post moved
		// hers in Grace's chat) and three users (the author is one of them),
		// each once.
		require.Len(t, seen, 8, "body: %s", r.raw)
		for _, key := range []string{"chat/" + graceChat, "chat/" + carolChat, "message/" + last.ID,
			"chat_bookmark/" + carolChat, "chat_bookmark/" + graceChat,
			"user/" + admin.id, "user/" + grace.id, "user/" + carol.id} {
			require.Contains(t, seen, key, "body: %s", r.raw)
		}
		require.Equal(t, "hello ada", seen["message/"+last.ID].str("content"))
		require.Equal(t, &identifier{Type: "chat_bookmark", ID: carolChat}, seen["chat/"+carolChat].linkage(t, "bookmark"))
		require.Equal(t, &identifier{Type: "chat_bookmark", ID: graceChat}, seen["chat/"+graceChat].linkage(t, "bookmark"))

		one := api.get(t, "/api/v1/direct_conversations/"+withGrace.ID+"?include=chat.latest_message", admin.token).
			requireStatus(t, http.StatusOK)
		require.Len(t, one.doc.Included, 2, "the chat and its latest message: %s", one.raw)
		api.get(t, "/api/v1/direct_conversations?include=chat.members", admin.token).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "include")
	})
}
