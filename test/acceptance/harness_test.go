package acceptance_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.uber.org/fx"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/test/apispec"
	"github.com/parley-chat/parley/test/testenv"
)

// lane is one running Parley the suite talks to: in-process on a chosen
// persistence, or a deployment named by PARLEY_ACCEPTANCE_BASE_URL.
type lane struct {
	name   string
	base   string
	secret []byte // the JWT key, known only for in-process lanes
}

var lanes []*lane

// spec checks every response the suite receives against the OpenAPI
// document, so the document, the router and the responses cannot drift apart.
var spec *apispec.Validator

const testSecret = "acceptance-secret-0123456789abcdef0123456789"

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "acceptance:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	v, err := apispec.NewValidator(apidocs.Spec())
	if err != nil {
		return 1, fmt.Errorf("load the OpenAPI document: %w", err)
	}
	spec = v
	if base := os.Getenv("PARLEY_ACCEPTANCE_BASE_URL"); base != "" {
		lanes = []*lane{{name: "remote", base: strings.TrimSuffix(base, "/")}}
		return m.Run(), nil
	}
	dir, err := os.MkdirTemp("", "parley-acceptance")
	if err != nil {
		return 1, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	type target struct {
		name, url   string
		persistence bootstrap.Persistence
	}
	targets := []target{
		{"memory", "sqlite:unused.db", bootstrap.Memory},
		{"sqlite", "sqlite:" + filepath.Join(dir, "parley.db"), bootstrap.GORM},
	}
	if base := os.Getenv(testenv.PostgresURLVar); base != "" {
		pgURL, drop, err := testenv.CreateDatabase(base, "acceptance")
		if err != nil {
			return 1, err
		}
		defer drop()
		targets = append(targets, target{"postgres", pgURL, bootstrap.GORM})
	} else if os.Getenv("CI") != "" {
		return 1, fmt.Errorf("%s is not set but CI is: the PostgreSQL lane is required", testenv.PostgresURLVar)
	}
	// Every lane must outlive m.Run, so they are stopped together at the end.
	var stops []func()
	defer func() {
		for _, stop := range stops {
			stop()
		}
	}()
	for _, tg := range targets {
		stop, l, err := startLane(tg.name, tg.url, tg.persistence)
		if err != nil {
			return 1, fmt.Errorf("start %s lane: %w", tg.name, err)
		}
		stops = append(stops, stop)
		lanes = append(lanes, l)
	}
	return m.Run(), nil
}

// startLane runs the real fx graph on 127.0.0.1:0 and returns a stop function.
func startLane(name, dbURL string, p bootstrap.Persistence) (func(), *lane, error) {
	cfg, err := config.Load(testConfig(dbURL, nil))
	if err != nil {
		return nil, nil, err
	}
	var srv *httpapi.Server
	app := fx.New(bootstrap.Options(cfg, p), bootstrap.WithBcryptCost(4), fx.Populate(&srv), fx.NopLogger)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := app.Start(ctx); err != nil {
		return nil, nil, err
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_ = app.Stop(ctx)
	}
	return stop, &lane{name: name, base: "http://" + srv.Addr(), secret: []byte(testSecret)}, nil
}

// testConfig is the environment of an in-process lane, with overrides.
func testConfig(dbURL string, overrides map[string]string) map[string]string {
	env := map[string]string{
		"PARLEY_HTTP_ADDR":          "127.0.0.1:0",
		"PARLEY_DATABASE_URL":       dbURL,
		"PARLEY_JWT_SECRET":         testSecret,
		"PARLEY_RATE_LIMIT_ENABLED": "false",
		"PARLEY_LOG_LEVEL":          "error",
		"PARLEY_SHUTDOWN_GRACE":     "5s",
	}
	for k, v := range overrides {
		env[k] = v
	}
	return env
}

// eachLane runs fn as a parallel subtest against every lane.
func eachLane(t *testing.T, fn func(t *testing.T, api *client)) {
	t.Helper()
	t.Parallel()
	for _, l := range lanes {
		t.Run(l.name, func(t *testing.T) {
			t.Parallel()
			fn(t, &client{lane: l, http: &http.Client{Timeout: 30 * time.Second}})
		})
	}
}
