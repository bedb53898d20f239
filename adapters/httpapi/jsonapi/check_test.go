package jsonapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	tests := []struct {
		name    string
		body    string
		status  int
		pointer string
		key     string
	}{
		{"valid_document", `{"data":{"type":"message","attributes":{"content":"héllo \ud83d\ude00 \ufffd"}}}`, 0, "", ""},
		{"numbers_and_literals", ` [0, -1.5e+3, 2E-2, true, false, null, {}, []] `, 0, "", ""},
		{"nesting_at_the_bound", strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), 0, "", ""},
		{"nesting_past_the_bound", deep, http.StatusBadRequest, "", KeyTooDeep},
		{"ten_thousand_deep", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), http.StatusBadRequest, "", KeyTooDeep},
		{"duplicate_content", `{"data":{"attributes":{"content":"a","content":"b"}}}`, http.StatusBadRequest, "/data/attributes/content", KeyDuplicateMember},
		{"duplicate_data", `{"data":{},"data":{}}`, http.StatusBadRequest, "/data", KeyDuplicateMember},
		{"duplicate_type_escaped", `{"data":{"type":"a","t\u0079pe":"b"}}`, http.StatusBadRequest, "/data/type", KeyDuplicateMember},
		{"duplicate_in_array_element", `{"meta":[{},{"a":1,"a":2}]}`, http.StatusBadRequest, "/meta/1/a", KeyDuplicateMember},
		{"nul_escape", `{"data":{"attributes":{"content":"a\u0000"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", KeyInvalidText},
		{"lone_high_surrogate", `{"data":{"attributes":{"content":"\ud800"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", KeyInvalidText},
		{"lone_low_surrogate", `{"data":{"attributes":{"content":"\udc00x"}}}`, http.StatusUnprocessableEntity, "/data/attributes/content", KeyInvalidText},
		{"high_surrogate_then_letter_escape", `{"a":"\ud800\u0041"}`, http.StatusUnprocessableEntity, "/a", KeyInvalidText},
		{"invalid_utf8", "{\"data\":{\"attributes\":{\"name\":\"A\xff\"}}}", http.StatusUnprocessableEntity, "/data/attributes/name", KeyInvalidText},
		{"invalid_utf8_in_member_name", "{\"a\xff\":1}", http.StatusUnprocessableEntity, "/a\uFFFD", KeyInvalidText},
		{"raw_control_character", "{\"a\":\"\x07\"}", http.StatusBadRequest, "", KeyInvalidJSON},
		{"empty", ``, http.StatusBadRequest, "", KeyInvalidJSON},
		{"trailing_garbage", `{} x`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"leading_zero", `[01]`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"bad_escape", `["\x"]`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"short_unicode_escape", `["\u12"]`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"unterminated", `{"a":"b`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"missing_colon", `{"a" 1}`, http.StatusBadRequest, "", KeyInvalidJSON},
		{"trailing_comma", `[1,]`, http.StatusBadRequest, "", KeyInvalidJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Check([]byte(tt.body))
			if tt.status == 0 {
				require.NoError(t, err)
				require.True(t, json.Valid([]byte(tt.body)))
				return
			}
			var p *Problem
			require.ErrorAs(t, err, &p)
			require.Equal(t, tt.status, p.Status)
			require.Equal(t, tt.pointer, p.Pointer)
			require.Equal(t, tt.key, p.Key)
		})
	}
}

// FuzzCheckJSON holds Check to encoding/json: whatever it accepts is
// valid JSON, and valid JSON it refuses has a reason encoding/json ignores.
func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, `[1,2.5e3,true,null]`, `{"a":"\ud800"}`, `{"a":1,"a":2}`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		err := Check(body)
		if err == nil {
			require.True(t, json.Valid(body), "%q", body)
			return
		}
		if !json.Valid(body) {
			var p *Problem
			require.ErrorAs(t, err, &p)
			require.Equal(t, CodeInvalidJSON, p.Code, "%q", body)
		}
	})
}
