package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

const (
	// loadWorkers keep requests in flight; with bcrypt at its real cost they
	// queue for the two or so cores a test machine has.
	loadWorkers = 16
	// acceptMargin separates, for the report, requests refused around the
	// signal from those written well before it that still sat in the
	// kernel's accept queue when the listener closed.
	acceptMargin = 50 * time.Millisecond
)

// loadResult is the fate of one request.
type loadResult struct {
	id       string    // the X-Request-ID sent
	wrote    time.Time // zero when the request was never fully written
	answered bool      // the first response byte arrived
	done     time.Time // when the whole response had been read
	status   int
	err      error
}

func TestShutdownUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	cmd := command(t, testenv.Binary(t),
		"PARLEY_HTTP_ADDR=127.0.0.1:0",
		"PARLEY_DATABASE_URL=sqlite:"+filepath.Join(t.TempDir(), "parley.db"),
		"PARLEY_JWT_SECRET="+strings.Repeat("s", 32),
		"PARLEY_SHUTDOWN_GRACE=15s",
		// Every worker comes from 127.0.0.1; the limits would turn the load
		// into 429s.
		"PARLEY_RATE_LIMIT_ENABLED=false",
	)
	logPath := filepath.Join(t.TempDir(), "stderr.log")
	logFile, err := os.Create(logPath)
	require.NoError(t, err)
	defer func() { _ = logFile.Close() }()
	cmd.Stderr = logFile
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	base := "http://" + waitForAddress(t, logPath)
	token := signUpAt(t, base)

	stop := make(chan struct{})
	results := make(chan loadResult, 4096)
	var completed atomic.Int64
	var workers sync.WaitGroup
	for w := range loadWorkers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 30 * time.Second}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				r := loadRequest(client, base, token, fmt.Sprintf("load-%d-%d", w, i), (w+i)%2 == 0)
				results <- r
				if r.err == nil {
					completed.Add(1)
				} else {
					time.Sleep(10 * time.Millisecond)
				}
			}
		}()
	}
	readiness := make(chan []int, 1)
	go func() { readiness <- pollReadiness(base, stop) }()

	// Signal once the load is established: every worker could have finished
	// a request, and the next ones are in flight.
	testenv.Eventually(t, 20*time.Second, 5*time.Millisecond, func() bool { return completed.Load() > loadWorkers },
		"the server did not answer the load")
	signalled := time.Now()
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		require.NoError(t, err, "the process must exit 0 after SIGTERM")
	case <-time.After(25 * time.Second):
		t.Fatal("the process did not exit within the shutdown grace")
	}
	require.Equal(t, 0, cmd.ProcessState.ExitCode())
	close(stop)
	workers.Wait()
	close(results)

	// Exit status 0 means the server's drain ended in time, so every
	// connection it accepted was served to the end; a request it logged
	// must therefore have reached its client whole.
	handled := handledRequests(t, logPath)
	var succeeded, inFlightAtSignal, refused, queued int
	for r := range results {
		if r.err == nil {
			succeeded++
			require.Equal(t, http.StatusOK, r.status)
			if r.wrote.Before(signalled) && r.done.After(signalled) {
				inFlightAtSignal++
			}
			continue
		}
		require.Falsef(t, handled[r.id], "request %s was handled but its client got %v", r.id, r.err)
		require.Falsef(t, r.answered, "request %s: the response was cut off: %v", r.id, r.err)
		require.Truef(t, refusedOrReset(r.err), "request %s failed unexpectedly: %v", r.id, r.err)
		if !r.wrote.IsZero() && r.wrote.Before(signalled.Add(-acceptMargin)) {
			// Written well before the signal, yet never accepted: it sat in
			// the kernel's accept queue while the process was starved of CPU.
			queued++
		} else {
			refused++
		}
	}
	t.Logf("completed: %d (%d in flight at the signal); refused once the listener closed: %d; reset in the accept queue: %d",
		succeeded, inFlightAtSignal, refused, queued)
	require.Greater(t, succeeded, loadWorkers, "too little load to prove anything")
	require.Positive(t, inFlightAtSignal, "no request was still running at the signal: the drain went untested")
	// Connections still in the kernel's accept queue when the listener
	// closes are reset by the kernel before the server read a byte of them,
	// so a client may retry them safely. How many there are depends only on
	// how starved the process is of CPU, so they are reported, not bounded;
	// in a cluster the preStop pause stops new connections before SIGTERM.

	statuses := <-readiness
	require.Subset(t, []int{http.StatusOK, http.StatusServiceUnavailable}, statuses)
}

