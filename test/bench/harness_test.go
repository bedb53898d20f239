package bench_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/fx"
	"go.uber.org/fx/fxtest"

	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/test/testenv"
)

const benchSecret = "bench-secret-0123456789abcdef0123456789abcdef"

// stack is the real service graph on one database, driven in process
// through its HTTP handler, with a count of the SQL statements it sends.
type stack struct {
	handler http.Handler
	mu      sync.Mutex
	sent    []string
	peers   int
}

// databaseURL returns a fresh database of dialect; the PostgreSQL lane is
// skipped without PARLEY_TEST_DATABASE_URL (and fails when CI is set).
func databaseURL(tb testing.TB, dialect string) string {
	tb.Helper()
	if dialect == "postgres" {
		return testenv.FreshPostgres(tb, "bench")
	}
	return "sqlite:" + filepath.Join(tb.TempDir(), "parley.db")
}

// backgroundStatements mark what the service sends on its own schedule, not
// for a request: the revocation list's refresh (revoked tokens and token
// cutoffs), the event poller's look for new events, the event relay's
// notification and the event purge.
var backgroundStatements = []string{
	"revoked_tokens", "tokens_valid_after IS NOT NULL AND tokens_valid_after >=",
	"coalesce(max(id), 0) FROM events", "FROM event_recipients WHERE event_id >", "DELETE FROM event", "pg_notify",
}

// isBackground reports whether sql is one of backgroundStatements.
func isBackground(sql string) bool {
	for _, mark := range backgroundStatements {
		if strings.Contains(sql, mark) {
			return true
		}
	}
	return false
}

// startStack starts the whole graph on dbURL. Background statements are not
// counted: they land on their own schedule, whatever a request does.
func startStack(tb testing.TB, dbURL string) *stack {
	tb.Helper()
	cfg, err := config.Load(map[string]string{
		"PARLEY_HTTP_ADDR":          "127.0.0.1:0",
		"PARLEY_DATABASE_URL":       dbURL,
		"PARLEY_JWT_SECRET":         benchSecret,
		"PARLEY_RATE_LIMIT_ENABLED": "false",
		"PARLEY_LOG_LEVEL":          "error",
	})
	require.NoError(tb, err)
	s := &stack{}
	observe := func(sql string) {
		if !isBackground(sql) {
			s.mu.Lock()
			s.sent = append(s.sent, sql)
			s.mu.Unlock()
		}
	}
	app := fxtest.New(tb, bootstrap.Options(cfg, bootstrap.GORM), bootstrap.WithBcryptCost(4),
		bootstrap.WithStatementObserver(observe), fx.Populate(&s.handler), fx.NopLogger)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(tb, app.Start(ctx))
	tb.Cleanup(app.RequireStop)
	return s
}

// statements returns the statements sent since the last call and forgets
// them.
func (s *stack) statements() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	sent := s.sent
	s.sent = nil
	return sent
}

// do sends one request through the handler and returns the recorded answer.
func (s *stack) do(method, target, token, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("Accept", "application/vnd.api+json")
	if body != "" {
		req.Header.Set("Content-Type", "application/vnd.api+json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	return rec
}

// signUp creates an account and returns its admin's token.
func (s *stack) signUp(tb testing.TB) string {
	tb.Helper()
	rec := s.do(http.MethodPost, "/api/v1/sign_up", "", `{"data":{"type":"user","attributes":{"account_name":"Bench",`+
		`"name":"Ada Lovelace","email":"ada@bench.test","password":"correct horse"}}}`)
	require.Equal(tb, http.StatusCreated, rec.Code, rec.Body.String())
	return strings.TrimPrefix(rec.Header().Get("Authorization"), "Bearer ")
}

// startConversations creates n users and starts a conversation with each.
func (s *stack) startConversations(tb testing.TB, token string, n int) {
	tb.Helper()
	for range n {
		s.peers++
		i := s.peers
		rec := s.do(http.MethodPost, "/api/v1/users", token, fmt.Sprintf(`{"data":{"type":"user","attributes":`+
			`{"name":"Peer Müller %d","email":"peer%d@bench.test","password":"correct horse"}}}`, i, i))
		require.Equal(tb, http.StatusCreated, rec.Code, rec.Body.String())
		var doc struct {
			Data struct{ ID string } `json:"data"`
		}
		require.NoError(tb, json.Unmarshal(rec.Body.Bytes(), &doc))
		rec = s.do(http.MethodPost, "/api/v1/direct_conversations", token,
			`{"data":{"type":"direct_conversation","attributes":{"user_id":"`+doc.Data.ID+`"}}}`)
		require.Equal(tb, http.StatusCreated, rec.Code, rec.Body.String())
	}
}
