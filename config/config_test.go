package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zapcore"

	"github.com/parley-chat/parley/config"
)

func TestLoadDefaults(t *testing.T) {
	cfg, err := config.Load(map[string]string{})
	require.NoError(t, err)
	require.Equal(t, ":8080", cfg.HTTPAddr)
	require.Empty(t, cfg.MetricsAddr, "metrics stay on the API listener unless asked")
	require.Equal(t, "sqlite:parley.db", cfg.DatabaseURL)
	require.True(t, cfg.MigrateOnStart)
	require.Equal(t, 24*time.Hour, cfg.TokenTTL)
	require.True(t, cfg.RateLimitEnabled)
	require.Equal(t, config.Rate{Limit: 300, Period: time.Minute}, cfg.RateLimit)
	require.Equal(t, config.Rate{Limit: 5, Period: 20 * time.Second}, cfg.RateLimitAuth)
	require.Empty(t, cfg.RedisURL)
	require.Empty(t, cfg.TrustedProxies)
	require.Equal(t, 15*time.Second, cfg.ShutdownGrace)
	require.Equal(t, 24*time.Hour, cfg.EventsRetention)
	require.Equal(t, 25*time.Second, cfg.EventsHeartbeat)
	require.Equal(t, zapcore.InfoLevel, cfg.LogLevel)
	require.Equal(t, "json", cfg.LogFormat)
	require.Equal(t, config.Development, cfg.Env)
	require.False(t, cfg.Production())
	require.True(t, cfg.JWTSecretGenerated)
	require.Len(t, cfg.JWTSecret, 32)
}

func TestLoadGeneratesADifferentSecretEachTime(t *testing.T) {
	a, err := config.Load(nil)
	require.NoError(t, err)
	b, err := config.Load(nil)
	require.NoError(t, err)
	require.NotEqual(t, a.JWTSecret, b.JWTSecret)
}

func TestLoadReadsEveryVariable(t *testing.T) {
	secret := strings.Repeat("s", 40)
	cfg, err := config.Load(map[string]string{
		"PARLEY_HTTP_ADDR":            "127.0.0.1:9000",
		"PARLEY_METRICS_ADDR":         ":9090",
		"PARLEY_DATABASE_URL":         "postgres://u:p@db:5432/parley?sslmode=disable",
		"PARLEY_MIGRATE_ON_START":     "false",
		"PARLEY_JWT_SECRET":           secret,
		"PARLEY_TOKEN_TTL":            "90m",
		"PARLEY_RATE_LIMIT_ENABLED":   "false",
		"PARLEY_RATE_LIMIT":           "1000/1m",
		"PARLEY_RATE_LIMIT_AUTH":      " 10 / 30s ",
		"PARLEY_REDIS_URL":            "rediss://:pw@cache:6380/1",
		"PARLEY_TRUSTED_PROXIES":      " 10.0.0.0/8, 192.168.1.7 ,,::1",
		"PARLEY_CORS_ALLOWED_ORIGINS": " https://App.example.com, http://localhost:3000 ",
		"PARLEY_SHUTDOWN_GRACE":       "30s",
		"PARLEY_EVENTS_RETENTION":     "2h",
		"PARLEY_EVENTS_HEARTBEAT":     "10s",
		"PARLEY_LOG_LEVEL":            "debug",
		"PARLEY_LOG_FORMAT":           "console",
		"PARLEY_ENV":                  "production",
	})
	require.NoError(t, err)
	require.Equal(t, config.Config{
		HTTPAddr:           "127.0.0.1:9000",
		MetricsAddr:        ":9090",
		DatabaseURL:        "postgres://u:p@db:5432/parley?sslmode=disable",
		MigrateOnStart:     false,
		JWTSecret:          []byte(secret),
		TokenTTL:           90 * time.Minute,
		RateLimitEnabled:   false,
		RateLimit:          config.Rate{Limit: 1000, Period: time.Minute},
		RateLimitAuth:      config.Rate{Limit: 10, Period: 30 * time.Second},
		RedisURL:           "rediss://:pw@cache:6380/1",
		TrustedProxies:     []string{"10.0.0.0/8", "192.168.1.7", "::1"},
		CORSAllowedOrigins: []string{"https://app.example.com", "http://localhost:3000"},
		ShutdownGrace:      30 * time.Second,
		EventsRetention:    2 * time.Hour,
		EventsHeartbeat:    10 * time.Second,
		LogLevel:           zapcore.DebugLevel,
		LogFormat:          "console",
		Env:                config.Production,
	}, cfg)
	require.True(t, cfg.Production())
}

func TestLoadAcceptsValidValues(t *testing.T) {
	tests := []struct {
		name    string
		environ map[string]string
	}{
		{"postgresql_scheme", map[string]string{"PARLEY_DATABASE_URL": "postgresql://localhost/parley"}},
		{"sqlite_relative_path", map[string]string{"PARLEY_DATABASE_URL": "sqlite:data/parley.db"}},
		{"sqlite_absolute_path", map[string]string{"PARLEY_DATABASE_URL": "sqlite:/var/lib/parley/parley.db"}},
		{"redis_scheme", map[string]string{"PARLEY_REDIS_URL": "redis://localhost:6379/0"}},
		{"empty_value_takes_default", map[string]string{"PARLEY_TOKEN_TTL": ""}},
		{"ipv6_cidr_proxy", map[string]string{"PARLEY_TRUSTED_PROXIES": "fd00::/8"}},
		{"bool_as_digit", map[string]string{"PARLEY_MIGRATE_ON_START": "0"}},
		{"short_secret_in_development", map[string]string{"PARLEY_JWT_SECRET": "short"}},
		{"production_with_exactly_32_bytes", map[string]string{"PARLEY_ENV": "production", "PARLEY_JWT_SECRET": strings.Repeat("x", 32)}},
		{"host_only_port", map[string]string{"PARLEY_HTTP_ADDR": "localhost:0"}},
		{"metrics_port_of_its_own", map[string]string{"PARLEY_METRICS_ADDR": ":9090"}},
		{"metrics_on_loopback", map[string]string{"PARLEY_METRICS_ADDR": "127.0.0.1:0", "PARLEY_HTTP_ADDR": "127.0.0.1:0"}},
		{"warn_level", map[string]string{"PARLEY_LOG_LEVEL": "warn"}},
		{"sub_second_rate", map[string]string{"PARLEY_RATE_LIMIT": "1/500ms"}},
		{"any_origin", map[string]string{"PARLEY_CORS_ALLOWED_ORIGINS": "*"}},
		{"hourly_auth_rate", map[string]string{"PARLEY_RATE_LIMIT_AUTH": "100/1h"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(tt.environ)
			require.NoError(t, err)
		})
	}
}

func TestLoadKeepsAConfiguredSecret(t *testing.T) {
	cfg, err := config.Load(map[string]string{"PARLEY_JWT_SECRET": "dev-secret"})
	require.NoError(t, err)
	require.Equal(t, []byte("dev-secret"), cfg.JWTSecret)
	require.False(t, cfg.JWTSecretGenerated)
}

func TestRateString(t *testing.T) {
	require.Equal(t, "5/20s", config.Rate{Limit: 5, Period: 20 * time.Second}.String())
}
