package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// sseWriteWindow is how long one frame may take to reach the client. Each
// write moves the connection's write deadline this far ahead, so the
// server's write timeout bounds a frame, not the life of the stream.
const sseWriteWindow = 10 * time.Second

// sseWriter writes Server-Sent Events frames and flushes each one, so that
// a frame leaves the process as soon as it is written.
type sseWriter struct {
	w   io.Writer
	ctl *http.ResponseController
}

// newSSEWriter writes frames to w and flushes and extends deadlines through
// its ResponseController.
func newSSEWriter(w http.ResponseWriter) *sseWriter {
	return &sseWriter{w: w, ctl: http.NewResponseController(w)}
}

// retry tells the client how long to wait before reconnecting.
func (s *sseWriter) retry(d time.Duration) error {
	return s.frame("retry: " + strconv.FormatInt(d.Milliseconds(), 10) + "\n\n")
}

// event writes one event: its id (the recipient's seq), name and data.
// Data lines are split so that a newline in data cannot end the frame.
func (s *sseWriter) event(id int64, name string, data []byte) error {
	// A document ends with a newline; as a data line of its own it would
	// reach the client as a trailing "\n" of the event's data.
	data = bytes.TrimRight(data, "\r\n")
	var b strings.Builder
	if id > 0 {
		fmt.Fprintf(&b, "id: %d\n", id)
	}
	b.WriteString("event: " + name + "\n")
	for _, line := range strings.Split(string(data), "\n") {
		b.WriteString("data: " + strings.TrimSuffix(line, "\r") + "\n")
	}
	b.WriteString("\n")
	return s.frame(b.String())
}

// heartbeat writes a comment line, which clients ignore and which keeps
// proxies from closing an idle stream.
func (s *sseWriter) heartbeat() error { return s.frame(": heartbeat\n\n") }

// frame writes text within a fresh write window and flushes it.
func (s *sseWriter) frame(text string) error {
	if err := s.ctl.SetWriteDeadline(time.Now().Add(sseWriteWindow)); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	if _, err := io.WriteString(s.w, text); err != nil {
		return err
	}
	if err := s.ctl.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}

// parseLastEventID reads the Last-Event-ID header: nil when absent, an
// error when it is not a non-negative integer.
func parseLastEventID(header string) (*int64, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(header, 10, 64)
	if err != nil || n < 0 {
		return nil, errors.New("the Last-Event-ID header must be a non-negative integer")
	}
	return &n, nil
}
