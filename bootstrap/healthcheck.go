package bootstrap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/config"
)

// healthcheckTimeout bounds the whole check. Container runtimes time the
// command out themselves, but a check that hangs should still end on its own.
const healthcheckTimeout = 3 * time.Second

// Healthcheck asks the server configured by cfg, on this host, whether it is
// ready, and returns nil when /readyz answers 200. It is what a container
// health check runs: the image has no shell and no HTTP client of its own.
func Healthcheck(ctx context.Context, cfg config.Config) error {
	target, err := localURL(cfg.HTTPAddr, httpapi.ReadyPath)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return err
	}
	client := &http.Client{
		// Straight to the local server: no proxy from the environment, and a
		// redirect would mean something else answers on the port.
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	res, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w", target, err)
	}
	defer func() { _ = res.Body.Close() }()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", target, res.Status)
	}
	return nil
}

// localURL turns a listen address into the URL of path on this host: an
// empty or unspecified host (":8080", "0.0.0.0:8080", "[::]:8080") is
// reached through the loopback address of its family.
func localURL(listenAddr, path string) (string, error) {
	host, port, err := net.SplitHostPort(listenAddr)
	if err != nil {
		return "", fmt.Errorf("listen address %q: %w", listenAddr, err)
	}
	if port == "" || port == "0" {
		return "", errors.New("the listen address has no fixed port to check: set PARLEY_HTTP_ADDR")
	}
	switch ip := net.ParseIP(host); {
	case host == "":
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified() && ip.To4() != nil:
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified():
		host = "::1"
	}
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: path}).String(), nil
}
