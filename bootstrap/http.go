package bootstrap

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/config"
)

// Server limits the HTTP adapter has no default for. The body limit, the
// read-header, write and request timeouts are httpapi's defaults, defined in
// adapters/httpapi/limits.go.
const (
	maxHeaderBytes = 64 << 10
	readTimeout    = 30 * time.Second
	idleTimeout    = 120 * time.Second
)

func httpModule() fx.Option {
	return fx.Module("http",
		fx.Provide(newUseCases, httpapi.NewReadiness, newRouter, newServer),
		fx.Invoke(func(*httpapi.Server) {}),
	)
}

// useCases asks the graph for every use case of httpapi.UseCases; adding a
// use case there without adding it here fails the start (UseCases.check).
type useCases struct {
	fx.In

	SignUp                  *application.SignUp
	SignIn                  *application.SignIn
	SignOut                 *application.SignOut
	Authenticate            *application.Authenticate
	GetUser                 *application.GetUser
	ListUsers               *application.ListUsers
	CreateUser              *application.CreateUser
	UpdateUser              *application.UpdateUser
	ChangePassword          *application.ChangePassword
	DeactivateUser          *application.DeactivateUser
	StartDirectConversation *application.StartDirectConversation
	GetDirectConversation   *application.GetDirectConversation
	ListDirectConversations *application.ListDirectConversations
	GetChat                 *application.GetChat
	PostMessage             *application.PostMessage
	ListMessages            *application.ListMessages
	GetMessage              *application.GetMessage
	EditMessage             *application.EditMessage
	WithdrawMessage         *application.WithdrawMessage
	MarkChatRead            *application.MarkChatRead
	GetChatBookmark         *application.GetChatBookmark
	GetUnreadCounts         *application.GetUnreadCounts
	LoadConversationDetails *application.LoadConversationDetails
	IssueEventTicket        *application.IssueEventTicket
	RedeemEventTicket       *application.RedeemEventTicket
	OpenEventStream         *application.OpenEventStream
	DescribeEvent           *application.DescribeEvent
}

func newUseCases(uc useCases) httpapi.UseCases {
	return httpapi.UseCases{
		SignUp:                  uc.SignUp,
		SignIn:                  uc.SignIn,
		SignOut:                 uc.SignOut,
		Authenticate:            uc.Authenticate,
		GetUser:                 uc.GetUser,
		ListUsers:               uc.ListUsers,
		CreateUser:              uc.CreateUser,
		UpdateUser:              uc.UpdateUser,
		ChangePassword:          uc.ChangePassword,
		DeactivateUser:          uc.DeactivateUser,
		StartDirectConversation: uc.StartDirectConversation,
		GetDirectConversation:   uc.GetDirectConversation,
		ListDirectConversations: uc.ListDirectConversations,
		GetChat:                 uc.GetChat,
		PostMessage:             uc.PostMessage,
		ListMessages:            uc.ListMessages,
		GetMessage:              uc.GetMessage,
		EditMessage:             uc.EditMessage,
		WithdrawMessage:         uc.WithdrawMessage,
		MarkChatRead:            uc.MarkChatRead,
		GetChatBookmark:         uc.GetChatBookmark,
		GetUnreadCounts:         uc.GetUnreadCounts,
		LoadConversationDetails: uc.LoadConversationDetails,
		IssueEventTicket:        uc.IssueEventTicket,
		RedeemEventTicket:       uc.RedeemEventTicket,
		OpenEventStream:         uc.OpenEventStream,
		DescribeEvent:           uc.DescribeEvent,
	}
}

// routerIn is what the router is built from; RateLimiter is nil when rate
// limits are switched off.
type routerIn struct {
	fx.In

	UseCases    httpapi.UseCases
	Config      config.Config
	Ready       *httpapi.Readiness
	Logger      *zap.Logger
	RateLimiter *middleware.RateLimiter
	Metrics     *middleware.Metrics
}

func newRouter(in routerIn) (http.Handler, error) {
	router, err := httpapi.NewRouter(in.UseCases, httpapi.RouterConfig{
		CursorSecret:       in.Config.JWTSecret,
		TrustedProxies:     in.Config.TrustedProxies,
		CORSAllowedOrigins: in.Config.CORSAllowedOrigins,
		MaxBodyBytes:       httpapi.DefaultMaxBodyBytes,
		RequestTimeout:     httpapi.DefaultRequestTimeout,
		RateLimiter:        in.RateLimiter,
		Metrics:            in.Metrics,
		Events:             httpapi.EventStreamConfig{Heartbeat: in.Config.EventsHeartbeat},
		// A metrics listener of its own takes /metrics off the API's port.
		MetricsElsewhere: in.Config.MetricsAddr != "",
	}, in.Ready, in.Logger)
	if err != nil {
		return nil, fmt.Errorf("build router: %w", err)
	}
	return router, nil
}

// newServer listens on start; on stop it first reports not ready, so load
// balancers drain the replica, then lets in-flight requests finish within the
// shutdown grace.
func newServer(lc fx.Lifecycle, cfg config.Config, handler http.Handler, ready *httpapi.Readiness, hub *application.EventHub, logger *zap.Logger) *httpapi.Server {
	srv := httpapi.NewServer(serverConfig(cfg), handler, logger)
	// Event streams never end by themselves: when the shutdown begins, the
	// hub ends them, so that they finish within the grace like any request
	// and their clients resume elsewhere with Last-Event-ID.
	srv.OnShutdown(hub.Close)
	lc.Append(fx.Hook{
		OnStart: func(context.Context) error {
			return listenError("PARLEY_HTTP_ADDR", cfg.HTTPAddr, srv.Start())
		},
		OnStop: func(ctx context.Context) error {
			ready.SetDraining()
			ctx, cancel := context.WithTimeout(ctx, cfg.ShutdownGrace)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil {
				return fmt.Errorf("shut down http server: %w", err)
			}
			return nil
		},
	})
	return srv
}

// serverConfig bounds every phase of a connection, so that slow or idle
// clients cannot hold connections open.
func serverConfig(cfg config.Config) httpapi.ServerConfig {
	return httpapi.ServerConfig{
		Addr:              cfg.HTTPAddr,
		ReadHeaderTimeout: httpapi.DefaultReadHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      httpapi.DefaultWriteTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}
