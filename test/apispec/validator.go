// Package apispec checks HTTP responses against the service's OpenAPI
// document, so that tests catch any drift between the two.
package apispec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
)

// jsonAPIMediaType is the media type of every error document.
const jsonAPIMediaType = "application/vnd.api+json"

// Validator checks responses against the embedded OpenAPI document.
type Validator struct {
	doc         *openapi3.T
	router      routers.Router
	errorSchema *openapi3.Schema
	writeOnly   map[string][]string
	schemaOpts  []openapi3.SchemaValidationOption
}

// Load parses and validates the embedded OpenAPI document and returns a
// validator for it; it fails t when the document is broken.
func Load(t testing.TB) *Validator {
	t.Helper()
	v, err := NewValidator(apidocs.Spec())
	if err != nil {
		t.Fatalf("load the OpenAPI document: %v", err)
	}
	return v
}

// NewValidator parses and validates an OpenAPI document.
func NewValidator(spec []byte) (*Validator, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	// The document names its own server relatively; matching requests on
	// any host lets the same validator serve in-process and deployed tests.
	doc.Servers = nil
	// UUIDs are not a format kin-openapi checks by default.
	doc.SetStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route: %w", err)
	}
	ref := doc.Components.Schemas["ErrorDocument"]
	if ref == nil || ref.Value == nil {
		return nil, errors.New("the document has no ErrorDocument schema")
	}
	return &Validator{doc: doc, router: router, errorSchema: ref.Value,
		writeOnly: writeOnlyAttributes(doc), schemaOpts: doc.GetSchemaValidationOptions()}, nil
}

// Document returns the parsed OpenAPI document.
func (v *Validator) Document() *openapi3.T {
	return v.doc
}

// CheckResponse validates a response to req against the document: the
// status must be documented for the operation, and the headers and body
// must match what it declares. A request that matches no operation must
// have been answered 404, or 405 with an Allow header, with an error
// document.
func (v *Validator) CheckResponse(req *http.Request, status int, header http.Header, body []byte) error {
	route, params, err := v.router.FindRoute(req)
	switch {
	case errors.Is(err, routers.ErrPathNotFound):
		return v.checkUnrouted(http.StatusNotFound, status, header, body)
	case errors.Is(err, routers.ErrMethodNotAllowed):
		if header.Get("Allow") == "" {
			return errors.New("405 without an Allow header")
		}
		return v.checkUnrouted(http.StatusMethodNotAllowed, status, header, body)
	case err != nil:
		return fmt.Errorf("find the operation of %s %s: %w", req.Method, req.URL.Path, err)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: req, PathParams: params, Route: route,
		},
		Status: status,
		Header: header,
		Body:   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
			SchemaValidationOptions: v.schemaOpts},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		return fmt.Errorf("%s %s answered %d: %w", req.Method, route.Path, status, err)
	}
	if err := checkBodyPresence(route.Operation, status, body); err != nil {
		return err
	}
	return v.checkWriteOnly(body)
}
