package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"go.uber.org/zap"
)

// ServerConfig configures the HTTP server. MaxHeaderBytes (0: net/http's
// default of 1 MiB) caps the request line and headers: past it the answer is
// a JSON:API 431, as is a request target over MaxRequestTargetBytes a 414.
type ServerConfig struct {
	Addr              string
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
}

// Server serves a handler over TCP and shuts down gracefully.
type Server struct {
	srv      *http.Server
	logger   *zap.Logger
	listener net.Listener
	served   chan struct{}
}

// NewServer returns a server for handler; it does not listen yet.
func NewServer(cfg ServerConfig, handler http.Handler, logger *zap.Logger) *Server {
	if logger == nil {
		logger = zap.NewNop()
	}
	if cfg.ReadHeaderTimeout == 0 {
		cfg.ReadHeaderTimeout = DefaultReadHeaderTimeout
	}
	maxHeader := cfg.MaxHeaderBytes
	if maxHeader <= 0 {
		maxHeader = http.DefaultMaxHeaderBytes
	}
	errorLog, err := zap.NewStdLogAt(logger.Named("http"), zap.WarnLevel)
	if err != nil {
		errorLog = zap.NewStdLog(logger.Named("http"))
	}
	return &Server{
		logger: logger,
		srv: &http.Server{
			Addr:              cfg.Addr,
			Handler:           requestLimitHandler(handler, maxHeader),
			ReadHeaderTimeout: cfg.ReadHeaderTimeout,
			ReadTimeout:       cfg.ReadTimeout,
			WriteTimeout:      cfg.WriteTimeout,
			IdleTimeout:       cfg.IdleTimeout,
			MaxHeaderBytes:    maxHeader * headerReadFactor,
			ErrorLog:          errorLog,
		},
	}
}

// Start binds the address now, so that Addr is known (port 0 picks a free
// one) and a taken port fails the start, then serves in the background.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.srv.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.srv.Addr, err)
	}
	s.listener = ln
	s.served = make(chan struct{})
	s.logger.Info("http server listening", zap.String("addr", ln.Addr().String()))
	go func() {
		defer close(s.served)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logger.Error("http server stopped", zap.Error(err))
		}
	}()
	return nil
}

// Addr returns the bound address, such as 127.0.0.1:41234, or the
// configured one before Start.
func (s *Server) Addr() string {
	if s.listener == nil {
		return s.srv.Addr
	}
	return s.listener.Addr().String()
}

// OnShutdown runs f, in a goroutine of its own, when Shutdown begins: the
// place to end requests that would otherwise outlive it, such as streams.
func (s *Server) OnShutdown(f func()) { s.srv.RegisterOnShutdown(f) }

// Shutdown stops accepting connections and waits for in-flight requests
// until ctx ends; then it closes whatever is left.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.listener == nil {
		return nil
	}
	err := s.srv.Shutdown(ctx)
	if err != nil {
		_ = s.srv.Close()
		return fmt.Errorf("shut down http server: %w", err)
	}
	<-s.served
	s.logger.Info("http server stopped")
	return nil
}
