package apispec_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/application"
)

// TestDocumentedPageSizeIsTheApplications holds the page[size] parameter of
// the OpenAPI document to the one definition of the default and the cap.
func TestDocumentedPageSizeIsTheApplications(t *testing.T) {
	var spec struct {
		Components struct {
			Parameters map[string]json.RawMessage `json:"parameters"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(apidocs.Spec(), &spec))
	raw, ok := spec.Components.Parameters["PageSize"]
	require.True(t, ok, "the OpenAPI document has no PageSize parameter")
	var p struct {
		Name   string `json:"name"`
		Schema struct {
			Minimum int `json:"minimum"`
			Maximum int `json:"maximum"`
			Default int `json:"default"`
		} `json:"schema"`
	}
	require.NoError(t, json.Unmarshal(raw, &p))
	require.Equal(t, "page[size]", p.Name)
	require.Equal(t, 1, p.Schema.Minimum, "parameter PageSize: minimum")
	require.Equal(t, application.MaxPageSize, p.Schema.Maximum, "parameter PageSize: maximum is not application.MaxPageSize")
	require.Equal(t, application.DefaultPageSize, p.Schema.Default, "parameter PageSize: default is not application.DefaultPageSize")
}
