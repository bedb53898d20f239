package acceptance_test

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/test/testenv"
)

// logBuffer collects log output from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write implements io.Writer.
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// Sync implements zapcore.WriteSyncer.
func (b *logBuffer) Sync() error { return nil }

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startLoggedLane runs Parley in process on dbURL with every log line, down
// to debug and GORM's own, written as JSON into the returned buffer.
func startLoggedLane(t *testing.T, dbURL string) (*client, *logBuffer) {
	t.Helper()
	cfg, err := config.Load(testConfig(dbURL, map[string]string{"PARLEY_LOG_LEVEL": "debug"}))
	require.NoError(t, err)
	logs := &logBuffer{}
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), logs, zapcore.DebugLevel)
	captured := zap.New(core)
	var srv *httpapi.Server
	app := fxtest.New(t, bootstrap.Options(cfg, bootstrap.GORM), bootstrap.WithBcryptCost(4),
		fx.Decorate(func(*zap.Logger) *zap.Logger { return captured }), fx.Populate(&srv))
	app.RequireStart()
	t.Cleanup(app.RequireStop)
	l := &lane{name: "logged", base: "http://" + srv.Addr(), secret: []byte(testSecret)}
	return &client{lane: l, http: &http.Client{Timeout: 30 * time.Second}}, logs
}

// TestLogsKeepSecrets runs a representative flow, failures included, against
// a server that logs everything, and checks that no password, password hash,
// bearer token, signing key, message content or search text reaches the
// logs, while the access log does. On PostgreSQL it also makes the writes
// that carry a password hash and a message time out, so that GORM logs the
// failed statements and the 503s are logged too.
func TestLogsKeepSecrets(t *testing.T) {
	if len(lanes) == 1 && lanes[0].name == "remote" {
		t.Skip("the logs of a remote deployment cannot be captured")
	}
	postgres := os.Getenv(testenv.PostgresURLVar) != "" || os.Getenv("CI") != ""
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
	if postgres {
		dbURL = testenv.FreshPostgres(t, "logs")
	}
	api, logs := startLoggedLane(t, dbURL)

	secrets := map[string]string{
		"admin_password":  "admin-Pa55word-" + unique(),
		"member_password": "member-Pa55word-" + unique(),
		"wrong_password":  "wrong-Pa55word-" + unique(),
		"content":         "zebra quokka plans " + unique(),
		"edited_content":  "zebra quokka corrected " + unique(),
		"refused_edit":    "zebra quokka forged " + unique(),
		"search":          "xylophone" + unique(),
		"garbage_token":   "garbage-token-" + unique(),
		"signing_key":     testSecret,
	}
	adminEmail, memberEmail := uniqueEmail("ada"), uniqueEmail("grace")
	up := api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
		"account_name": "Acme", "name": "Ada", "email": adminEmail, "password": secrets["admin_password"],
	})).requireStatus(t, http.StatusCreated)
	admin := person{id: up.one(t).ID, email: adminEmail, token: bearer(t, up)}
	api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": adminEmail, "password": secrets["wrong_password"]})).
		requireStatus(t, http.StatusUnauthorized)
	created := api.post(t, "/api/v1/users", admin.token, attrs("user", map[string]any{
		"name": "Grace", "email": memberEmail, "password": secrets["member_password"],
	})).requireStatus(t, http.StatusCreated)
	in := api.post(t, "/api/v1/sign_in", "", attrs("session", map[string]any{"email": memberEmail, "password": secrets["member_password"]})).
		requireStatus(t, http.StatusOK)
	member := person{id: created.one(t).ID, email: memberEmail, token: bearer(t, in)}
	chatID := conversation(t, api, member, admin).linkage(t, "chat").ID
	msg := postMessage(t, api, member, chatID, secrets["content"])
	api.get(t, "/api/v1/chats/"+chatID+"/messages?include=author", admin.token).requireStatus(t, http.StatusOK)
	msgPath := "/api/v1/messages/" + msg.ID
	api.do(t, request{method: http.MethodPatch, path: msgPath, token: member.token,
		body: attrs("message", map[string]any{"content": secrets["edited_content"]})}).requireStatus(t, http.StatusOK)
	api.do(t, request{method: http.MethodPatch, path: msgPath, token: admin.token,
		body: attrs("message", map[string]any{"content": secrets["refused_edit"]})}).requireStatus(t, http.StatusForbidden)
	api.get(t, msgPath, admin.token).requireStatus(t, http.StatusOK)
	api.do(t, request{method: http.MethodDelete, path: msgPath, token: member.token}).requireStatus(t, http.StatusNoContent)
	api.get(t, "/api/v1/direct_conversations?search_peer="+url.QueryEscape(secrets["search"]), admin.token).requireStatus(t, http.StatusOK)
	api.get(t, "/api/v1/users?filter[name]=ct:"+url.QueryEscape(secrets["search"]), admin.token).requireStatus(t, http.StatusOK)
	api.get(t, "/api/v1/chats/"+chatID, "").requireStatus(t, http.StatusUnauthorized)
	api.get(t, "/api/v1/users/me", secrets["garbage_token"]).requireStatus(t, http.StatusUnauthorized)
	api.get(t, "/api/v1/direct_conversations/"+member.id, admin.token).requireStatus(t, http.StatusNotFound)
	api.post(t, "/api/v1/chats/"+chatID+"/messages", admin.token, `{"data":{"type":"message","attributes":{"content":"`+
		secrets["content"]+`","secret":"`+secrets["admin_password"]+`"}}}`).requireStatus(t, http.StatusUnprocessableEntity)
	api.post(t, "/api/v1/sign_in", "", `{"data":{"type":"session","attributes":{"password":"`+secrets["member_password"]+`"`).
		requireStatus(t, http.StatusBadRequest)
	if postgres {
		secrets["timed_out_password"] = "timeout-Pa55word-" + unique()
		secrets["timed_out_content"] = "timed out walrus " + unique()
		timeOutWrites(t, api, dbURL, member, chatID, secrets)
	}
	api.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: admin.token}).requireStatus(t, http.StatusNoContent)

	out := logs.String()
	tokens := map[string]string{"admin_token": admin.token, "member_token": member.token}
	for name, token := range tokens {
		secrets[name] = token
		parts := strings.Split(token, ".")
		require.Len(t, parts, 3)
		secrets[name+"_signature"] = parts[2]
	}
	for name, secret := range secrets {
		require.NotContains(t, out, secret, "the logs reveal %s", name)
	}
	require.NotContains(t, out, "$2a$", "the logs reveal a bcrypt hash")
	require.NotContains(t, out, "Bearer ", "the logs reveal an Authorization header")
	require.Contains(t, out, `"msg":"request"`, "no access log was captured")
	for _, route := range []string{"/api/v1/sign_up", "/api/v1/sign_in", "/api/v1/chats/:chat_id/messages", "/api/v1/messages/:message_id", "/api/v1/sign_out"} {
		require.Contains(t, out, `"route":"`+route+`"`, "no access log line for %s", route)
	}
	if postgres {
		require.Contains(t, out, `"logger":"db.gorm"`, "GORM's log output was not captured")
		require.Contains(t, out, "database statement failed")
		require.Contains(t, out, `"status":503`)
	}
}

