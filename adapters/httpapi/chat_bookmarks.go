package httpapi

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	bookmarkParams = paramSpec{documents: true}
	bookmarkDoc    = documentSpec{typ: typeChatBookmark,
		writable: []string{"updated_at"},
		readOnly: []string{"chat_id", "user_id"}}
)

// getChatBookmark answers the caller's bookmark of a chat, or data null
// when they have none.
func (h *handler) getChatBookmark(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, bookmarkParams)
	if !ok {
		return
	}
	b, err := h.uc.GetChatBookmark.Execute(c.Request.Context(), actor, c.Param("chat_id"))
	if err != nil {
		h.fail(c, err)
		return
	}
	if b == nil {
		writeDocument(c, http.StatusOK, nullDocument{})
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusOK, cd.Single(cd.Primary(chatBookmarkResource(b, cd.Fields(), &cd.Arena))))
}

// markChatRead creates (201) or moves (200) the caller's bookmark of a chat
// to the time the body names, or to now without a body.
func (h *handler) markChatRead(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, bookmarkParams)
	if !ok {
		return
	}
	at, err := readBookmarkTime(c.Request)
	if err != nil {
		h.fail(c, err)
		return
	}
	out, err := h.uc.MarkChatRead.Execute(c.Request.Context(), application.MarkChatReadInput{
		Actor: actor, ChatID: c.Param("chat_id"), At: at,
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	status := http.StatusOK
	if out.Created {
		status = http.StatusCreated
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, status, cd.Single(cd.Primary(chatBookmarkResource(&out.Bookmark, cd.Fields(), &cd.Arena))))
}

// readBookmarkTime reads the optional chat_bookmark document: no body (or
// no updated_at) is nil, meaning now.
func readBookmarkTime(r *http.Request) (*time.Time, error) {
	body, err := readOptionalBody(r)
	if err != nil || body == nil {
		return nil, err
	}
	attrs, err := parseDocument(body, bookmarkDoc)
	if err != nil {
		return nil, err
	}
	text, ok := attrs["updated_at"]
	if !ok {
		return nil, nil
	}
	at, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return nil, reject(http.StatusUnprocessableEntity, codeValidationFailed,
			ruleMessage("updated_at", domain.RuleFormat), attributePointer("updated_at"))
	}
	return &at, nil
}

// nullDocument is a document whose primary data is null: a to-one resource
// that does not exist.
type nullDocument struct {
	Data *jsonapi.Resource `json:"data"`
}

// readOptionalBody reads a body that may be absent: nil when there is none
// or it is only white space.
func readOptionalBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, middleware.ErrPayloadTooLarge(tooLarge.Limit)
		}
		return nil, reject(http.StatusBadRequest, codeInvalidJSON, message{key: msgInvalidJSON}, "")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	return body, nil
}
