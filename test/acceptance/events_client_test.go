package acceptance_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// sseEvent is one Server-Sent Event as a client reads it.
type sseEvent struct {
	id, name, data string
}

// document decodes the event's data as a JSON:API document.
func (e sseEvent) resource(t *testing.T) resource {
	t.Helper()
	var doc struct {
		Data resource `json:"data"`
	}
	require.NoError(t, json.Unmarshal([]byte(e.data), &doc), "event data %q", e.data)
	require.False(t, strings.HasSuffix(e.data, "\n"), "event data %q ends with an empty data line", e.data)
	return doc.Data
}

// eventStream is an open GET /api/v1/events, read in the background.
type eventStream struct {
	resp   *http.Response
	events chan sseEvent
	retry  chan string
	cancel context.CancelFunc
}

// streamOptions shape the stream request.
type streamOptions struct {
	token       string // sent as a bearer header
	query       string // appended to the path, such as "ticket=…"
	lastEventID string
}

// openEvents opens the event stream and requires the 200.
func openEvents(t *testing.T, api *client, opts streamOptions) *eventStream {
	t.Helper()
	s, resp := tryEvents(t, api, opts)
	require.NotNil(t, s, "status %d", resp.StatusCode)
	return s
}

// tryEvents opens the event stream; on any status but 200 it returns nil
// and the answer, with its body read.
func tryEvents(t *testing.T, api *client, opts streamOptions) (*eventStream, *http.Response) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	url := api.lane.base + "/api/v1/events"
	if opts.query != "" {
		url += "?" + opts.query
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("Accept", "text/event-stream")
	if opts.token != "" {
		req.Header.Set("Authorization", "Bearer "+opts.token)
	}
	if opts.lastEventID != "" {
		req.Header.Set("Last-Event-ID", opts.lastEventID)
	}
	resp, err := (&http.Client{}).Do(req)
	require.NoError(t, err)
	if resp.StatusCode != http.StatusOK {
		defer cancel()
		defer func() { _ = resp.Body.Close() }()
		return nil, resp
	}
	require.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream"), resp.Header.Get("Content-Type"))
	s := &eventStream{resp: resp, events: make(chan sseEvent, 256), retry: make(chan string, 1), cancel: cancel}
	go s.read()
	t.Cleanup(s.close)
	return s, resp
}

// read parses frames until the stream ends, then closes events.
func (s *eventStream) read() {
	defer close(s.events)
	sc := bufio.NewScanner(s.resp.Body)
	var e sseEvent
	var data []string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if e.name != "" || len(data) > 0 {
				e.data = strings.Join(data, "\n")
				s.events <- e
			}
			e, data = sseEvent{}, nil
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "retry: "):
			select {
			case s.retry <- strings.TrimPrefix(line, "retry: "):
			default:
			}
		case strings.HasPrefix(line, "id: "):
			e.id = strings.TrimPrefix(line, "id: ")
		case strings.HasPrefix(line, "event: "):
			e.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = append(data, strings.TrimPrefix(line, "data: "))
		}
	}
}

// close leaves the stream.
func (s *eventStream) close() {
	s.cancel()
	_ = s.resp.Body.Close()
}

// next returns the next event, failing after 10 s without one or when the
// stream ends.
func (s *eventStream) next(t *testing.T) sseEvent {
	t.Helper()
	select {
	case e, ok := <-s.events:
		require.True(t, ok, "the stream ended")
		return e
	case <-time.After(10 * time.Second):
		require.FailNow(t, "no event within 10 s")
		return sseEvent{}
	}
}

// nextNamed skips events until one named name and returns it.
func (s *eventStream) nextNamed(t *testing.T, name string) sseEvent {
	t.Helper()
	for {
		if e := s.next(t); e.name == name {
			return e
		}
	}
}

// requireEnds waits for the server to end the stream within d.
func (s *eventStream) requireEnds(t *testing.T, d time.Duration) {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case _, ok := <-s.events:
			if !ok {
				return
			}
		case <-deadline:
			require.FailNow(t, "the stream is still open", "after %s", d)
		}
	}
}
