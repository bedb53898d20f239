package httpapi

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

// TestOpenAPIQuotesTheInputLimits keeps the caps the OpenAPI document states
// equal to the ones the code enforces.
func TestOpenAPIQuotesTheInputLimits(t *testing.T) {
	var doc struct {
		Info       struct{ Description string }
		Components struct {
			Parameters map[string]struct {
				Description string
				Schema      struct{ MaxLength int }
			}
			Schemas map[string]struct{ Description string }
		}
	}
	require.NoError(t, json.Unmarshal(apidocs.Spec(), &doc))
	search := doc.Components.Parameters["SearchPeer"]
	require.Equal(t, application.MaxSearchLength, search.Schema.MaxLength)
	require.Contains(t, search.Description, "At most "+strconv.Itoa(application.MaxSearchLength)+" characters")
	filter := doc.Components.Schemas["FilterExpression"].Description
	require.Contains(t, filter, "at most "+strconv.Itoa(application.MaxFilterValueLength)+" characters")
	require.Contains(t, filter, "at most "+strconv.Itoa(application.MaxFilterValues)+" comma-separated values")
	require.Contains(t, doc.Info.Description, strconv.Itoa(MaxRequestTargetBytes>>10)+" KiB is **414**")
	require.Contains(t, doc.Info.Description, "deeper than "+strconv.Itoa(jsonapi.MaxDepth)+" levels")
}
