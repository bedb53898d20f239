package config_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/config"
)

func TestLoadRefusesInvalidValues(t *testing.T) {
	tests := []struct {
		name     string
		variable string
		value    string
		extra    map[string]string
		message  string
	}{
		{"unparsable_ttl", "PARLEY_TOKEN_TTL", "abc", nil, `PARLEY_TOKEN_TTL: invalid duration "abc"`},
		{"ttl_without_unit", "PARLEY_TOKEN_TTL", "10", nil, `PARLEY_TOKEN_TTL: invalid duration "10"`},
		{"zero_ttl", "PARLEY_TOKEN_TTL", "0s", nil, `PARLEY_TOKEN_TTL: must be positive, got "0s"`},
		{"negative_ttl", "PARLEY_TOKEN_TTL", "-1h", nil, `PARLEY_TOKEN_TTL: must be positive, got "-1h0m0s"`},
		{"unparsable_grace", "PARLEY_SHUTDOWN_GRACE", "soon", nil, `PARLEY_SHUTDOWN_GRACE: invalid duration "soon"`},
		{"zero_grace", "PARLEY_SHUTDOWN_GRACE", "0", nil, `PARLEY_SHUTDOWN_GRACE: must be positive, got "0s"`},
		{"unparsable_retention", "PARLEY_EVENTS_RETENTION", "a day", nil, `PARLEY_EVENTS_RETENTION: invalid duration "a day"`},
		{"zero_heartbeat", "PARLEY_EVENTS_HEARTBEAT", "0s", nil, `PARLEY_EVENTS_HEARTBEAT: must be positive, got "0s"`},
		{"negative_retention", "PARLEY_EVENTS_RETENTION", "-1h", nil, `PARLEY_EVENTS_RETENTION: must be positive, got "-1h0m0s"`},
		{"unparsable_migrate_flag", "PARLEY_MIGRATE_ON_START", "yes", nil, `PARLEY_MIGRATE_ON_START: invalid boolean "yes" (want true or false)`},
		{"unparsable_rate_limit_flag", "PARLEY_RATE_LIMIT_ENABLED", "off", nil, `PARLEY_RATE_LIMIT_ENABLED: invalid boolean "off" (want true or false)`},
		{"rate_without_period", "PARLEY_RATE_LIMIT", "300", nil, `PARLEY_RATE_LIMIT: invalid rate "300" (want N/duration, such as "300/60s")`},
		{"rate_zero_count", "PARLEY_RATE_LIMIT", "0/60s", nil, `PARLEY_RATE_LIMIT: invalid request count in "0/60s" (want N/duration, such as "300/60s")`},
		{"rate_fractional_count", "PARLEY_RATE_LIMIT", "1.5/60s", nil, `PARLEY_RATE_LIMIT: invalid request count in "1.5/60s" (want N/duration, such as "300/60s")`},
		{"rate_limiter_format", "PARLEY_RATE_LIMIT_AUTH", "5-M", nil, `PARLEY_RATE_LIMIT_AUTH: invalid rate "5-M" (want N/duration, such as "300/60s")`},
		{"auth_rate_bad_period", "PARLEY_RATE_LIMIT_AUTH", "5/20", nil, `PARLEY_RATE_LIMIT_AUTH: invalid period in "5/20" (want N/duration, such as "300/60s")`},
		{"auth_rate_negative_period", "PARLEY_RATE_LIMIT_AUTH", "5/-20s", nil, `PARLEY_RATE_LIMIT_AUTH: invalid period in "5/-20s" (want N/duration, such as "300/60s")`},
		{"mysql_scheme", "PARLEY_DATABASE_URL", "mysql://u:secret@db/parley", nil, `PARLEY_DATABASE_URL: unsupported scheme "mysql" (want postgres://, postgresql:// or sqlite:<path>)`},
		{"no_scheme", "PARLEY_DATABASE_URL", "parley.db", nil, `PARLEY_DATABASE_URL: missing scheme (want postgres://, postgresql:// or sqlite:<path>)`},
		{"sqlite_without_path", "PARLEY_DATABASE_URL", "sqlite:", nil, `PARLEY_DATABASE_URL: sqlite: needs a file path (sqlite:<path>)`},
		{"malformed_database_url", "PARLEY_DATABASE_URL", "postgres://u:p@[::1", nil, `PARLEY_DATABASE_URL: not a valid URL`},
		{"http_redis_url", "PARLEY_REDIS_URL", "http://cache:6379", nil, `PARLEY_REDIS_URL: unsupported scheme "http" (want redis:// or rediss://)`},
		{"malformed_redis_url", "PARLEY_REDIS_URL", "redis://[::1", nil, `PARLEY_REDIS_URL: not a valid URL`},
		{"proxy_hostname", "PARLEY_TRUSTED_PROXIES", "10.0.0.1,proxy.internal", nil, `PARLEY_TRUSTED_PROXIES: invalid address or CIDR "proxy.internal"`},
		{"cors_path", "PARLEY_CORS_ALLOWED_ORIGINS", "https://app.example.com/", nil, `PARLEY_CORS_ALLOWED_ORIGINS: invalid origin "https://app.example.com/" (want scheme://host[:port])`},
		{"cors_no_scheme", "PARLEY_CORS_ALLOWED_ORIGINS", "app.example.com", nil, `PARLEY_CORS_ALLOWED_ORIGINS: invalid origin "app.example.com" (want scheme://host[:port])`},
		{"cors_star_mixed", "PARLEY_CORS_ALLOWED_ORIGINS", "*,https://a.example", nil, `PARLEY_CORS_ALLOWED_ORIGINS: "*" must stand alone`},
		{"proxy_bad_cidr", "PARLEY_TRUSTED_PROXIES", "10.0.0.0/33", nil, `PARLEY_TRUSTED_PROXIES: invalid address or CIDR "10.0.0.0/33"`},
		{"unknown_log_level", "PARLEY_LOG_LEVEL", "verbose", nil, `PARLEY_LOG_LEVEL: unknown level "verbose" (want debug, info, warn or error)`},
		{"unknown_log_format", "PARLEY_LOG_FORMAT", "text", nil, `PARLEY_LOG_FORMAT: unknown format "text" (want json or console)`},
		{"unknown_env", "PARLEY_ENV", "staging", nil, `PARLEY_ENV: unknown environment "staging" (want development or production)`},
		{"test_env", "PARLEY_ENV", "test", nil, `PARLEY_ENV: unknown environment "test" (want development or production)`},
		{"listen_address_without_port", "PARLEY_HTTP_ADDR", "8080", nil, `PARLEY_HTTP_ADDR: invalid listen address "8080" (want host:port or :port)`},
		{"metrics_address_without_port", "PARLEY_METRICS_ADDR", "9090", nil, `PARLEY_METRICS_ADDR: invalid listen address "9090" (want host:port or :port)`},
		{"metrics_address_of_the_api", "PARLEY_METRICS_ADDR", ":8080", nil, `PARLEY_METRICS_ADDR: must differ from PARLEY_HTTP_ADDR (leave it empty to serve /metrics there)`},
		{"production_without_secret", "PARLEY_ENV", "production", nil, `PARLEY_JWT_SECRET: required when PARLEY_ENV=production`},
		{"production_with_short_secret", "PARLEY_JWT_SECRET", strings.Repeat("x", 31), map[string]string{"PARLEY_ENV": "production"}, `PARLEY_JWT_SECRET: must be at least 32 bytes when PARLEY_ENV=production`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			environ := map[string]string{tt.variable: tt.value}
			for k, v := range tt.extra {
				environ[k] = v
			}
			_, err := config.Load(environ)
			require.EqualError(t, err, tt.message)
			require.NotContains(t, err.Error(), "\n")
			var ve *config.VariableError
			require.True(t, errors.As(err, &ve))
			require.True(t, strings.HasPrefix(err.Error(), ve.Variable+": "))
			require.Contains(t, config.Names(), ve.Variable)
		})
	}
}

