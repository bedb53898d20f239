package bootstrap

import (
	"context"
	"fmt"

	"go.uber.org/fx"
	"go.uber.org/fx/fxevent"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/parley-chat/parley/config"
)

// loggingModule provides the logger and routes fx's own events to it. The
// event logger is set outside the module: inside, it would only see the
// module's events.
func loggingModule() fx.Option {
	return fx.Options(
		fx.Module("logging", fx.Provide(provideLogger)),
		fx.WithLogger(func(logger *zap.Logger) fxevent.Logger {
			l := &fxevent.ZapLogger{Logger: logger.Named("fx")}
			// The wiring's chatter (every provide and invoke) is debug detail.
			// So are its errors: fx returns each one from New, Start or Stop
			// too, and whoever runs the graph reports it once, in one line
			// without fx's stack trace.
			l.UseLogLevel(zapcore.DebugLevel)
			l.UseErrorLevel(zapcore.DebugLevel)
			return l
		}),
	)
}

func provideLogger(lc fx.Lifecycle, cfg config.Config) (*zap.Logger, error) {
	logger, err := NewLogger(cfg)
	if err != nil {
		return nil, err
	}
	lc.Append(fx.StopHook(func(context.Context) {
		// Syncing stderr fails on some platforms; there is nowhere left to
		// report that.
		_ = logger.Sync()
	}))
	return logger, nil
}

// NewLogger builds the service's one logger from the configured level and
// format (json or console), writing to standard error without stack traces.
// Every line is kept: access logs must not be sampled away.
func NewLogger(cfg config.Config) (*zap.Logger, error) {
	zc := zap.NewProductionConfig()
	zc.Level = zap.NewAtomicLevelAt(cfg.LogLevel)
	zc.Sampling = nil
	// Errors carry their context in wrapped messages; a stack per error line
	// would drown it.
	zc.DisableStacktrace = true
	zc.Encoding = cfg.LogFormat
	zc.EncoderConfig.TimeKey = "ts"
	zc.EncoderConfig.EncodeTime = zapcore.RFC3339NanoTimeEncoder
	zc.EncoderConfig.EncodeDuration = zapcore.MillisDurationEncoder
	if cfg.LogFormat == "console" {
		zc.EncoderConfig.EncodeLevel = zapcore.CapitalLevelEncoder
	}
	logger, err := zc.Build()
	if err != nil {
		return nil, fmt.Errorf("build logger: %w", err)
	}
	return logger, nil
}
