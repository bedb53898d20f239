package httpapi

import (
	"context"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
)

// Paths of the event stream and its tickets.
const (
	EventsPath       = "/api/v1/events"
	eventTicketsPath = "/api/v1/event_tickets"
)

// Defaults of the stream's pace (RouterConfig.Events).
const (
	DefaultEventHeartbeat = 25 * time.Second
	defaultEventRetry     = 3 * time.Second
	// defaultEventRecheck is how often a stream asks whether its token
	// still holds. Revocations reach every replica's memory within the
	// revocation poll (500 ms), so a revoked token's streams end well
	// within a second.
	defaultEventRecheck = 250 * time.Millisecond
)

// EventStreamConfig paces event streams; zero fields take the defaults.
type EventStreamConfig struct {
	Heartbeat time.Duration
	Retry     time.Duration
	Recheck   time.Duration
}

func (c EventStreamConfig) withDefaults() pumpOptions {
	o := pumpOptions{heartbeat: c.Heartbeat, retry: c.Retry, recheck: c.Recheck}
	if o.heartbeat <= 0 {
		o.heartbeat = DefaultEventHeartbeat
	}
	if o.retry <= 0 {
		o.retry = defaultEventRetry
	}
	if o.recheck <= 0 {
		o.recheck = defaultEventRecheck
	}
	return o
}

// tokenParameters are query parameters that look like a bearer token in
// the URL, which is never accepted: URLs end up in access logs, proxies and
// browser history.
// eventTicketDoc is the optional body of POST /event_tickets: a ticket has
// nothing the client may set.
var eventTicketDoc = documentSpec{typ: typeEventTicket, readOnly: []string{"ticket", "expires_at"}}

var tokenParameters = []string{"access_token", "token", "bearer", "authorization", "jwt"}

// streamEvents serves the caller's Server-Sent Events stream until the
// client leaves, the token stops holding, the reader falls behind or the
// server shuts down. Everything that can be refused is refused before the
// 200, as a JSON:API error.
func (h *handler) streamEvents(c *gin.Context) {
	q, ok := h.query(c, paramSpec{ticket: true})
	if !ok {
		return
	}
	if !acceptsEventStream(c.Request.Header.Values("Accept")) {
		h.fail(c, &jsonapi.Problem{Status: http.StatusNotAcceptable, Code: codeNotAcceptable, Key: msgStreamNotAcceptable})
		return
	}
	lastSeen, ok := h.lastEventID(c, q)
	if !ok {
		return
	}
	claims, ok := h.streamClaims(c, q)
	if !ok {
		return
	}
	if c.Request.Method == http.MethodHead {
		if err := h.uc.OpenEventStream.StillAllowed(claims); err != nil {
			h.fail(c, err)
			return
		}
		setStreamHeaders(c)
		c.Status(http.StatusOK)
		return
	}
	ctx := c.Request.Context()
	s, err := h.uc.OpenEventStream.Execute(ctx, claims, lastSeen)
	if err != nil {
		h.fail(c, err)
		return
	}
	defer s.Close()
	// The server's read timeout bounds reading the request; on a stream it
	// would otherwise cancel the request once it passed.
	ctl := http.NewResponseController(c.Writer)
	if err := ctl.SetReadDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		h.logger.Warn("clear the stream's read deadline", zap.Error(err))
	}
	setStreamHeaders(c)
	c.Status(http.StatusOK)
	out := newSSEWriter(c.Writer)
	still := func(context.Context) error {
		if err := h.uc.OpenEventStream.StillAllowed(claims); err != nil {
			s.Revoke()
			return err
		}
		return nil
	}
	err = pumpEvents(ctx, out, s, h.events, h.eventRenderer(claims.Actor), still)
	h.logger.Debug("event stream ended", zap.String("request_id", middleware.RequestIDOf(c)), zap.Error(err))
}

