package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// recorder collects what the open streams see while a phase runs: the
// intervals between consecutive heartbeats of a stream, and the arrival
// time of each message.created event by message id.
type recorder struct {
	mu        sync.Mutex
	intervals []time.Duration
	arrivals  map[string]time.Time
}

func newRecorder() *recorder { return &recorder{arrivals: map[string]time.Time{}} }

func (r *recorder) interval(d time.Duration) {
	r.mu.Lock()
	r.intervals = append(r.intervals, d)
	r.mu.Unlock()
}

func (r *recorder) arrived(id string, at time.Time) {
	r.mu.Lock()
	if _, seen := r.arrivals[id]; !seen {
		r.arrivals[id] = at
	}
	r.mu.Unlock()
}

func (r *recorder) heartbeatIntervals() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.intervals...)
}

func (r *recorder) arrival(id string) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.arrivals[id]
	return t, ok
}

// streams is a set of open event streams on one replica; the recorder in
// rec (swapped per phase) receives what they see.
type streams struct {
	client *http.Client
	cancel context.CancelFunc
	wg     sync.WaitGroup
	rec    atomic.Pointer[recorder]
	ended  atomic.Int64 // streams the server ended early
	events atomic.Int64
}

func newStreamClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: -1, DisableCompression: true, ResponseHeaderTimeout: time.Minute,
	}}
}

// openStreams opens one stream per token in tokens against base, at most
// parallel at a time, and returns once each has answered 200 and sent its
// first frame (the retry hint).
func openStreams(base string, tokens []string, parallel int) (*streams, error) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &streams{client: newStreamClient(), cancel: cancel}
	s.rec.Store(newRecorder())
	sem := make(chan struct{}, parallel)
	errs := make(chan error, len(tokens))
	var opened sync.WaitGroup
	for _, token := range tokens {
		sem <- struct{}{}
		opened.Add(1)
		go func() {
			defer func() { <-sem }()
			body, err := s.open(ctx, base, token)
			opened.Done()
			if err != nil {
				errs <- err
				return
			}
			s.wg.Add(1)
			go s.read(body)
		}()
	}
	opened.Wait()
	close(errs)
	if err := <-errs; err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// open sends the request and reads up to the end of the first frame.
func (s *streams) open(ctx context.Context, base, token string) (*bufio.Reader, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/events", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		_ = resp.Body.Close()
		return nil, fmt.Errorf("GET /events: %d %s", resp.StatusCode, b)
	}
	r := bufio.NewReaderSize(resp.Body, 4096)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			_ = resp.Body.Close()
			return nil, fmt.Errorf("first frame: %w", err)
		}
		if line == "\n" {
			return r, nil
		}
	}
}

// read parses frames until the stream ends: heartbeats are timed, message
// ids of message.created events recorded.
func (s *streams) read(r *bufio.Reader) {
	defer s.wg.Done()
	var lastBeat time.Time
	var event, data string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if !strings.Contains(err.Error(), "canceled") {
				s.ended.Add(1)
			}
			return
		}
		now := time.Now()
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, ": heartbeat"):
			if !lastBeat.IsZero() {
				s.rec.Load().interval(now.Sub(lastBeat))
			}
			lastBeat = now
		case strings.HasPrefix(line, "event: "):
			event = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data += line[len("data: "):]
		case line == "":
			if event == "message.created" {
				s.events.Add(1)
				if id := documentID(data); id != "" {
					s.rec.Load().arrived(id, now)
				}
			}
			event, data = "", ""
		}
	}
}

// documentID returns data.id of a JSON:API document.
func documentID(doc string) string {
	var d struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if json.Unmarshal([]byte(doc), &d) != nil {
		return ""
	}
	return d.Data.ID
}

// phase starts a fresh recorder and returns it.
func (s *streams) phase() *recorder {
	r := newRecorder()
	s.rec.Store(r)
	return r
}

// close ends every stream from the client's side and waits for the readers.
func (s *streams) close() {
	s.cancel()
	s.wg.Wait()
	s.client.CloseIdleConnections()
}
