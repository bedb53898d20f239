package httpapi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

// documentSpec says what a request document must look like: its resource
// type, the string attributes a client may write, the ones it may only send
// as null and the ones it may only read. An update document may carry
// data.id; it is returned under the key "id", a name no attribute can have.
type documentSpec struct {
	typ      string
	writable []string
	nullable []string
	readOnly []string
	update   bool
}

// Members a document and its resource object may carry besides those read.
var (
	topLevelMembers = []string{"data", "meta", "jsonapi", "links"}
	resourceMembers = []string{"type", "id", "attributes", "relationships", "meta", "links"}
)

// readDocument reads the request body and decodes it strictly against spec,
// returning the writable attributes that were sent.
func readDocument(r *http.Request, spec documentSpec) (map[string]string, error) {
	if r.Body == nil {
		return parseDocument(nil, spec)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, middleware.ErrPayloadTooLarge(tooLarge.Limit)
		}
		return nil, reject(http.StatusBadRequest, codeInvalidJSON, message{key: msgInvalidJSON}, "")
	}
	return parseDocument(body, spec)
}

// parseDocument checks the structure of a create document and returns its
// writable string attributes. Structural faults stop at the first; attribute
// faults are reported together.
func parseDocument(body []byte, spec documentSpec) (map[string]string, error) {
	if err := jsonapi.Check(body); err != nil {
		return nil, &requestError{problems: problemsOf(err)}
	}
	top, err := members(body, "", message{key: msgDocumentNotObject})
	if err != nil {
		return nil, err
	}
	if err := onlyMembers(top, topLevelMembers, ""); err != nil {
		return nil, err
	}
	rawData, ok := top["data"]
	if !ok {
		return nil, invalidDocument("/data", message{key: msgMissingMember, arg: "data"})
	}
	data, err := members(rawData, "/data", message{key: msgNotObject, arg: "data"})
	if err != nil {
		return nil, err
	}
	id, err := checkIdentity(data, spec)
	if err != nil {
		return nil, err
	}
	if err := onlyMembers(data, resourceMembers, "/data"); err != nil {
		return nil, err
	}
	attrs := map[string]json.RawMessage{}
	if raw, ok := data["attributes"]; ok {
		if attrs, err = members(raw, "/data/attributes", message{key: msgNotObject, arg: "data.attributes"}); err != nil {
			return nil, err
		}
	}
	var rels map[string]json.RawMessage
	if raw, ok := data["relationships"]; ok {
		if rels, err = members(raw, "/data/relationships", message{key: msgNotObject, arg: "data.relationships"}); err != nil {
			return nil, err
		}
	}
	out, err := attributes(attrs, rels, spec)
	if err == nil && id != nil {
		out["id"] = *id
	}
	return out, err
}

// attributes sorts the sent attributes into the writable ones and problems:
// unknown, read-only or non-string attributes and any relationship.
func attributes(attrs, rels map[string]json.RawMessage, spec documentSpec) (map[string]string, error) {
	out := make(map[string]string, len(attrs))
	var problems []problem
	for _, name := range sortedKeys(attrs) {
		pointer := attributePointer(name)
		switch {
		case slices.Contains(spec.writable, name):
			var s string
			if err := json.Unmarshal(attrs[name], &s); err != nil || attrs[name][0] != '"' {
				problems = append(problems, invalidAttribute(msgNotString, name, pointer))
				continue
			}
			out[name] = s
		case slices.Contains(spec.nullable, name):
			if string(attrs[name]) != "null" {
				problems = append(problems, invalidAttribute(msgOnlyNull, name, pointer))
				continue
			}
			out[name] = ""
		case slices.Contains(spec.readOnly, name):
			problems = append(problems, invalidAttribute(msgReadOnly, name, pointer))
		default:
			problems = append(problems, invalidAttribute(msgUnknownAttribute, name, pointer))
		}
	}
	for _, name := range sortedKeys(rels) {
		problems = append(problems, invalidAttribute(msgRelationship, name, "/data/relationships/"+jsonapi.EscapePointer(name)))
	}
	if len(problems) > 0 {
		return nil, &requestError{problems: problems}
	}
	return out, nil
}

func invalidAttribute(key, name, pointer string) problem {
	return problem{status: http.StatusUnprocessableEntity, code: codeValidationFailed,
		detail: message{key: key, arg: name}, pointer: pointer}
}

func invalidDocument(pointer string, detail message) error {
	return reject(http.StatusBadRequest, codeInvalidDocument, detail, pointer)
}

// members decodes raw as a JSON object; anything else (null included) is an
// invalid document at pointer.
func members(raw json.RawMessage, pointer string, detail message) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, invalidDocument(pointer, detail)
	}
	return m, nil
}

// onlyMembers refuses members of an object that JSON:API does not define.
func onlyMembers(m map[string]json.RawMessage, allowed []string, pointer string) error {
	for _, name := range sortedKeys(m) {
		if !slices.Contains(allowed, name) {
			return invalidDocument(pointer+"/"+jsonapi.EscapePointer(name), message{key: msgUnexpectedMember, arg: name})
		}
	}
	return nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
