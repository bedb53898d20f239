package httpapi

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseDocument(t *testing.T) {
	spec := startConversationDoc
	cases := []struct {
		name     string
		body     string
		status   int
		code     string
		pointers []string
	}{
		{"empty_body", ``, http.StatusBadRequest, codeInvalidJSON, nil},
		{"malformed", `{"data":`, http.StatusBadRequest, codeInvalidJSON, nil},
		{"trailing_garbage", `{"data":{"type":"direct_conversation"}} x`, http.StatusBadRequest, codeInvalidJSON, nil},
		{"two_documents", `{} {}`, http.StatusBadRequest, codeInvalidJSON, nil},
		{"array", `[]`, http.StatusBadRequest, codeInvalidDocument, nil},
		{"string", `"data"`, http.StatusBadRequest, codeInvalidDocument, nil},
		{"no_data", `{"meta":{}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data"}},
		{"unknown_top_level_member", `{"data":{"type":"direct_conversation"},"included":[]}`, http.StatusBadRequest, codeInvalidDocument, []string{"/included"}},
		{"data_null", `{"data":null}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data"}},
		{"data_array", `{"data":[]}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data"}},
		{"type_missing", `{"data":{"attributes":{}}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data/type"}},
		{"type_not_string", `{"data":{"type":7}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data/type"}},
		{"attributes_not_object", `{"data":{"type":"direct_conversation","attributes":[]}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data/attributes"}},
		{"attributes_null", `{"data":{"type":"direct_conversation","attributes":null}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data/attributes"}},
		{"unknown_data_member", `{"data":{"type":"direct_conversation","foo":1}}`, http.StatusBadRequest, codeInvalidDocument, []string{"/data/foo"}},
		{"client_id", `{"data":{"type":"direct_conversation","id":"x","attributes":{"user_id":"u"}}}`, http.StatusForbidden, codeForbidden, []string{"/data/id"}},
		{"wrong_type", `{"data":{"type":"user","attributes":{"user_id":"u"}}}`, http.StatusConflict, codeConflict, []string{"/data/type"}},
		{"read_only_and_unknown_together",
			`{"data":{"type":"direct_conversation","attributes":{"user_id":"u","first_user_id":"a","created_at":"b","color":"c"}}}`,
			http.StatusUnprocessableEntity, codeValidationFailed,
			[]string{"/data/attributes/color", "/data/attributes/created_at", "/data/attributes/first_user_id"}},
		{"wrong_json_type", `{"data":{"type":"direct_conversation","attributes":{"user_id":5}}}`,
			http.StatusUnprocessableEntity, codeValidationFailed, []string{"/data/attributes/user_id"}},
		{"null_attribute", `{"data":{"type":"direct_conversation","attributes":{"user_id":null}}}`,
			http.StatusUnprocessableEntity, codeValidationFailed, []string{"/data/attributes/user_id"}},
		{"relationships", `{"data":{"type":"direct_conversation","attributes":{"user_id":"u"},"relationships":{"chat":{"data":null}}}}`,
			http.StatusUnprocessableEntity, codeValidationFailed, []string{"/data/relationships/chat"}},
		{"pointer_escaping", `{"data":{"type":"direct_conversation","attributes":{"a/b~c":"x"}}}`,
			http.StatusUnprocessableEntity, codeValidationFailed, []string{"/data/attributes/a~1b~0c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseDocument([]byte(tc.body), spec)
			require.Error(t, err)
			var re *requestError
			require.True(t, errors.As(err, &re))
			var pointers []string
			for _, p := range re.problems {
				require.Equal(t, tc.status, p.status)
				require.Equal(t, tc.code, p.code)
				if p.pointer != "" {
					pointers = append(pointers, p.pointer)
				}
			}
			require.Equal(t, tc.pointers, pointers)
		})
	}
}

func TestParseDocumentAcceptsWritableAttributes(t *testing.T) {
	body := `{"data":{"type":"user","attributes":{"name":"Ada","email":"ada@acme.test","password":"x \"q\""}},"meta":{"k":1}}`
	attrs, err := parseDocument([]byte(body), createUserDoc)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"name": "Ada", "email": "ada@acme.test", "password": `x "q"`}, attrs)

	attrs, err = parseDocument([]byte(`{"data":{"type":"user"}}`), createUserDoc)
	require.NoError(t, err)
	require.Empty(t, attrs)
}

func TestBodyLimit(t *testing.T) {
	api := newTestAPI(t)
	big := `{"data":{"type":"session","attributes":{"email":"` + strings.Repeat("a", 1<<20) + `"}}}`
	t.Run("declared_length_over_limit", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in", body: big})
		r.requireError(t, http.StatusRequestEntityTooLarge, codePayloadTooLarge, "")
	})
	t.Run("unknown_length_over_limit", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/sign_in", io.MultiReader(strings.NewReader(big)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", mediaType)
		rec := httptest.NewRecorder()
		api.engine.ServeHTTP(rec, req)
		require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())
		require.Contains(t, rec.Body.String(), codePayloadTooLarge)
	})
}