func TestLoadNeverEchoesCredentials(t *testing.T) {
	tests := []struct {
		name    string
		environ map[string]string
	}{
		{"database_url", map[string]string{"PARLEY_DATABASE_URL": "mysql://user:hunter2@db/parley"}},
		{"redis_url", map[string]string{"PARLEY_REDIS_URL": "http://:hunter2@cache"}},
		{"short_secret", map[string]string{"PARLEY_ENV": "production", "PARLEY_JWT_SECRET": "hunter2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(tt.environ)
			require.Error(t, err)
			require.NotContains(t, err.Error(), "hunter2")
		})
	}
}

func TestNames(t *testing.T) {
	want := []string{
		"PARLEY_HTTP_ADDR", "PARLEY_METRICS_ADDR", "PARLEY_DATABASE_URL", "PARLEY_MIGRATE_ON_START",
		"PARLEY_JWT_SECRET", "PARLEY_TOKEN_TTL", "PARLEY_RATE_LIMIT_ENABLED",
		"PARLEY_RATE_LIMIT", "PARLEY_RATE_LIMIT_AUTH",
		"PARLEY_REDIS_URL", "PARLEY_TRUSTED_PROXIES", "PARLEY_CORS_ALLOWED_ORIGINS", "PARLEY_SHUTDOWN_GRACE",
		"PARLEY_EVENTS_RETENTION", "PARLEY_EVENTS_HEARTBEAT",
		"PARLEY_LOG_LEVEL", "PARLEY_LOG_FORMAT", "PARLEY_ENV",
	}
	require.ElementsMatch(t, want, config.Names())
	require.False(t, slices.Contains(config.Names(), ""))
}

func TestFromEnviron(t *testing.T) {
	got := config.FromEnviron([]string{"A=1", "B=x=y", "EMPTY=", "NOEQUALS", "=orphan", "A=2"})
	require.Equal(t, map[string]string{"A": "2", "B": "x=y", "EMPTY": ""}, got)
}
