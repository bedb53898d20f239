package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

// RouterConfig configures the HTTP edge.
type RouterConfig struct {
	// CursorSecret signs pagination cursors; the cursor key is derived from
	// it with a purpose label.
	CursorSecret []byte
	// TrustedProxies lists the addresses and CIDRs whose X-Forwarded-For is
	// believed; empty means the connection's own address is the client's.
	TrustedProxies []string
	// MaxBodyBytes limits request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// RequestTimeout bounds each request's context; 0 means
	// DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RateLimiter limits requests per client address; nil switches rate
	// limits off.
	RateLimiter *middleware.RateLimiter
	// Metrics records every request and is served at MetricsPath; nil means
	// a registry of the router's own that holds only the HTTP series.
	Metrics *middleware.Metrics
	// MetricsElsewhere leaves MetricsPath off the router (it answers 404),
	// for when the metrics have a listener of their own.
	MetricsElsewhere bool
	// CORSAllowedOrigins lists the web origins allowed to call the API from
	// a browser ("*" alone: any); empty sends no CORS headers.
	CORSAllowedOrigins []string
	// Events paces the event streams.
	Events EventStreamConfig
}

// access says which middleware guards a route.
type access int

const (
	// accessOps routes (health, readiness) skip media types and auth.
	accessOps access = iota
	// accessPublic routes negotiate media types but need no token.
	accessPublic
	// accessSignedIn routes need a bearer token.
	accessSignedIn
	// accessStream routes authenticate by a bearer token or a ticket
	// themselves and answer text/event-stream, not JSON:API.
	accessStream
)

// route is one row of the route table.
type route struct {
	method string
	path   string
	access access
	handle gin.HandlerFunc
}

// routes is the one route table of the service.
func routes(h *handler, ready *Readiness) []route {
	return []route{
		{http.MethodGet, HealthPath, accessOps, healthz},
		{http.MethodGet, ReadyPath, accessOps, readyz(ready, h.logger)},
		{http.MethodPost, "/api/v1/sign_up", accessPublic, h.signUp},
		{http.MethodPost, "/api/v1/sign_in", accessPublic, h.signIn},
		{http.MethodDelete, "/api/v1/sign_out", accessSignedIn, h.signOut},
		{http.MethodGet, "/api/v1/users/me", accessSignedIn, h.me},
		{http.MethodGet, "/api/v1/users", accessSignedIn, h.listUsers},
		{http.MethodPost, "/api/v1/users", accessSignedIn, h.createUser},
		{http.MethodGet, "/api/v1/users/:id", accessSignedIn, h.getUser},
		{http.MethodPatch, "/api/v1/users/me", accessSignedIn, h.updateMe},
		{http.MethodPatch, "/api/v1/users/:id", accessSignedIn, h.updateUser},
		{http.MethodDelete, "/api/v1/users/:id", accessSignedIn, h.deactivateUser},
		{http.MethodPost, "/api/v1/direct_conversations", accessSignedIn, h.startDirectConversation},
		{http.MethodGet, "/api/v1/direct_conversations", accessSignedIn, h.listDirectConversations},
		{http.MethodGet, "/api/v1/direct_conversations/:direct_conversation_id", accessSignedIn, h.getDirectConversation},
		{http.MethodGet, "/api/v1/chats/:chat_id", accessSignedIn, h.getChat},
		{http.MethodGet, "/api/v1/chats/:chat_id/messages", accessSignedIn, h.listMessages},
		{http.MethodPost, "/api/v1/chats/:chat_id/messages", accessSignedIn, h.postMessage},
		{http.MethodGet, "/api/v1/messages/:message_id", accessSignedIn, h.getMessage},
		{http.MethodPatch, "/api/v1/messages/:message_id", accessSignedIn, h.editMessage},
		{http.MethodDelete, "/api/v1/messages/:message_id", accessSignedIn, h.withdrawMessage},
		{http.MethodGet, "/api/v1/chats/:chat_id/bookmark", accessSignedIn, h.getChatBookmark},
		{http.MethodPut, "/api/v1/chats/:chat_id/bookmark", accessSignedIn, h.markChatRead},
		{http.MethodPost, "/api/v1/chats/:chat_id/bookmark", accessSignedIn, h.markChatRead},
		{http.MethodGet, unreadCountsPath, accessSignedIn, h.getUnreadCounts},
		{http.MethodPost, eventTicketsPath, accessSignedIn, h.issueEventTicket},
		{http.MethodGet, EventsPath, accessStream, h.streamEvents},
	}
}

