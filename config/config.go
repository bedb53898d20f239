// Package config reads Parley's settings from the environment and refuses
// values it cannot use, naming the variable at fault.
package config

import (
	"os"
	"reflect"
	"strings"
	"time"

	"go.uber.org/zap/zapcore"
)

// Deployment environments accepted in PARLEY_ENV.
const (
	Development = "development"
	Production  = "production"
)

// MinProductionSecretBytes is the shortest PARLEY_JWT_SECRET accepted in
// production.
const MinProductionSecretBytes = 32

// Config is every setting of the service, validated.
type Config struct {
	// HTTPAddr is the listen address, host:port.
	HTTPAddr string
	// MetricsAddr, when set, is a listen address of its own for /metrics;
	// empty serves /metrics on HTTPAddr.
	MetricsAddr string
	// DatabaseURL selects the store: postgres://, postgresql:// or
	// sqlite:<path>.
	DatabaseURL string
	// MigrateOnStart applies pending migrations before serving.
	MigrateOnStart bool
	// JWTSecret signs tokens and pagination cursors.
	JWTSecret []byte
	// JWTSecretGenerated reports that no secret was configured and JWTSecret
	// is random for this process only.
	JWTSecretGenerated bool
	// TokenTTL is the lifetime of issued tokens.
	TokenTTL time.Duration
	// RateLimitEnabled switches the rate limits on.
	RateLimitEnabled bool
	// RateLimit is every client's budget across the API.
	RateLimit Rate
	// RateLimitAuth is the further budget on sign-up and sign-in.
	RateLimitAuth Rate
	// RedisURL, when set, holds rate-limit counters shared by all replicas
	// and carries the event wake-ups between them.
	RedisURL string
	// TrustedProxies are the addresses and CIDRs of proxies whose
	// X-Forwarded-For is believed.
	TrustedProxies []string
	// CORSAllowedOrigins lists the web origins allowed to call the API from
	// a browser; AnyOrigin alone allows all; empty sends no CORS headers.
	CORSAllowedOrigins []string
	// ShutdownGrace bounds how long in-flight requests may run after SIGTERM.
	ShutdownGrace time.Duration
	// EventsRetention is how long events stay replayable with Last-Event-ID;
	// older ones are purged in the background.
	EventsRetention time.Duration
	// EventsHeartbeat is how often an idle event stream sends a comment.
	EventsHeartbeat time.Duration
	// LogLevel is the lowest level logged.
	LogLevel zapcore.Level
	// LogFormat is "json" or "console".
	LogFormat string
	// Env is Development or Production.
	Env string
}

// Production reports whether the service runs with production safeguards.
func (c Config) Production() bool { return c.Env == Production }

// environment is the raw form of Config as the environment spells it; the
// env tags are the single list of variables that Parley reads.
type environment struct {
	HTTPAddr         string        `env:"PARLEY_HTTP_ADDR" envDefault:":8080"`
	MetricsAddr      string        `env:"PARLEY_METRICS_ADDR"`
	DatabaseURL      string        `env:"PARLEY_DATABASE_URL" envDefault:"sqlite:parley.db"`
	MigrateOnStart   bool          `env:"PARLEY_MIGRATE_ON_START" envDefault:"true"`
	JWTSecret        string        `env:"PARLEY_JWT_SECRET"`
	TokenTTL         time.Duration `env:"PARLEY_TOKEN_TTL" envDefault:"24h"`
	RateLimitEnabled bool          `env:"PARLEY_RATE_LIMIT_ENABLED" envDefault:"true"`
	RateLimit        string        `env:"PARLEY_RATE_LIMIT" envDefault:"300/60s"`
	RateLimitAuth    string        `env:"PARLEY_RATE_LIMIT_AUTH" envDefault:"5/20s"`
	RedisURL         string        `env:"PARLEY_REDIS_URL"`
	TrustedProxies   string        `env:"PARLEY_TRUSTED_PROXIES"`
	CORSOrigins      string        `env:"PARLEY_CORS_ALLOWED_ORIGINS"`
	ShutdownGrace    time.Duration `env:"PARLEY_SHUTDOWN_GRACE" envDefault:"15s"`
	EventsRetention  time.Duration `env:"PARLEY_EVENTS_RETENTION" envDefault:"24h"`
	EventsHeartbeat  time.Duration `env:"PARLEY_EVENTS_HEARTBEAT" envDefault:"25s"`
	LogLevel         string        `env:"PARLEY_LOG_LEVEL" envDefault:"info"`
	LogFormat        string        `env:"PARLEY_LOG_FORMAT" envDefault:"json"`
	Env              string        `env:"PARLEY_ENV" envDefault:"development"`
}

// Names returns the name of every environment variable that Load reads, in
// declaration order.
func Names() []string {
	t := reflect.TypeFor[environment]()
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		names = append(names, variableOf(t.Field(i).Name))
	}
	return names
}

// variableOf returns the environment variable behind an environment field.
func variableOf(field string) string {
	f, ok := reflect.TypeFor[environment]().FieldByName(field)
	if !ok {
		return field
	}
	name, _, _ := strings.Cut(f.Tag.Get("env"), ",")
	return name
}

// FromEnviron turns os.Environ-style "KEY=value" entries into a map; a later
// entry wins over an earlier one with the same key.
func FromEnviron(environ []string) map[string]string {
	m := make(map[string]string, len(environ))
	for _, kv := range environ {
		k, v, ok := strings.Cut(kv, "=")
		if ok && k != "" {
			m[k] = v
		}
	}
	return m
}

// LoadOS loads the configuration from the process environment.
func LoadOS() (Config, error) {
	return Load(FromEnviron(os.Environ()))
}