// timeOutWrites holds the users and messages tables locked while a sign-up
// and a message are written, so that the very statements that carry the
// password hash and the message text run into the query timeout, are logged
// by GORM as failed, and answer 503.
func timeOutWrites(t *testing.T, api *client, dbURL string, member person, chatID string, secrets map[string]string) {
	t.Helper()
	db, err := sql.Open("pgx", dbURL)
	require.NoError(t, err)
	defer func() { _ = db.Close() }()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	require.NoError(t, err)
	defer func() { _ = tx.Rollback() }()
	_, err = tx.ExecContext(ctx, "LOCK TABLE users, messages IN ACCESS EXCLUSIVE MODE")
	require.NoError(t, err)
	var wg sync.WaitGroup
	answers := make([]*response, 2)
	wg.Go(func() {
		answers[0] = api.post(t, "/api/v1/sign_up", "", attrs("user", map[string]any{
			"account_name": "Slow", "name": "Sloth", "email": uniqueEmail("sloth"), "password": secrets["timed_out_password"],
		}))
	})
	wg.Go(func() {
		answers[1] = api.post(t, "/api/v1/chats/"+chatID+"/messages", member.token,
			attrs("message", map[string]any{"content": secrets["timed_out_content"]}))
	})
	wg.Wait()
	for _, a := range answers {
		a.requireError(t, http.StatusServiceUnavailable, "service_unavailable", "")
	}
}
