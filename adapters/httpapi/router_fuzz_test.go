package httpapi

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// fuzzServer is the real router over a small fake world: an admin and a
// member of one account who share a conversation with one message, and an
// outsider of another account. The world is reset before every input, so
// that inputs never pile up state.
type fuzzServer struct {
	api       *testAPI
	base      world
	actors    []domain.Actor
	ids       map[string]string
	resetLock sync.Mutex
}

func newFuzzServer(t *testing.T) *fuzzServer {
	t.Helper()
	api := newTestAPI(t)
	admin := api.signUp(t, "Ada Lovelace", "ada@acme.test")
	member := api.addMember(t, admin, "Mesut Özil", "mesut@acme.test")
	outsider := api.signUp(t, "Eve", "eve@evil.test")
	conv := api.do(t, call{method: http.MethodPost, path: "/api/v1/direct_conversations", token: admin.token,
		body: `{"data":{"type":"direct_conversation","attributes":{"user_id":"` + member.id + `"}}}`})
	require.Equal(t, http.StatusCreated, conv.status, conv.raw)
	chatID := api.world.convs[0].Chat.ID.String()
	msg := api.do(t, call{method: http.MethodPost, path: "/api/v1/chats/" + chatID + "/messages", token: member.token,
		body: `{"data":{"type":"message","attributes":{"content":"hello"}}}`})
	require.Equal(t, http.StatusCreated, msg.status, msg.raw)
	s := &fuzzServer{api: api, ids: map[string]string{
		"{admin}": admin.id, "{member}": member.id, "{outsider}": outsider.id,
		"{conv}": conv.one(t).ID, "{chat}": chatID, "{message}": msg.one(t).ID,
	}}
	for _, p := range []person{admin, member, outsider} {
		s.actors = append(s.actors, api.world.tokens[p.token].Actor)
	}
	w := api.world
	s.base = world{users: slices.Clone(w.users), convs: slices.Clone(w.convs), messages: slices.Clone(w.messages)}
	return s
}

// reset restores the world as it was after setup and returns fresh tokens
// of the three people, so that a sign-out by an earlier input does not lock
// later ones out.
func (s *fuzzServer) reset(t *testing.T) []string {
	t.Helper()
	w := s.api.world
	w.mu.Lock()
	w.users = slices.Clone(s.base.users)
	w.convs = slices.Clone(s.base.convs)
	w.messages = slices.Clone(s.base.messages)
	w.tokens = map[string]application.TokenClaims{}
	w.mu.Unlock()
	tokens := make([]string, len(s.actors))
	for i, a := range s.actors {
		tok, err := fakeTokens{w}.Issue(a, testNow)
		require.NoError(t, err)
		tokens[i] = tok.Value
	}
	return tokens
}

// expand replaces the placeholders {admin}, {member}, {outsider}, {conv},
// {chat} and {message} with the ids of the fake world.
func (s *fuzzServer) expand(text string) string {
	for _, k := range slices.Sorted(maps.Keys(s.ids)) {
		text = strings.ReplaceAll(text, k, s.ids[k])
	}
	return text
}

// FuzzRouter sends arbitrary requests through the real Gin router and its
// middleware. The property is the one a client relies on: never a 5xx (with
// fakes that cannot fail, any 5xx is a bug in the adapter), and every answer
// under /api is a JSON:API document, an error document for every 4xx with
// its status and a 401 challenging for a bearer token.
func FuzzRouter(f *testing.F) {
	for _, seed := range routerSeeds() {
		f.Add(seed.method, seed.path, seed.query, seed.contentType, seed.body, seed.who)
	}
	var (
		once   sync.Once
		server *fuzzServer
	)
	f.Fuzz(func(t *testing.T, method, path, query, contentType, body string, who uint8) {
		once.Do(func() { server = newFuzzServer(t) })
		require.NotNil(t, server, "setup failed in an earlier input")
		server.resetLock.Lock()
		defer server.resetLock.Unlock()
		tokens := server.reset(t)

		target := "http://parley.test/" + strings.TrimPrefix(server.expand(path), "/")
		if query != "" {
			target += "?" + server.expand(query)
		}
		req, err := http.NewRequest(method, target, strings.NewReader(server.expand(body)))
		if err != nil || !validHeaderValue(contentType) {
			return
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		switch n := int(who) % 6; {
		case n < len(tokens):
			req.Header.Set("Authorization", "Bearer "+tokens[n])
		case n == len(tokens):
			req.Header.Set("Authorization", "Bearer "+server.expand(path))
		}
		if who&0x80 != 0 {
			req.Header.Set("Accept-Language", "de")
		}
		rec := httptest.NewRecorder()
		server.api.engine.ServeHTTP(rec, req)
		requireWellFormedAnswer(t, req, rec)
	})
}

func requireWellFormedAnswer(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	raw := rec.Body.Bytes()
	// The test API's event hub is closed (fakes_events_test.go), so that no
	// input opens a stream that never ends: a stream that got that far is
	// refused with the 503 of a server shutting down.
	if rec.Code == http.StatusServiceUnavailable && req.URL.Path == EventsPath {
		return
	}
	require.Less(t, rec.Code, 500, "%s %s answered %d: %s", req.Method, req.URL, rec.Code, raw)
	require.GreaterOrEqual(t, rec.Code, 200)
	if rec.Code < 400 && !strings.HasPrefix(req.URL.Path, "/api/") {
		return
	}
	if len(raw) == 0 {
		if req.Method == http.MethodHead || rec.Code == http.StatusNotModified {
			return
		}
		require.Equal(t, http.StatusNoContent, rec.Code)
		return
	}
	require.Equal(t, mediaType, rec.Header().Get("Content-Type"), "%s", raw)
	require.True(t, json.Valid(raw), "%s", raw)
	if rec.Code < 400 {
		require.False(t, bytes.Contains(raw, []byte(`"errors"`)), "%s", raw)
		return
	}
	var doc struct {
		Errors []jsonapi.ErrorObject `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc), "%s", raw)
	require.NotEmpty(t, doc.Errors, "%s", raw)
	for _, e := range doc.Errors {
		require.NotEmpty(t, e.Code)
		require.NotEmpty(t, e.Title)
	}
	require.Equal(t, strconv.Itoa(rec.Code), doc.Errors[0].Status)
	if rec.Code == http.StatusUnauthorized {
		require.Equal(t, "Bearer", rec.Header().Get("WWW-Authenticate"))
	}
}

// validHeaderValue refuses what net/http would refuse on the wire: control
// characters other than tab.
func validHeaderValue(v string) bool {
	for i := range len(v) {
		if c := v[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}
