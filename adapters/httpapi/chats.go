package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

var chatParams = paramSpec{documents: true, includable: []string{"chat_memberships", "latest_message", "bookmark"}}

// getChat answers a chat to one of its members.
func (h *handler) getChat(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, chatParams)
	if !ok {
		return
	}
	view, err := h.uc.GetChat.Execute(c.Request.Context(), actor, c.Param("chat_id"))
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusOK, cd.Single(addChat(cd, &view)))
}
