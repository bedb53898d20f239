package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

var (
	messageListParams = paramSpec{documents: true, includable: application.MessageResource.Relationships, list: true}
	postMessageParams = paramSpec{documents: true}
	postMessageDoc    = documentSpec{typ: typeMessage,
		writable: []string{"content"},
		readOnly: []string{"chat_id", "author_id", "created_at", "edited_at", "discarded_at"}}
)

// listMessages answers a page of a chat's messages in the order and with
// the created_at filters the query asks for (newest first by default).
func (h *handler) listMessages(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, messageListParams)
	if !ok {
		return
	}
	page, err := h.uc.ListMessages.Execute(c.Request.Context(), application.ListMessagesInput{
		Actor: actor, ChatID: c.Param("chat_id"), Query: q.list,
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	data := make([]jsonapi.Resource, len(page.Items))
	for i := range page.Items {
		data[i] = addMessage(cd, &page.Items[i])
	}
	h.page(c, cd, data, page.Next)
}

// postMessage posts a message in a chat.
func (h *handler) postMessage(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, postMessageParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, postMessageInput)
	if !ok {
		return
	}
	in.Actor, in.ChatID = actor, c.Param("chat_id")
	view, err := h.uc.PostMessage.Execute(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusCreated, cd.Single(addMessage(cd, &view)))
}
