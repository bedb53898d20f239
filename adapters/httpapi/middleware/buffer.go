package middleware

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// eventStream is the media type of answers that are streamed, never
// buffered, compressed or tagged.
const eventStream = "text/event-stream"

// bufferWriter holds a handler's answer so that it can be tagged and
// compressed before a byte leaves. A handler that flushes, or answers an
// event stream, switches it to pass-through for the rest of the answer.
type bufferWriter struct {
	gin.ResponseWriter
	status  int
	body    bytes.Buffer
	through bool
}

// newBufferWriter wraps w with a buffer that answers 200 unless told.
func newBufferWriter(w gin.ResponseWriter) *bufferWriter {
	return &bufferWriter{ResponseWriter: w, status: http.StatusOK}
}

// WriteHeader records the status; it is sent when the answer is finished.
func (w *bufferWriter) WriteHeader(code int) {
	if w.through {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	if code > 0 {
		w.status = code
	}
}

// WriteHeaderNow is deferred to the end of the answer unless passing through.
func (w *bufferWriter) WriteHeaderNow() {
	if w.through {
		w.ResponseWriter.WriteHeaderNow()
	}
}

// Write buffers b, or passes it through for streams.
func (w *bufferWriter) Write(b []byte) (int, error) {
	if !w.through && strings.HasPrefix(w.Header().Get("Content-Type"), eventStream) {
		w.passThrough()
	}
	if w.through {
		return w.ResponseWriter.Write(b)
	}
	return w.body.Write(b)
}

// WriteString buffers s like Write.
func (w *bufferWriter) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

// Flush means the handler streams: what is buffered goes out as it is.
func (w *bufferWriter) Flush() {
	w.passThrough()
	w.ResponseWriter.Flush()
}

// Status is the status the answer will carry.
func (w *bufferWriter) Status() int {
	if w.through {
		return w.ResponseWriter.Status()
	}
	return w.status
}

// Size is the number of body bytes written so far.
func (w *bufferWriter) Size() int {
	if w.through {
		return w.ResponseWriter.Size()
	}
	return w.body.Len()
}

// Written reports whether the handler has written anything.
func (w *bufferWriter) Written() bool {
	return w.ResponseWriter.Written() || w.body.Len() > 0 || w.status != http.StatusOK
}

// passThrough sends the status and what is buffered, and stops buffering.
func (w *bufferWriter) passThrough() {
	if w.through {
		return
	}
	w.through = true
	w.ResponseWriter.WriteHeader(w.status)
	if w.body.Len() > 0 {
		_, _ = w.ResponseWriter.Write(w.body.Bytes())
		w.body.Reset()
	}
}