// lastEventID reads where the client resumes: the Last-Event-ID header,
// which EventSource sends when it reconnects by itself, or else
// last_event_id, for a browser that opens a new EventSource with a fresh
// ticket (the used one would be refused). It answers the error itself.
func (h *handler) lastEventID(c *gin.Context, q queryParams) (*int64, bool) {
	if header := c.GetHeader("Last-Event-ID"); header != "" || q.lastEvent == nil {
		seen, err := parseLastEventID(header)
		if err != nil {
			h.fail(c, &jsonapi.Problem{Status: http.StatusBadRequest, Code: codeInvalidParameter, Key: msgLastEventID, Header: "Last-Event-ID"})
			return nil, false
		}
		return seen, true
	}
	seen, err := parseLastEventID(*q.lastEvent)
	if err != nil || seen == nil {
		h.fail(c, paramError("last_event_id", application.ReasonInvalidValue))
		return nil, false
	}
	return seen, true
}

// streamClaims authenticates a stream request by its bearer header or its
// ticket, never both; it answers the error itself.
func (h *handler) streamClaims(c *gin.Context, q queryParams) (application.TokenClaims, bool) {
	header := c.GetHeader("Authorization")
	switch {
	case header != "" && q.ticket != nil:
		h.fail(c, paramError("ticket", reasonTicketWithBearer))
		return application.TokenClaims{}, false
	case q.ticket != nil:
		claims, err := h.uc.RedeemEventTicket.Execute(c.Request.Context(), *q.ticket)
		if err != nil {
			h.fail(c, err)
			return application.TokenClaims{}, false
		}
		return claims, true
	default:
		claims, err := middleware.Authenticate(h.uc.Authenticate, header)
		if err != nil {
			h.fail(c, err)
			return application.TokenClaims{}, false
		}
		return claims, true
	}
}

// setStreamHeaders marks the answer as an event stream that no cache or
// proxy may keep or hold back.
func setStreamHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	h.Set("X-Content-Type-Options", "nosniff")
}

// acceptsEventStream reports whether Accept allows text/event-stream: no
// header, the type itself, text/* or */*, with a weight above 0.
func acceptsEventStream(headers []string) bool {
	if len(headers) == 0 {
		return true
	}
	for _, header := range headers {
		for _, rng := range strings.Split(header, ",") {
			typ, params, err := mime.ParseMediaType(strings.TrimSpace(rng))
			if err != nil {
				continue
			}
			if q, ok := params["q"]; ok {
				if w, err := strconv.ParseFloat(strings.TrimSpace(q), 64); err != nil || w <= 0 {
					continue
				}
			}
			switch typ {
			case "text/event-stream", "text/*", "*/*":
				return true
			}
		}
	}
	return false
}

// issueEventTicket answers a single-use ticket for the caller's stream.
func (h *handler) issueEventTicket(c *gin.Context) {
	if _, ok := h.query(c, paramSpec{}); !ok {
		return
	}
	if body, err := readOptionalBody(c.Request); err != nil {
		h.fail(c, err)
		return
	} else if body != nil {
		if _, err := parseDocument(body, eventTicketDoc); err != nil {
			h.fail(c, err)
			return
		}
	}
	claims, ok := middleware.ClaimsOf(c)
	if !ok {
		h.fail(c, middleware.ErrNoClaims)
		return
	}
	t, err := h.uc.IssueEventTicket.Execute(c.Request.Context(), claims)
	if err != nil {
		h.fail(c, err)
		return
	}
	// The ticket is a credential: nothing may store the answer.
	c.Header("Cache-Control", "no-store")
	cd := jsonapi.NewCompound(nil, nil)
	writeDocument(c, http.StatusCreated, cd.Single(cd.Primary(eventTicketResource(t, &cd.Arena))))
}

// tokenInURL reports a bearer token sent as a query parameter.
func tokenInURL(key string) bool {
	for _, name := range tokenParameters {
		if strings.EqualFold(key, name) {
			return true
		}
	}
	return false
}
