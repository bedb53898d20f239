package jsonapi

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocumentsMatchEncodingJSON pins the hand-written document encoder to
// what encoding/json writes for the same documents, byte for byte.
func TestDocumentsMatchEncodingJSON(t *testing.T) {
	odd := "odd \b\f\x01 \"q\" \\ <&> \u2028 \xff Özil"
	next := "/api/v1/articles?page[after]=" + odd
	full := Resource{Type: "article", ID: "c1",
		Attributes:    json.RawMessage(`{"name":"x","n":null}`),
		Relationships: json.RawMessage(`{"author":{"data":{"type":"person","id":"h1"}}}`),
		Links:         SelfLink("/api/v1/articles/", "c1")}
	bare := Resource{Type: "person", ID: odd}
	docs := map[string]any{
		"single_bare":         SingleDocument{Data: bare},
		"single_included":     SingleDocument{Data: full, Included: []Resource{bare, full}},
		"collection_nil":      CollectionDocument{Links: CollectionLinks{Self: "/x"}},
		"collection_empty":    CollectionDocument{Data: []Resource{}, Included: []Resource{}, Links: CollectionLinks{Self: odd}},
		"collection_next":     CollectionDocument{Data: []Resource{full, bare}, Links: CollectionLinks{Self: "/x?a=1", Next: &next}},
		"collection_included": CollectionDocument{Data: []Resource{full}, Included: []Resource{bare}, Links: CollectionLinks{Self: "/x"}},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(doc))
			var got []byte
			switch d := doc.(type) {
			case SingleDocument:
				got = d.AppendJSON(nil)
			case CollectionDocument:
				got = d.AppendJSON(nil)
			}
			require.Equal(t, want.String(), string(got))
		})
	}
}
