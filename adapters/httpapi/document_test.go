package httpapi

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
	next := "/api/v1/direct_conversations?page[after]=" + odd
	full := resource{Type: "direct_conversation", ID: "c1",
		Attributes:    json.RawMessage(`{"name":"x","n":null}`),
		Relationships: json.RawMessage(`{"chat":{"data":{"type":"chat","id":"h1"}}}`),
		Links:         selfLink(directConversationsPath, "c1")}
	bare := resource{Type: "user", ID: odd}
	docs := map[string]any{
		"single_bare":         singleDocument{Data: bare},
		"single_included":     singleDocument{Data: full, Included: []resource{bare, full}},
		"collection_nil":      collectionDocument{Links: collectionLinks{Self: "/x"}},
		"collection_empty":    collectionDocument{Data: []resource{}, Included: []resource{}, Links: collectionLinks{Self: odd}},
		"collection_next":     collectionDocument{Data: []resource{full, bare}, Links: collectionLinks{Self: "/x?a=1", Next: &next}},
		"collection_included": collectionDocument{Data: []resource{full}, Included: []resource{bare}, Links: collectionLinks{Self: "/x"}},
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(doc))
			var got []byte
			switch d := doc.(type) {
			case singleDocument:
				got = d.appendJSON(nil)
			case collectionDocument:
				got = d.appendJSON(nil)
			}
			require.Equal(t, want.String(), string(got))
		})
	}
}
