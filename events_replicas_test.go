package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

// replica is one running server process.
type replica struct {
	base string
	cmd  *exec.Cmd
}

// startReplica runs the built binary on dbURL.
func startReplica(t *testing.T, dbURL string) *replica {
	t.Helper()
	cmd := command(t, testenv.Binary(t),
		"PARLEY_HTTP_ADDR=127.0.0.1:0",
		"PARLEY_DATABASE_URL="+dbURL,
		"PARLEY_JWT_SECRET="+strings.Repeat("e", 32),
		"PARLEY_RATE_LIMIT_ENABLED=false",
		"PARLEY_SHUTDOWN_GRACE=10s",
	)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, _ := waitForServing(t, stderr)
	return &replica{base: "http://" + addr, cmd: cmd}
}

// call sends one JSON:API request and decodes the primary resource.
func (r *replica) call(t *testing.T, method, path, token, body string, want int) (map[string]any, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, r.base+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.Equal(t, want, res.StatusCode, "%s %s: %s", method, path, raw)
	var doc struct {
		Data map[string]any `json:"data"`
	}
	if len(raw) > 0 {
		require.NoError(t, json.Unmarshal(raw, &doc))
	}
	return doc.Data, res.Header
}

// frame is one event read off a stream.
type frame struct{ id, name, data string }

// follow opens GET /events on r and reads frames until the stream ends,
// when the channel is closed.
func (r *replica) follow(t *testing.T, auth, lastEventID string) (<-chan frame, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	path := "/api/v1/events"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+path, nil)
	require.NoError(t, err)
	if strings.HasPrefix(auth, "ticket=") {
		req.URL.RawQuery = auth
	} else {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	if lastEventID != "" {
		req.Header.Set("Last-Event-ID", lastEventID)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)
	out := make(chan frame, 64)
	go func() {
		defer close(out)
		defer func() { _ = res.Body.Close() }()
		sc := bufio.NewScanner(res.Body)
		var f frame
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if f.name != "" {
					out <- f
				}
				f = frame{}
			case strings.HasPrefix(line, "id: "):
				f.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				f.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				f.data += line[6:]
			}
		}
	}()
	return out, cancel
}

// nextFrame waits up to 10 s for the next frame.
func nextFrame(t *testing.T, frames <-chan frame) frame {
	t.Helper()
	select {
	case f, ok := <-frames:
		require.True(t, ok, "the stream ended")
		return f
	case <-time.After(10 * time.Second):
		require.FailNow(t, "no event within 10 s")
		return frame{}
	}
}

// subjectID is the id of the resource an event carries.
func subjectID(t *testing.T, f frame) string {
	t.Helper()
	var doc struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(f.data), &doc), f.data)
	return doc.Data.ID
}

