package middleware

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// cacheControl is what API answers say about caching: a browser may keep
// them but must revalidate with If-None-Match each time.
const cacheControl = "private, no-cache"

// Conditional buffers every answer, tags each 200 answer to a GET or HEAD
// with a strong ETag (a hash of the bytes sent), answers a matching
// If-None-Match with 304 and no body, gzips answers over CompressMinBytes
// when Accept-Encoding allows, and drops the body of HEAD answers. The tag
// is computed from the bytes the handler wrote, so no second database round
// trip is needed. Event streams and answers that are already encoded pass
// as they are.
func Conditional() gin.HandlerFunc {
	return func(c *gin.Context) {
		orig := c.Writer
		w := newBufferWriter(orig)
		c.Writer = w
		defer func() { c.Writer = orig }()
		c.Next()
		if w.through {
			return
		}
		finish(c.Request, w)
	}
}

// finish sends the buffered answer, tagged, compressed or not modified.
func finish(r *http.Request, w *bufferWriter) {
	h := w.Header()
	body := w.body.Bytes()
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", cacheControl)
	}
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	tag := get && w.status == http.StatusOK && h.Get("ETag") == ""
	if tag {
		h.Set("ETag", strongETag(body))
	}
	// A handler that tags its own answers (the API documents) also chooses
	// their encodings; compressing them here would break its tags.
	zip := false
	if h.Get("Content-Encoding") == "" && (tag || h.Get("ETag") == "") && len(body) > 0 {
		h.Add("Vary", "Accept-Encoding")
		zip = len(body) > CompressMinBytes && acceptsGzip(r.Header.Values("Accept-Encoding"))
	}
	if tag && zip {
		h.Set("ETag", gzipETag(h.Get("ETag")))
	}
	// Revalidation is decided before compressing: a 304 costs no gzip.
	if get && w.status == http.StatusOK && matchesETag(r.Header.Values("If-None-Match"), h.Get("ETag")) {
		h.Del("Content-Length")
		h.Del("Content-Type")
		w.ResponseWriter.WriteHeader(http.StatusNotModified)
		w.ResponseWriter.WriteHeaderNow()
		return
	}
	if zip {
		if zipped, err := gzipBytes(body); err == nil {
			body = zipped
			h.Set("Content-Encoding", "gzip")
		} else if tag {
			h.Set("ETag", strongETag(body))
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.ResponseWriter.WriteHeader(w.status)
	w.ResponseWriter.WriteHeaderNow()
	if r.Method != http.MethodHead && len(body) > 0 {
		_, _ = w.ResponseWriter.Write(body)
	}
}

// strongETag names the exact bytes of an answer.
func strongETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
}

// gzipETag names the gzip variant of the answer tagged etag: a strong tag
// of its own, as the variant's bytes differ (the compressor is
// deterministic, so the same answer always compresses to the same bytes).
func gzipETag(etag string) string {
	return strings.TrimSuffix(etag, `"`) + `-gz"`
}

// matchesETag reports whether an If-None-Match header names etag; it
// compares weakly, as RFC 9110 asks for If-None-Match.
func matchesETag(values []string, etag string) bool {
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			p := strings.TrimPrefix(strings.TrimSpace(part), "W/")
			if p == "*" || (p != "" && p == etag) {
				return true
			}
		}
	}
	return false
}
