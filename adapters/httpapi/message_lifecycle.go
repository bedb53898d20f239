package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	// messageParams are what the message routes accept: sparse fieldsets
	// and include=author.
	messageParams = paramSpec{documents: true, includable: application.MessageResource.Relationships}
	// editMessageDoc is what PATCH /messages/:id accepts: the new content,
	// and data.id, which must then be the message's.
	editMessageDoc = documentSpec{typ: typeMessage, update: true,
		writable: []string{"content"},
		readOnly: []string{"chat_id", "author_id", "created_at", "edited_at", "discarded_at"}}
	editMessageInput = requestInput[messageEdit]{editMessageDoc,
		func(a map[string]string) messageEdit {
			e := messageEdit{content: a["content"]}
			if id, ok := a["id"]; ok {
				e.id = &id
			}
			return e
		}}
)

// messageEdit is a PATCH /messages document: the content and data.id if
// given.
type messageEdit struct {
	id      *string
	content string
}

// getMessage answers one message to a member of its chat.
func (h *handler) getMessage(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, messageParams)
	if !ok {
		return
	}
	msg, err := h.uc.GetMessage.Execute(c.Request.Context(), actor, c.Param("message_id"))
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeMessage(c, q, actor, msg)
}

// writeMessage answers msg with 200, its author included when asked for.
// The author shares the caller's account (the use case has checked the
// caller's membership of the chat), so GetUser finds them.
func (h *handler) writeMessage(c *gin.Context, q queryParams, actor domain.Actor, msg domain.Message) {
	cd := jsonapi.NewCompound(q.fields, q.include)
	view := application.MessageView{Message: msg}
	if cd.Wants("author") {
		author, err := h.uc.GetUser.Execute(c.Request.Context(), actor, msg.AuthorID)
		if err != nil {
			h.fail(c, err)
			return
		}
		view.Author = author
	}
	writeDocument(c, http.StatusOK, cd.Single(addMessage(cd, &view)))
}

// editMessage lets the author correct a message's content.
func (h *handler) editMessage(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, messageParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, editMessageInput)
	if !ok {
		return
	}
	if in.id != nil && *in.id != c.Param("message_id") {
		h.fail(c, reject(http.StatusConflict, codeConflict, message{key: msgIDMismatch}, "/data/id"))
		return
	}
	msg, err := h.uc.EditMessage.Execute(c.Request.Context(), application.EditMessageInput{
		Actor: actor, MessageID: c.Param("message_id"), Content: in.content,
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeMessage(c, q, actor, msg)
}

// withdrawMessage lets the author take a message back; it stays in the
// chat as a tombstone.
func (h *handler) withdrawMessage(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	if err := h.uc.WithdrawMessage.Execute(c.Request.Context(), actor, c.Param("message_id")); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