// TestEventsAcrossTwoServerProcesses runs two real server processes over
// one PostgreSQL database: an event committed on one reaches a stream on
// the other; a client resumes on either with Last-Event-ID and gets exactly
// what it missed; a ticket issued by one opens a stream on the other; and
// SIGTERM ends a replica's streams cleanly so their clients move on.
func TestEventsAcrossTwoServerProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dbURL := testenv.FreshPostgres(t, "events_replicas")
	a := startReplica(t, dbURL)
	b := startReplica(t, dbURL)

	_, h := a.call(t, http.MethodPost, "/api/v1/sign_up", "",
		`{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Ann","email":"ann@replicas.test","password":"correct horse"}}}`, http.StatusCreated)
	ann := strings.TrimPrefix(h.Get("Authorization"), "Bearer ")
	bobRes, _ := a.call(t, http.MethodPost, "/api/v1/users", ann,
		`{"data":{"type":"user","attributes":{"name":"Bob","email":"bob@replicas.test","password":"correct horse"}}}`, http.StatusCreated)
	_, h = b.call(t, http.MethodPost, "/api/v1/sign_in", "",
		`{"data":{"type":"session","attributes":{"email":"bob@replicas.test","password":"correct horse"}}}`, http.StatusOK)
	bob := strings.TrimPrefix(h.Get("Authorization"), "Bearer ")

	// Bob follows on B; Ann writes on A.
	onB, leaveB := b.follow(t, bob, "")
	conv, _ := a.call(t, http.MethodPost, "/api/v1/direct_conversations", ann,
		`{"data":{"type":"direct_conversation","attributes":{"user_id":"`+bobRes["id"].(string)+`"}}}`, http.StatusCreated)
	chatID := conv["relationships"].(map[string]any)["chat"].(map[string]any)["data"].(map[string]any)["id"].(string)
	f := nextFrame(t, onB)
	require.Equal(t, "direct_conversation.created", f.name)
	require.Equal(t, conv["id"], subjectID(t, f))
	post := func(on *replica, text string) string {
		msg, _ := on.call(t, http.MethodPost, "/api/v1/chats/"+chatID+"/messages", ann,
			`{"data":{"type":"message","attributes":{"content":"`+text+`"}}}`, http.StatusCreated)
		return msg["id"].(string)
	}
	posted := time.Now()
	first := post(a, "one")
	f = nextFrame(t, onB)
	t.Logf("a post on A reached the stream on B after %s", time.Since(posted))
	require.Equal(t, "message.created", f.name)
	require.Equal(t, first, subjectID(t, f))
	last := f.id
	leaveB()

	// Away, Bob misses two messages, one written on each replica, and
	// resumes on A.
	missed := []string{post(b, "two"), post(a, "three")}
	onA, _ := a.follow(t, bob, last)
	got := []string{subjectID(t, nextFrame(t, onA)), subjectID(t, nextFrame(t, onA))}
	require.Equal(t, missed, got)

	// A ticket from B opens a stream on A.
	ticket, _ := b.call(t, http.MethodPost, "/api/v1/event_tickets", bob, "", http.StatusCreated)
	byTicket, _ := a.follow(t, "ticket="+ticket["attributes"].(map[string]any)["ticket"].(string), "")
	fourth := post(b, "four")
	require.Equal(t, fourth, subjectID(t, nextFrame(t, byTicket)))
	f = nextFrame(t, onA)
	require.Equal(t, fourth, subjectID(t, f))
	last = f.id

	// A sign-out on A ends that token's stream on B within a second.
	_, h = a.call(t, http.MethodPost, "/api/v1/sign_in", "",
		`{"data":{"type":"session","attributes":{"email":"bob@replicas.test","password":"correct horse"}}}`, http.StatusOK)
	phone := strings.TrimPrefix(h.Get("Authorization"), "Bearer ")
	onPhone, _ := b.follow(t, phone, "")
	a.call(t, http.MethodDelete, "/api/v1/sign_out", phone, "", http.StatusNoContent)
	signedOut := time.Now()
	for range onPhone {
		// Drain until the server ends the stream.
	}
	t.Logf("a sign-out on A ended the stream on B after %s", time.Since(signedOut))
	require.Less(t, time.Since(signedOut), 1500*time.Millisecond)

	// SIGTERM on A: its streams end cleanly, well within the grace, and
	// the process exits 0; Bob resumes on B and misses nothing.
	require.NoError(t, a.cmd.Process.Signal(syscall.SIGTERM))
	stopped := time.Now()
	for _, s := range []<-chan frame{onA, byTicket} {
		select {
		case _, ok := <-s:
			require.False(t, ok, "no event was expected, only the end")
		case <-time.After(5 * time.Second):
			require.FailNow(t, "the stream outlived SIGTERM")
		}
	}
	require.NoError(t, a.cmd.Wait(), "the replica exits cleanly")
	require.Less(t, time.Since(stopped), 10*time.Second)
	fifth := post(b, "five")
	resumed, _ := b.follow(t, bob, last)
	require.Equal(t, fifth, subjectID(t, nextFrame(t, resumed)))
}
