package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1)
	tests := []struct {
		name    string
		body    string
		status  int
		pointer string
		key     string
	}{
		{"valid_document", `{"data":{"type":"message","attributes":{"content":"héllo \ud83d\ude00 \ufffd"}}}`, 0, "", ""},
		{"numbers_and_literals", ` [0, -1.5e+3, 2E-2, true, false, null, {}, []] `, 0, "", ""},
		{"nesting_at_the_bound", strings.Repeat("[", maxJSONDepth) + strings.Repeat("]", maxJSONDepth), 0, "", ""},
		{"nesting_past_the_bound", deep, http.StatusBadRequest, "", msgTooDeep},
		{"ten_thousand_deep", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), http.StatusBadRequest, "", msgTooDeep},
		{"duplicate_content", `{"data":{"attributes":{"content":"a","content":"b"}}}`, http.StatusBadRequest, "/data/attributes/content", msgDuplicateMember},
		{"duplicate_data", `{"data":{},"data":{}}`, http.StatusBadRequest, "/data", msgDuplicateMember},
		{"duplicate_type_escaped", `{"data":{"type":"a","t\u0079pe":"b"}}`, http.StatusBadRequest, "/data/type", msgDuplicateMember},
		{"duplicate_in_array_element", `{"meta":[{},{"a":1,"a":2}]}`, http.StatusBadRequest, "/meta/1/a", msgDuplicateMember},
		{"nul_escape", `{"data":{"attributes":{"content":"a\u0000"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", msgInvalidText},
		{"lone_high_surrogate", `{"data":{"attributes":{"content":"\ud800"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", msgInvalidText},
		{"lone_low_surrogate", `{"data":{"attributes":{"content":"\udc00x"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", msgInvalidText},
		{"high_surrogate_then_letter_escape", `{"a":"\ud800\u0041"}`, http.StatusUnprocessableEntity, "/a", msgInvalidText},
		{"invalid_utf8", "{\"data\":{\"attributes\":{\"name\":\"A\xff\"}}}", http.StatusUnprocessableEntity, "/data/attributes/name", msgInvalidText},
		{"invalid_utf8_in_member_name", "{\"a\xff\":1}", http.StatusUnprocessableEntity, "/a\uFFFD", msgInvalidText},
		{"raw_control_character", "{\"a\":\"\x07\"}", http.StatusBadRequest, "", msgInvalidJSON},
		{"empty", ``, http.StatusBadRequest, "", msgInvalidJSON},
		{"trailing_garbage", `{} x`, http.StatusBadRequest, "", msgInvalidJSON},
		{"leading_zero", `[01]`, http.StatusBadRequest, "", msgInvalidJSON},
		{"bad_escape", `["\x"]`, http.StatusBadRequest, "", msgInvalidJSON},
		{"short_unicode_escape", `["\u12"]`, http.StatusBadRequest, "", msgInvalidJSON},
		{"unterminated", `{"a":"b`, http.StatusBadRequest, "", msgInvalidJSON},
		{"missing_colon", `{"a" 1}`, http.StatusBadRequest, "", msgInvalidJSON},
		{"trailing_comma", `[1,]`, http.StatusBadRequest, "", msgInvalidJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := checkJSON([]byte(tt.body))
			if tt.status == 0 {
				require.NoError(t, err)
				require.True(t, json.Valid([]byte(tt.body)))
				return
			}
			p := problemsOf(err)
			require.Len(t, p, 1)
			require.Equal(t, tt.status, p[0].status)
			require.Equal(t, tt.pointer, p[0].pointer)
			require.Equal(t, tt.key, p[0].detail.key)
		})
	}
}

// FuzzCheckJSON holds checkJSON to encoding/json: whatever it accepts is
// valid JSON, and valid JSON it refuses has a reason encoding/json ignores.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, `[1,2.5e3,true,null]`, `{"a":"\ud800"}`, `{"a":1,"a":2}`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		err := checkJSON(body)
		if err == nil {
			require.True(t, json.Valid(body), "%q", body)
			return
		}
		if !json.Valid(body) {
			require.Equal(t, codeInvalidJSON, problemsOf(err)[0].code, "%q", body)
		}
	})
}
