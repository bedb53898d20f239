package config

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"go.uber.org/zap/zapcore"
)

// The messages below never quote a URL or the secret: they may carry
// credentials and end up in logs.

func checkListenAddr(name, addr string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return invalid(name, "invalid listen address %q (want host:port or :port)", addr)
	}
	return nil
}

// checkMetricsAddr accepts an empty address (metrics on the API listener) or
// one that differs from the API's: the same one could never be bound twice.
// Port 0 picks a free port for each listener, so it may appear in both.
func checkMetricsAddr(addr, httpAddr string) error {
	const name = "PARLEY_METRICS_ADDR"
	if addr == "" {
		return nil
	}
	if err := checkListenAddr(name, addr); err != nil {
		return err
	}
	if _, port, _ := net.SplitHostPort(addr); addr == httpAddr && port != "0" {
		return invalid(name, "must differ from PARLEY_HTTP_ADDR (leave it empty to serve /metrics there)")
	}
	return nil
}

func checkDatabaseURL(raw string) error {
	const name = "PARLEY_DATABASE_URL"
	if path, ok := strings.CutPrefix(raw, "sqlite:"); ok {
		if strings.TrimSpace(path) == "" {
			return invalid(name, "sqlite: needs a file path (sqlite:<path>)")
		}
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return invalid(name, "not a valid URL")
	}
	switch u.Scheme {
	case "postgres", "postgresql":
		return nil
	case "":
		return invalid(name, "missing scheme (want postgres://, postgresql:// or sqlite:<path>)")
	default:
		return invalid(name, "unsupported scheme %q (want postgres://, postgresql:// or sqlite:<path>)", u.Scheme)
	}
}

func checkRedisURL(raw string) error {
	const name = "PARLEY_REDIS_URL"
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return invalid(name, "not a valid URL")
	}
	if u.Scheme != "redis" && u.Scheme != "rediss" {
		return invalid(name, "unsupported scheme %q (want redis:// or rediss://)", u.Scheme)
	}
	return nil
}

func checkPositive(name string, d time.Duration) error {
	if d <= 0 {
		return invalid(name, "must be positive, got %q", d.String())
	}
	return nil
}

func parseTrustedProxies(raw string) ([]string, error) {
	var proxies []string
	for part := range strings.SplitSeq(raw, ",") {
		p := strings.TrimSpace(part)
		if p == "" {
			continue
		}
		if _, err := netip.ParseAddr(p); err != nil {
			if _, err := netip.ParsePrefix(p); err != nil {
				return nil, invalid("PARLEY_TRUSTED_PROXIES", "invalid address or CIDR %q", p)
			}
		}
		proxies = append(proxies, p)
	}
	return proxies, nil
}

func parseLogLevel(raw string) (zapcore.Level, error) {
	level, err := zapcore.ParseLevel(raw)
	if err != nil {
		return zapcore.InfoLevel, invalid("PARLEY_LOG_LEVEL", "unknown level %q (want debug, info, warn or error)", raw)
	}
	return level, nil
}

func checkLogFormat(format string) error {
	if format != "json" && format != "console" {
		return invalid("PARLEY_LOG_FORMAT", "unknown format %q (want json or console)", format)
	}
	return nil
}

func checkEnv(e string) error {
	if e != Development && e != Production {
		return invalid("PARLEY_ENV", "unknown environment %q (want development or production)", e)
	}
	return nil
}

func checkSecret(secret []byte, e string) error {
	if e != Production {
		return nil
	}
	if len(secret) == 0 {
		return invalid("PARLEY_JWT_SECRET", "required when PARLEY_ENV=production")
	}
	if len(secret) < MinProductionSecretBytes {
		return invalid("PARLEY_JWT_SECRET", "must be at least %d bytes when PARLEY_ENV=production", MinProductionSecretBytes)
	}
	return nil
}
