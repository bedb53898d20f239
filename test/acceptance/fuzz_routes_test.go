package acceptance_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fuzzWorld is what FuzzRoutes sends its requests about on one lane: an
// admin and a member of one account who share a conversation with one
// message, and an outsider of another account.
type fuzzWorld struct {
	api    *client
	people []person
	ids    map[string]string
}

func newFuzzWorld(t *testing.T, l *lane) *fuzzWorld {
	t.Helper()
	api := &client{lane: l, http: &http.Client{Timeout: 30 * time.Second}}
	admin := signUp(t, api, "Ada Lovelace")
	member := addMember(t, api, admin, "Mesut Özil")
	outsider := signUp(t, api, "Eve")
	conv := conversation(t, api, admin, member)
	chatID := conv.linkage(t, "chat").ID
	msg := postMessage(t, api, member, chatID, "hello")
	return &fuzzWorld{api: api, people: []person{admin, member, outsider}, ids: map[string]string{
		"{admin}": admin.id, "{member}": member.id, "{outsider}": outsider.id,
		"{conv}": conv.ID, "{chat}": chatID, "{message}": msg.ID,
	}}
}

func (w *fuzzWorld) expand(text string) string {
	for k, v := range w.ids {
		text = strings.ReplaceAll(text, k, v)
	}
	return text
}

// FuzzRoutes drives every route of a running Parley on every lane of the
// suite (memory, SQLite and, with PARLEY_TEST_DATABASE_URL, PostgreSQL,
// which CI requires) with arbitrary requests, the hostile inputs of
// routerSeeds among its seeds. The property: never a 5xx, and every answer
// under /api a JSON:API document, an error document for every 4xx.
func FuzzRoutes(f *testing.F) {
	if os.Getenv("CI") != "" {
		require.True(f, slices.ContainsFunc(lanes, func(l *lane) bool { return l.name == "postgres" || l.name == "remote" }),
			"CI must fuzz over PostgreSQL")
	}
	for _, s := range routeSeeds() {
		f.Add(s.method, s.path, s.query, s.contentType, s.body, s.who)
	}
	var (
		once   sync.Once
		worlds []*fuzzWorld
	)
	f.Fuzz(func(t *testing.T, method, path, query, contentType, body string, who uint8) {
		once.Do(func() {
			for _, l := range lanes {
				worlds = append(worlds, newFuzzWorld(t, l))
			}
		})
		require.Len(t, worlds, len(lanes), "setup failed in an earlier input")
		for _, w := range worlds {
			sendFuzzed(t, w, method, path, query, contentType, body, who)
		}
	})
}

// sendFuzzed sends one input to one lane as the caller who names: 0 admin,
// 1 member, 2 outsider (each freshly signed in, so that an earlier sign-out
// does not lock them out), 3 a garbage token, else none.
func sendFuzzed(t *testing.T, w *fuzzWorld, method, path, query, contentType, body string, who uint8) {
	target := w.api.lane.base + "/" + strings.TrimPrefix(w.expand(path), "/")
	if query != "" {
		target += "?" + w.expand(query)
	}
	req, err := http.NewRequest(method, target, strings.NewReader(w.expand(body)))
	if err != nil || !fuzzHeaderValue(contentType) {
		return
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	switch n := int(who&0x7f) % 5; {
	case n < len(w.people):
		req.Header.Set("Authorization", "Bearer "+signIn(t, w.api, w.people[n]))
	case n == len(w.people):
		req.Header.Set("Authorization", "Bearer "+w.expand(path))
	}
	if who&0x80 != 0 {
		req.Header.Set("Accept-Language", "de")
	}
	res, err := w.api.http.Do(req)
	if err != nil {
		return // refused by the client library before it was sent
	}
	defer func() { _ = res.Body.Close() }()
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		require.Equal(t, http.StatusOK, res.StatusCode)
		return // a stream opened; a client may leave it at once
	}
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	requireFuzzAnswer(t, req, res, raw)
}

func requireFuzzAnswer(t *testing.T, req *http.Request, res *http.Response, raw []byte) {
	t.Helper()
	require.Less(t, res.StatusCode, 500, "%s %.300s answered %d: %s", req.Method, req.URL, res.StatusCode, raw)
	if res.StatusCode == http.StatusBadRequest && res.Header.Get("Content-Type") == "text/plain; charset=utf-8" {
		return // net/http refused a malformed request line before Parley saw it
	}
	if (res.StatusCode < 400 && !strings.HasPrefix(req.URL.Path, "/api/")) || len(raw) == 0 {
		return
	}
	require.Equal(t, mediaType, res.Header.Get("Content-Type"), "%s", raw)
	if res.StatusCode < 400 {
		require.False(t, bytes.Contains(raw, []byte(`"errors"`)), "%s", raw)
		return
	}
	var doc document
	require.NoError(t, json.Unmarshal(raw, &doc), "%s", raw)
	require.NotEmpty(t, doc.Errors, "%s", raw)
	require.Equal(t, strconv.Itoa(res.StatusCode), doc.Errors[0].Status, "%s", raw)
	for _, e := range doc.Errors {
		require.NotEmpty(t, e.Code, "%s", raw)
		require.NotEmpty(t, e.Title, "%s", raw)
	}
}

// fuzzHeaderValue refuses what net/http refuses to send: control characters
// other than tab.
func fuzzHeaderValue(v string) bool {
	return !strings.ContainsFunc(v, func(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f })
}
