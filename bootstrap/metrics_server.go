package bootstrap

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/config"
)

// metricsAddrVariable names the setting of the metrics listener in errors.
const metricsAddrVariable = "PARLEY_METRICS_ADDR"

// MetricsServer is the listener of its own that serves /metrics when
// PARLEY_METRICS_ADDR is set, so that the port clients reach never exposes
// the service's internals. Without that setting it serves nothing and the
// API listener answers /metrics.
type MetricsServer struct {
	srv *httpapi.Server
}

// Addr returns the metrics listener's bound address, such as
// 127.0.0.1:9090, or "" when /metrics is served on the API listener.
func (m *MetricsServer) Addr() string {
	if m.srv == nil {
		return ""
	}
	return m.srv.Addr()
}

// newMetricsServer is built before the API server, so that its hooks start
// first and stop last: a replica that drains can still be scraped.
func newMetricsServer(lc fx.Lifecycle, cfg config.Config, reg *prometheus.Registry, logger *zap.Logger) *MetricsServer {
	if cfg.MetricsAddr == "" {
		return &MetricsServer{}
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+httpapi.MetricsPath, promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	sc := serverConfig(cfg)
	sc.Addr = cfg.MetricsAddr
	srv := httpapi.NewServer(sc, mux, logger.Named("metrics"))
	lc.Append(fx.Hook{
		OnStart: func(context.Context) error {
			return listenError(metricsAddrVariable, cfg.MetricsAddr, srv.Start())
		},
		OnStop: func(ctx context.Context) error {
			ctx, cancel := context.WithTimeout(ctx, cfg.ShutdownGrace)
			defer cancel()
			return srv.Shutdown(ctx)
		},
	})
	return &MetricsServer{srv: srv}
}
