package bootstrap_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

func TestOptionsValidate(t *testing.T) {
	for _, p := range []bootstrap.Persistence{bootstrap.GORM, bootstrap.Memory} {
		t.Run(p.String(), func(t *testing.T) {
			require.NoError(t, fx.ValidateApp(bootstrap.Options(testConfig(t), p), fx.NopLogger))
		})
	}
}

func TestServeWithMemoryPersistence(t *testing.T) {
	base := start(t, testConfig(t), bootstrap.Memory)

	require.Equal(t, http.StatusOK, get(t, base+"/healthz", "").StatusCode)
	require.Equal(t, http.StatusOK, get(t, base+"/readyz", "").StatusCode)
	token := signUp(t, base, "ada@memory.test")
	require.Equal(t, http.StatusOK, get(t, base+"/api/v1/users/me", token).StatusCode)
	require.Equal(t, http.StatusUnauthorized, get(t, base+"/api/v1/users/me", "").StatusCode)
}

func TestServeWithSQLiteMigratesOnStart(t *testing.T) {
	cfg := testConfig(t)
	cfg.DatabaseURL = "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
	base := start(t, cfg, bootstrap.GORM)

	require.Equal(t, http.StatusOK, get(t, base+"/readyz", "").StatusCode)
	token := signUp(t, base, "ada@sqlite.test")
	require.Equal(t, http.StatusOK, get(t, base+"/api/v1/users/me", token).StatusCode)
}

func TestStartFailsWithoutMigrations(t *testing.T) {
	cfg := testConfig(t)
	cfg.DatabaseURL = "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
	cfg.MigrateOnStart = false
	app := fx.New(bootstrap.Options(cfg, bootstrap.GORM), fx.NopLogger)
	require.NoError(t, app.Err())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// An unmigrated database stops the start, saying what to run, instead
	// of serving errors.
	err := app.Start(ctx)
	require.ErrorIs(t, err, gormstore.ErrMigrationsPending)
	require.EqualError(t, err, "PARLEY_MIGRATE_ON_START=false: the database has pending migrations: run `parley migrate` first")
}

func TestStopClosesTheListener(t *testing.T) {
	var srv *httpapi.Server
	app := fxtest.New(t, bootstrap.Options(testConfig(t), bootstrap.Memory), fx.Populate(&srv))
	app.RequireStart()
	addr := srv.Addr()
	require.Equal(t, http.StatusOK, get(t, "http://"+addr+"/healthz", "").StatusCode)
	app.RequireStop()
	_, err := http.Get("http://" + addr + "/healthz")
	require.Error(t, err)
}

func TestWithBcryptCost(t *testing.T) {
	var hasher application.PasswordHasher
	app := fxtest.New(t, bootstrap.Options(testConfig(t), bootstrap.Memory), bootstrap.WithBcryptCost(bcrypt.MinCost), fx.Populate(&hasher))
	defer app.RequireStart().RequireStop()
	hash, err := hasher.Hash("password1")
	require.NoError(t, err)
	cost, err := bcrypt.Cost([]byte(hash))
	require.NoError(t, err)
	require.Equal(t, bcrypt.MinCost, cost)
}

func TestMigrate(t *testing.T) {
	cfg := testConfig(t)
	path := filepath.Join(t.TempDir(), "parley.db")
	cfg.DatabaseURL = "sqlite:" + path
	ctx := context.Background()
	require.NoError(t, bootstrap.Migrate(ctx, cfg))
	_, err := os.Stat(path)
	require.NoError(t, err)
	require.NoError(t, bootstrap.Migrate(ctx, cfg), "a second run has nothing to apply")

	cfg.MigrateOnStart = false
	base := start(t, cfg, bootstrap.GORM)
	signUp(t, base, "ada@migrated.test")
}

func TestMigrateFailsOnUnreachableDatabase(t *testing.T) {
	cfg := testConfig(t)
	cfg.DatabaseURL = "postgres://nobody@127.0.0.1:1/parley?sslmode=disable&connect_timeout=2"
	require.Error(t, bootstrap.Migrate(context.Background(), cfg))
}

func testConfig(t *testing.T) config.Config {
	t.Helper()
	cfg, err := config.Load(map[string]string{
		"PARLEY_HTTP_ADDR":      "127.0.0.1:0",
		"PARLEY_LOG_LEVEL":      "error",
		"PARLEY_SHUTDOWN_GRACE": "2s",
		"PARLEY_JWT_SECRET":     strings.Repeat("k", 32),
	})
	require.NoError(t, err)
	return cfg
}

// start runs the graph with a fast password hash and returns the server's
// base URL; the app stops when the test ends.
func start(t *testing.T, cfg config.Config, p bootstrap.Persistence) string {
	t.Helper()
	var srv *httpapi.Server
	app := fxtest.New(t, bootstrap.Options(cfg, p), bootstrap.WithBcryptCost(bcrypt.MinCost), fx.Populate(&srv))
	app.RequireStart()
	t.Cleanup(app.RequireStop)
	return "http://" + srv.Addr()
}

func get(t *testing.T, url, token string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return res
}

func signUp(t *testing.T, base, email string) string {
	t.Helper()
	body := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Ada Lovelace","email":"` + email + `","password":"correct horse"}}}`
	res, err := http.Post(base+"/api/v1/sign_up", "application/vnd.api+json", strings.NewReader(body))
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	require.Equal(t, http.StatusCreated, res.StatusCode)
	token, ok := strings.CutPrefix(res.Header.Get("Authorization"), "Bearer ")
	require.True(t, ok)
	return token
}
