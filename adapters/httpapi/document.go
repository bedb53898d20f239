package httpapi

import (
	"sync"
)

// Resource documents are written by hand rather than by encoding/json: the
// attributes and relationships are already encoded, and encoding/json would
// validate and compact every byte of them again, which was a third of a
// list request's CPU time. The output is byte for byte what encoding/json
// (with HTML escaping off) writes for the same document.

// maxPooledBuffer bounds the buffers kept for reuse, so that one huge
// response does not pin its memory.
const maxPooledBuffer = 1 << 20

var documentBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}

// appendJSON appends the document and a newline, as json.Encoder does.
func (d *singleDocument) appendJSON(b []byte) []byte {
	b = append(b, `{"data":`...)
	b = appendResource(b, &d.Data)
	b = appendIncluded(b, d.Included)
	return append(b, "}\n"...)
}

// appendJSON appends the document and a newline, as json.Encoder does.
func (d *collectionDocument) appendJSON(b []byte) []byte {
	b = append(b, `{"data":`...)
	if d.Data == nil {
		b = append(b, "null"...)
	} else {
		b = appendResources(b, d.Data)
	}
	b = appendIncluded(b, d.Included)
	b = append(b, `,"links":{"self":`...)
	b = appendString(b, d.Links.Self)
	b = append(b, `,"next":`...)
	if d.Links.Next == nil {
		b = append(b, "null"...)
	} else {
		b = appendString(b, *d.Links.Next)
	}
	return append(b, "}}\n"...)
}

func appendIncluded(b []byte, included []resource) []byte {
	if len(included) == 0 {
		return b
	}
	b = append(b, `,"included":`...)
	return appendResources(b, included)
}

func appendResources(b []byte, rs []resource) []byte {
	b = append(b, '[')
	for i := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendResource(b, &rs[i])
	}
	return append(b, ']')
}

func appendResource(b []byte, r *resource) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, r.Type)
	b = append(b, `,"id":`...)
	b = appendString(b, r.ID)
	if len(r.Attributes) > 0 {
		b = append(b, `,"attributes":`...)
		b = append(b, r.Attributes...)
	}
	if len(r.Relationships) > 0 {
		b = append(b, `,"relationships":`...)
		b = append(b, r.Relationships...)
	}
	if r.Links != (resourceLinks{}) {
		b = append(b, `,"links":`...)
		b = r.Links.appendJSON(b)
	}
	return append(b, '}')
}
