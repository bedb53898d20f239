package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// handler holds what the route handlers share.
type handler struct {
	uc      UseCases
	cursors *cursorCodec
	logger  *zap.Logger
	events  pumpOptions
}

// fail answers err as an error document.
func (h *handler) fail(c *gin.Context, err error) {
	abortWithError(c, h.logger, err)
}

// query parses the request's query parameters against spec, answering 400
// itself when they are wrong.
func (h *handler) query(c *gin.Context, spec paramSpec) (queryParams, bool) {
	q, err := parseQuery(c.Request.URL.RawQuery, spec, h.cursors)
	if err != nil {
		h.fail(c, err)
		return queryParams{}, false
	}
	return q, true
}

// actor returns the authenticated caller, answering the error itself when the
// route was wired without the auth middleware.
func (h *handler) actor(c *gin.Context) (domain.Actor, bool) {
	actor, err := middleware.ActorOf(c)
	if err != nil {
		h.fail(c, err)
		return domain.Actor{}, false
	}
	return actor, true
}

// page writes one page of a collection with its self and next links.
func (h *handler) page(c *gin.Context, cd *jsonapi.Compound, data []jsonapi.Resource, next *application.Cursor) {
	links, err := pageLinks(c.Request.URL, next, h.cursors)
	if err != nil {
		h.fail(c, err)
		return
	}
	writeDocument(c, http.StatusOK, cd.Collection(data, links))
}
