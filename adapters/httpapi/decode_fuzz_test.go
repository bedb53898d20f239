package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzDocumentSpecs are the create documents the API accepts, picked by the
// fuzzer with a byte.
var fuzzDocumentSpecs = []documentSpec{startConversationDoc, postMessageDoc, signUpDocument, signInDocument, createUserDoc}

// FuzzParseDocument feeds arbitrary bodies to the create-document decoder.
// It must never panic; it either returns only writable string attributes,
// exactly as encoding/json reads them, or a request error whose every
// problem is a 400, 403, 409 or 422 with a code and a JSON pointer.
func FuzzParseDocument(f *testing.F) {
	for _, seed := range []string{
		``,
		`{"data":{"type":"direct_conversation","attributes":{"user_id":"0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"}}}`,
		`{"data":{"type":"message","attributes":{"content":"hello \u00d6zil \ud83d\ude00"}}}`,
		`{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Ada","email":"ada@acme.test","password":"secret123"}}}`,
		`{"data":{"type":"session","attributes":{"email":"a@b.test","password":"x"}},"meta":{"k":[1,2]}}`,
		`{"data":{"type":"user","id":"x","attributes":{}}}`,
		`{"data":{"type":"user","attributes":{"name":null,"email":5,"password":[],"role":"admin"}}}`,
		`{"data":{"type":"message","attributes":{"content":"a"},"relationships":{"author":{"data":null}}}}`,
		`{"data":{"type":"message","attributes":{"a/b~c":"x","":"y"}}}`,
		`{"data":{"type":"message","attributes":{"content":"a","content":"b"}}}`,
		`{"data":null}`, `{"data":[]}`, `[]`, `"data"`, `null`, `{"data":`, `{} {}`,
		`{"data":{"type":"message","attributes":{"content":"\ud800"}}}`,
		"{\"data\":{\"type\":\"message\",\"attributes\":{\"content\":\"\xff\"}}}",
		`{"data":{"type":{"x":1}}}`,
		`{"data":{"type":"message","attributes":{"content":"` + strings.Repeat(`\"`, 64) + `"}}}`,
		strings.Repeat(`[`, 2000) + strings.Repeat(`]`, 2000),
	} {
		for i := range fuzzDocumentSpecs {
			f.Add([]byte(seed), uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, body []byte, which uint8) {
		spec := fuzzDocumentSpecs[int(which)%len(fuzzDocumentSpecs)]
		attrs, err := parseDocument(body, spec)
		if err != nil {
			requireDocumentProblems(t, err)
			return
		}
		require.True(t, json.Valid(body))
		var doc struct {
			Data struct {
				Type       string                     `json:"type"`
				Attributes map[string]json.RawMessage `json:"attributes"`
			} `json:"data"`
		}
		require.NoError(t, json.Unmarshal(body, &doc))
		require.Equal(t, spec.typ, doc.Data.Type)
		require.Len(t, attrs, len(doc.Data.Attributes))
		for name, value := range attrs {
			require.True(t, slices.Contains(spec.writable, name), "attribute %q is not writable", name)
			var want string
			require.NoError(t, json.Unmarshal(doc.Data.Attributes[name], &want))
			require.Equal(t, want, value)
		}
	})
}

// requireDocumentProblems checks that err answers as a client error with a
// JSON pointer for every problem, one into the document for every problem
// that is not about its syntax or shape.
func requireDocumentProblems(t *testing.T, err error) {
	t.Helper()
	var re *requestError
	require.True(t, errors.As(err, &re), "%T %v", err, err)
	require.NotEmpty(t, re.problems)
	allowed := map[int]string{
		http.StatusBadRequest:          "",
		http.StatusForbidden:           codeForbidden,
		http.StatusConflict:            codeConflict,
		http.StatusUnprocessableEntity: codeValidationFailed,
	}
	for _, p := range re.problems {
		code, ok := allowed[p.status]
		require.True(t, ok, "status %d", p.status)
		if code == "" {
			require.Contains(t, []string{codeInvalidJSON, codeInvalidDocument}, p.code)
		} else {
			require.Equal(t, code, p.code)
		}
		// An empty pointer names the whole document.
		require.True(t, p.pointer == "" || strings.HasPrefix(p.pointer, "/"), "pointer %q", p.pointer)
		if p.status != http.StatusBadRequest {
			require.NotEmpty(t, p.pointer)
		}
		require.NotEmpty(t, p.detail.render(langEnglish))
	}
}