// loadRequest signs in (bcrypt at full cost) or reads the current user,
// reading the whole response.
func loadRequest(client *http.Client, base, token, id string, signIn bool) loadResult {
	r := loadResult{id: id}
	trace := &httptrace.ClientTrace{
		WroteRequest:         func(info httptrace.WroteRequestInfo) { r.wrote = stamp(info.Err) },
		GotFirstResponseByte: func() { r.answered = true },
	}
	ctx := httptrace.WithClientTrace(context.Background(), trace)
	var req *http.Request
	if signIn {
		body := `{"data":{"type":"session","attributes":{"email":"ada@load.test","password":"correct horse"}}}`
		req, r.err = http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/sign_in", strings.NewReader(body))
		if r.err == nil {
			req.Header.Set("Content-Type", "application/vnd.api+json")
		}
	} else {
		req, r.err = http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/users/me", nil)
		if r.err == nil {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	if r.err != nil {
		return r
	}
	req.Header.Set("X-Request-ID", id)
	res, err := client.Do(req)
	if err != nil {
		r.err = err
		return r
	}
	defer func() { _ = res.Body.Close() }()
	r.status = res.StatusCode
	var doc struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.NewDecoder(res.Body).Decode(&doc); err != nil {
		r.err = err
		return r
	}
	if doc.Data.ID == "" {
		r.err = errors.New("response without a resource")
	}
	r.done = time.Now()
	return r
}

// waitForAddress reads the server's log until it names the listen address.
func waitForAddress(t *testing.T, logPath string) string {
	t.Helper()
	var addr string
	testenv.Eventually(t, 20*time.Second, 20*time.Millisecond, func() bool {
		raw, err := os.ReadFile(logPath)
		require.NoError(t, err)
		for line := range strings.SplitSeq(string(raw), "\n") {
			var entry struct {
				Addr string `json:"addr"`
			}
			if json.Unmarshal([]byte(line), &entry) == nil && entry.Addr != "" {
				addr = entry.Addr
				return true
			}
		}
		return false
	}, "the server did not report its address")
	return addr
}

// handledRequests returns the request ids of the server's access-log lines.
func handledRequests(t *testing.T, logPath string) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(logPath)
	require.NoError(t, err)
	ids := map[string]bool{}
	for line := range strings.SplitSeq(string(raw), "\n") {
		var entry struct {
			Msg       string `json:"msg"`
			RequestID string `json:"request_id"`
		}
		if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == "request" {
			ids[entry.RequestID] = true
		}
	}
	require.NotEmpty(t, ids, "the access log is missing")
	return ids
}

// stamp returns now when the write succeeded.
func stamp(err error) time.Time {
	if err != nil {
		return time.Time{}
	}
	return time.Now()
}

// pollReadiness asks /readyz until stop and returns every status seen.
func pollReadiness(base string, stop <-chan struct{}) []int {
	client := &http.Client{Timeout: 5 * time.Second}
	var statuses []int
	for {
		select {
		case <-stop:
			return statuses
		case <-time.After(5 * time.Millisecond):
		}
		res, err := client.Get(base + "/readyz")
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, res.Body)
		_ = res.Body.Close()
		statuses = append(statuses, res.StatusCode)
	}
}

// refusedOrReset reports a connection the server never took: refused by a
// closed listener, or reset out of its accept queue.
func refusedOrReset(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

func signUpAt(t *testing.T, base string) string {
	t.Helper()
	body := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Ada","email":"ada@load.test","password":"correct horse"}}}`
	res, err := http.Post(base+"/api/v1/sign_up", "application/vnd.api+json", strings.NewReader(body))
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	require.Equal(t, http.StatusCreated, res.StatusCode)
	token, ok := strings.CutPrefix(res.Header.Get("Authorization"), "Bearer ")
	require.True(t, ok)
	return token
}
