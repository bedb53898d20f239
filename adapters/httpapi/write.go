package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// mediaType is the JSON:API media type of every response body.
const mediaType = jsonapi.MediaType

// maxPooledBuffer bounds the buffers kept for reuse, so that one huge
// response does not pin its memory.
const maxPooledBuffer = 1 << 20

var documentBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}

// Response headers with a fixed value are assigned as shared, pre-built value
// slices instead of through Header.Set, which allocates a one-element slice
// per call and canonicalises the key again. net/http only reads them, and
// each slice is full to capacity, so a later Header.Add copies rather than
// writing into the shared array.
var (
	valueMediaType = []string{mediaType}
	valueNosniff   = []string{"nosniff"}
)

// setFixedHeader sets the header named by the canonical key to a shared value.
func setFixedHeader(c *gin.Context, canonicalKey string, value []string) {
	c.Writer.Header()[canonicalKey] = value
}

// writeDocument encodes doc as the response body with the JSON:API media type.
func writeDocument(c *gin.Context, status int, doc any) {
	setFixedHeader(c, "Content-Type", valueMediaType)
	setFixedHeader(c, "X-Content-Type-Options", valueNosniff)
	c.Status(status)
	buf := documentBuffers.Get().(*[]byte)
	b := (*buf)[:0]
	switch d := doc.(type) {
	case jsonapi.CollectionDocument:
		b = d.AppendJSON(b)
	case jsonapi.SingleDocument:
		b = d.AppendJSON(b)
	default:
		var w bytes.Buffer
		enc := json.NewEncoder(&w)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			_ = c.Error(err)
		}
		b = append(b, w.Bytes()...)
	}
	if _, err := c.Writer.Write(b); err != nil {
		// The status line is already sent; all that is left is to record it.
		_ = c.Error(err)
	}
	if cap(b) <= maxPooledBuffer {
		*buf = b
		documentBuffers.Put(buf)
	}
}

// writeNoContent answers 204 without a body.
func writeNoContent(c *gin.Context) {
	c.Status(http.StatusNoContent)
	c.Writer.WriteHeaderNow()
}
