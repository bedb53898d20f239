package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

// unreadCountsPath is the path of the caller's unread figures.
const unreadCountsPath = "/api/v1/unread_counts"

var unreadCountsParams = paramSpec{documents: true}

// getUnreadCounts answers what is unread for the caller.
func (h *handler) getUnreadCounts(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, unreadCountsParams)
	if !ok {
		return
	}
	counts, err := h.uc.GetUnreadCounts.Execute(c.Request.Context(), actor)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusOK, cd.Single(cd.Primary(unreadCountsResource(&counts, cd.Fields(), &cd.Arena))))
}

// unreadCountsResource renders the figures; the id is the caller's id and
// the self link the collection's own path, as there is one per caller.
func unreadCountsResource(u *application.UnreadCounts, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	a := jsonapi.NewObject(ar, fs.Of(typeUnreadCounts), 128)
	a.Int("direct_conversations", u.DirectConversations)
	a.Int("messages", u.Messages)
	a.Int("group_chats", u.GroupChats)
	a.Int("chat_threads", u.ChatThreads)
	return jsonapi.Resource{Type: typeUnreadCounts, ID: u.UserID.String(), Attributes: a.Done(),
		Links: jsonapi.SelfLink(unreadCountsPath, "")}
}
