package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

// mediaType is the JSON:API media type of every response body.
const mediaType = "application/vnd.api+json"

// resource is one JSON:API resource object. Attributes and relationships are
// pre-encoded objects, so that sparse fieldsets can drop members without a
// map per resource.
type resource struct {
	Type          string          `json:"type"`
	ID            string          `json:"id"`
	Attributes    json.RawMessage `json:"attributes,omitempty"`
	Relationships json.RawMessage `json:"relationships,omitempty"`
	Links         resourceLinks   `json:"links,omitzero"`
}

// resourceLinks are the links of one resource. The self link is kept as the
// path of the resource's collection and its id, and joined only when it is
// written, so that rendering a page builds no path string per resource.
type resourceLinks struct {
	prefix, id string
}

// selfLink returns the links of the resource id under the path prefix.
func selfLink(prefix, id string) resourceLinks {
	return resourceLinks{prefix: prefix, id: id}
}

// Self returns the self link.
func (l resourceLinks) Self() string {
	return l.prefix + l.id
}

// appendJSON appends the links object.
func (l resourceLinks) appendJSON(b []byte) []byte {
	b = append(b, `{"self":"`...)
	b = appendStringBody(b, l.prefix)
	b = appendStringBody(b, l.id)
	return append(b, `"}`...)
}

// MarshalJSON writes the links object as appendJSON does.
func (l resourceLinks) MarshalJSON() ([]byte, error) {
	return l.appendJSON(nil), nil
}

// identifier is resource linkage: a resource's type and id.
type identifier struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// singleDocument carries one primary resource.
type singleDocument struct {
	Data     resource   `json:"data"`
	Included []resource `json:"included,omitempty"`
}

// collectionDocument carries a page of a collection.
type collectionDocument struct {
	Data     []resource      `json:"data"`
	Included []resource      `json:"included,omitempty"`
	Links    collectionLinks `json:"links"`
}

// collectionLinks are the links of a page; Next is null on the last page.
type collectionLinks struct {
	Self string  `json:"self"`
	Next *string `json:"next"`
}

// metaDocument carries only meta information, such as a health status.
type metaDocument struct {
	Meta map[string]string `json:"meta"`
}

// errorDocument carries the errors of a failed request.
type errorDocument struct {
	Errors []errorObject `json:"errors"`
}

// errorObject is one JSON:API error object.
type errorObject struct {
	Status string       `json:"status"`
	Code   string       `json:"code"`
	Title  string       `json:"title"`
	Detail string       `json:"detail,omitempty"`
	Source *errorSource `json:"source,omitempty"`
}

// errorSource says which part of the request an error is about.
type errorSource struct {
	Pointer   string `json:"pointer,omitempty"`
	Parameter string `json:"parameter,omitempty"`
	Header    string `json:"header,omitempty"`
}

// writeDocument encodes doc as the response body with the JSON:API media type.
func writeDocument(c *gin.Context, status int, doc any) {
	setFixedHeader(c, "Content-Type", valueMediaType)
	setFixedHeader(c, "X-Content-Type-Options", valueNosniff)
	c.Status(status)
	buf := documentBuffers.Get().(*[]byte)
	b := (*buf)[:0]
	switch d := doc.(type) {
	case collectionDocument:
		b = d.appendJSON(b)
	case singleDocument:
		b = d.appendJSON(b)
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
