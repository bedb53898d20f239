package jsonapi

import "encoding/json"

// Resource is one JSON:API resource object. Attributes and relationships are
// pre-encoded objects, so that sparse fieldsets can drop members without a
// map per resource.
type Resource struct {
	Type          string          `json:"type"`
	ID            string          `json:"id"`
	Attributes    json.RawMessage `json:"attributes,omitempty"`
	Relationships json.RawMessage `json:"relationships,omitempty"`
	Links         ResourceLinks   `json:"links,omitzero"`
	// Meta is the pre-encoded meta object; empty leaves it out.
	Meta json.RawMessage `json:"meta,omitempty"`
}

// ResourceLinks are the links of one resource. The self link is kept as the
// path of the resource's collection and its id, and joined only when it is
// written, so that rendering a page builds no path string per resource.
type ResourceLinks struct {
	prefix, id string
}

// SelfLink returns the links of the resource id under the path prefix.
func SelfLink(prefix, id string) ResourceLinks {
	return ResourceLinks{prefix: prefix, id: id}
}

// Self returns the self link.
func (l ResourceLinks) Self() string {
	return l.prefix + l.id
}

// AppendJSON appends the links object.
func (l ResourceLinks) AppendJSON(b []byte) []byte {
	b = append(b, `{"self":"`...)
	b = AppendStringBody(b, l.prefix)
	b = AppendStringBody(b, l.id)
	return append(b, `"}`...)
}

// MarshalJSON writes the links object as AppendJSON does.
func (l ResourceLinks) MarshalJSON() ([]byte, error) {
	return l.AppendJSON(nil), nil
}

// Identifier is resource linkage: a resource's type and id.
type Identifier struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}
