package apispec

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// checkUnrouted validates the answer to a request no operation serves.
func (v *Validator) checkUnrouted(want, status int, header http.Header, body []byte) error {
	if status != want {
		return fmt.Errorf("a request that matches no operation got %d, want %d", status, want)
	}
	return v.checkErrorDocument(status, header, body)
}

// checkErrorDocument validates an error answer that no operation declares.
func (v *Validator) checkErrorDocument(status int, header http.Header, body []byte) error {
	typ, _, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil || typ != jsonAPIMediaType {
		return fmt.Errorf("error answer has Content-Type %q, want %s", header.Get("Content-Type"), jsonAPIMediaType)
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		return fmt.Errorf("error answer is not JSON: %w", err)
	}
	opts := append([]openapi3.SchemaValidationOption{openapi3.EnableJSONSchema2020()}, v.schemaOpts...)
	if err := v.errorSchema.VisitJSON(doc, opts...); err != nil {
		return fmt.Errorf("error answer is not an error document: %w", err)
	}
	return checkErrorStatuses(status, body)
}

// checkErrorStatuses requires every error object of an error answer to
// carry the answer's own status.
func checkErrorStatuses(status int, body []byte) error {
	var doc struct {
		Errors []struct {
			Status string `json:"status"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return fmt.Errorf("error answer is not JSON: %w", err)
	}
	for i, e := range doc.Errors {
		if e.Status != strconv.Itoa(status) {
			return fmt.Errorf("errors[%d].status is %q in a %d answer", i, e.Status, status)
		}
	}
	return nil
}

// checkBodyPresence catches what schema validation cannot: a body where the
// document declares none, and error objects whose status differs from the
// answer's.
func checkBodyPresence(op *openapi3.Operation, status int, body []byte) error {
	ref := op.Responses.Status(status)
	if ref == nil || ref.Value == nil {
		return nil
	}
	if len(ref.Value.Content) == 0 && len(body) > 0 {
		return fmt.Errorf("a %d answer carries a body the document does not declare", status)
	}
	if status >= http.StatusBadRequest && len(body) > 0 {
		return checkErrorStatuses(status, body)
	}
	return nil
}