// NewRouter builds the Gin engine with every route of the API.
func NewRouter(uc UseCases, cfg RouterConfig, ready *Readiness, logger *zap.Logger) (*gin.Engine, error) {
	if err := uc.check(); err != nil {
		return nil, err
	}
	if ready == nil {
		return nil, errors.New("readiness is missing")
	}
	if logger == nil {
		logger = zap.NewNop()
	}
	cursors, err := newCursorCodec(cfg.CursorSecret)
	if err != nil {
		return nil, err
	}
	limit := cfg.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	timeout := cfg.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	metrics := cfg.Metrics
	if metrics == nil {
		if metrics, err = middleware.NewMetrics(prometheus.NewRegistry()); err != nil {
			return nil, err
		}
	}
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.HandleMethodNotAllowed = true
	engine.RedirectTrailingSlash = false
	engine.RedirectFixedPath = false
	engine.ForwardedByClientIP = true
	engine.RemoteIPHeaders = []string{"X-Forwarded-For"}
	if err := engine.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}

	// Order matters: the request id comes first so that every later line can
	// name it; the access log and the metrics wrap everything so that they
	// see the final status; the language is known before any error is
	// written; recovery sits inside them all; the deadline also bounds the
	// rate-limit store's calls.
	fail := func(c *gin.Context, err error) { abortWithError(c, logger, err) }
	// Recovery has logged the panic already.
	failQuietly := func(c *gin.Context, err error) { abortWithError(c, zap.NewNop(), err) }
	engine.Use(middleware.RequestID(), middleware.AccessLog(logger), middleware.CountRequests(metrics),
		middleware.Language(), middleware.Recovery(logger, failQuietly), middleware.RequestHeaders(fail), middleware.Deadline(timeout, EventsPath))
	// CORS answers preflights before the rate limiter counts them.
	if corsHandler := middleware.CORS(cfg.CORSAllowedOrigins); corsHandler != nil {
		engine.Use(corsHandler)
	}
	if cfg.RateLimiter != nil {
		engine.Use(middleware.RateLimit(cfg.RateLimiter, metrics, rateLimitClass, fail))
	}
	engine.Use(middleware.Conditional())

	h := &handler{uc: uc, cursors: cursors, logger: logger, events: cfg.Events.withDefaults()}
	table := routes(h, ready)
	if !cfg.MetricsElsewhere {
		table = append(table, route{http.MethodGet, MetricsPath, accessOps, metrics.Serve})
	}
	negotiate := []gin.HandlerFunc{middleware.MediaType(fail), middleware.BodyLimit(limit, fail)}
	auth := middleware.Auth(uc.Authenticate, fail)
	for _, rt := range table {
		var chain []gin.HandlerFunc
		switch rt.access {
		case accessPublic:
			chain = append(chain, negotiate...)
		case accessSignedIn:
			chain = append(chain, negotiate...)
			chain = append(chain, auth)
		case accessStream:
			chain = append(chain, middleware.BodyLimit(limit, fail))
		}
		engine.Handle(rt.method, rt.path, append(chain, rt.handle)...)
		if rt.method == http.MethodGet {
			engine.Handle(http.MethodHead, rt.path, append(chain, rt.handle)...)
		}
	}
	apidocs.Register(withHead{engine})
	engine.NoRoute(func(c *gin.Context) {
		abortWithError(c, logger, reject(http.StatusNotFound, codeNotFound, message{key: msgRouteNotFound}, ""))
	})
	engine.NoMethod(func(c *gin.Context) {
		c.Header("Allow", allowHeader(registered(engine), c.Request.URL.Path))
		abortWithError(c, logger, reject(http.StatusMethodNotAllowed, codeMethodNotAllowed, message{key: msgMethodNotAllowed}, ""))
	})
	return engine, nil
}
