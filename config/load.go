package config

import (
	"crypto/rand"
	"fmt"

	"github.com/caarlos0/env/v11"
)

// generatedSecretBytes is the length of the per-process secret made when none
// is configured.
const generatedSecretBytes = 32

// Load reads the configuration from environ (variable name to value) and
// validates it. An unset or empty variable takes its default. The first
// problem found is returned as a *VariableError naming the variable.
func Load(environ map[string]string) (Config, error) {
	var raw environment
	if err := env.ParseWithOptions(&raw, env.Options{Environment: environ}); err != nil {
		return Config{}, translateParseError(err, environ)
	}
	cfg := Config{
		HTTPAddr:         raw.HTTPAddr,
		MetricsAddr:      raw.MetricsAddr,
		DatabaseURL:      raw.DatabaseURL,
		MigrateOnStart:   raw.MigrateOnStart,
		JWTSecret:        []byte(raw.JWTSecret),
		TokenTTL:         raw.TokenTTL,
		RateLimitEnabled: raw.RateLimitEnabled,
		RedisURL:         raw.RedisURL,
		ShutdownGrace:    raw.ShutdownGrace,
		EventsRetention:  raw.EventsRetention,
		EventsHeartbeat:  raw.EventsHeartbeat,
		LogFormat:        raw.LogFormat,
		Env:              raw.Env,
	}
	checks := []func() error{
		func() error { return checkListenAddr("PARLEY_HTTP_ADDR", cfg.HTTPAddr) },
		func() error { return checkMetricsAddr(cfg.MetricsAddr, cfg.HTTPAddr) },
		func() error { return checkDatabaseURL(cfg.DatabaseURL) },
		func() error { return checkPositive("PARLEY_TOKEN_TTL", cfg.TokenTTL) },
		func() (err error) { cfg.RateLimit, err = parseRate("PARLEY_RATE_LIMIT", raw.RateLimit); return err },
		func() (err error) {
			cfg.RateLimitAuth, err = parseRate("PARLEY_RATE_LIMIT_AUTH", raw.RateLimitAuth)
			return err
		},
		func() error { return checkRedisURL(cfg.RedisURL) },
		func() (err error) { cfg.TrustedProxies, err = parseTrustedProxies(raw.TrustedProxies); return err },
		func() (err error) { cfg.CORSAllowedOrigins, err = parseCORSOrigins(raw.CORSOrigins); return err },
		func() error { return checkPositive("PARLEY_SHUTDOWN_GRACE", cfg.ShutdownGrace) },
		func() error { return checkPositive("PARLEY_EVENTS_RETENTION", cfg.EventsRetention) },
		func() error { return checkPositive("PARLEY_EVENTS_HEARTBEAT", cfg.EventsHeartbeat) },
		func() (err error) { cfg.LogLevel, err = parseLogLevel(raw.LogLevel); return err },
		func() error { return checkLogFormat(cfg.LogFormat) },
		func() error { return checkEnv(cfg.Env) },
		func() error { return checkSecret(cfg.JWTSecret, cfg.Env) },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return Config{}, err
		}
	}
	if len(cfg.JWTSecret) == 0 {
		secret := make([]byte, generatedSecretBytes)
		if _, err := rand.Read(secret); err != nil {
			return Config{}, fmt.Errorf("generate PARLEY_JWT_SECRET: %w", err)
		}
		cfg.JWTSecret = secret
		cfg.JWTSecretGenerated = true
	}
	return cfg, nil
}
