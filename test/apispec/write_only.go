package apispec

import (
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// writeOnlyAttributes maps each resource type to the attributes its schema
// marks writeOnly. JSON Schema 2020-12 treats writeOnly as an annotation, so
// a response that leaks one passes schema validation; this index lets the
// validator catch it.
func writeOnlyAttributes(doc *openapi3.T) map[string][]string {
	out := map[string][]string{}
	for _, ref := range doc.Components.Schemas {
		s := ref.Value
		if s == nil || s.Properties["type"] == nil || s.Properties["attributes"] == nil {
			continue
		}
		typ, ok := s.Properties["type"].Value.Const.(string)
		attrs := s.Properties["attributes"].Value
		if !ok || attrs == nil {
			continue
		}
		for name, prop := range attrs.Properties {
			if prop.Value != nil && prop.Value.WriteOnly {
				out[typ] = append(out[typ], name)
			}
		}
	}
	return out
}

// checkWriteOnly fails when a resource in a response document carries an
// attribute its schema marks writeOnly.
func (v *Validator) checkWriteOnly(body []byte) error {
	var doc struct {
		Data     json.RawMessage `json:"data"`
		Included []resourceAttrs `json:"included"`
	}
	if len(body) == 0 || json.Unmarshal(body, &doc) != nil {
		return nil
	}
	var data []resourceAttrs
	var one resourceAttrs
	if json.Unmarshal(doc.Data, &data) != nil && json.Unmarshal(doc.Data, &one) == nil {
		data = []resourceAttrs{one}
	}
	for _, r := range append(data, doc.Included...) {
		for _, name := range v.writeOnly[r.Type] {
			if _, ok := r.Attributes[name]; ok {
				return fmt.Errorf("%s %s carries the write-only attribute %s", r.Type, r.ID, name)
			}
		}
	}
	return nil
}

// resourceAttrs is the part of a resource object checkWriteOnly reads.
type resourceAttrs struct {
	Type       string                     `json:"type"`
	ID         string                     `json:"id"`
	Attributes map[string]json.RawMessage `json:"attributes"`
}
