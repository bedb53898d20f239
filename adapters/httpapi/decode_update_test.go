package httpapi

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseUpdateDocument(t *testing.T) {
	t.Run("accepts_id_and_null", func(t *testing.T) {
		got, err := parseDocument([]byte(`{"data":{"type":"user","id":"abc","attributes":{"name":"Ada","discarded_at":null}}}`), updateUserDoc)
		require.NoError(t, err)
		require.Equal(t, map[string]string{"id": "abc", "name": "Ada", "discarded_at": ""}, got)
		in := updateUserInput.bind(got)
		require.Equal(t, "abc", *in.id)
		require.Equal(t, "Ada", *in.profile.Name)
		require.Nil(t, in.profile.Email)
		require.True(t, in.profile.Reactivate)
		require.Nil(t, in.password)
	})
	t.Run("password_needs_no_other_field", func(t *testing.T) {
		got, err := parseDocument([]byte(`{"data":{"type":"user","attributes":{"password":"new secret"}}}`), updateUserDoc)
		require.NoError(t, err)
		in := updateUserInput.bind(got)
		require.NotNil(t, in.password)
		require.Equal(t, "new secret", in.password.Password)
		require.Empty(t, in.password.CurrentPassword)
	})
	cases := []struct {
		name, body string
		status     int
		pointers   []string
	}{
		{"id_not_string", `{"data":{"type":"user","id":5}}`, http.StatusBadRequest, []string{"/data/id"}},
		{"discarded_at_not_null", `{"data":{"type":"user","attributes":{"discarded_at":"2020-01-01T00:00:00Z"}}}`,
			http.StatusUnprocessableEntity, []string{"/data/attributes/discarded_at"}},
		{"all_problems", `{"data":{"type":"user","attributes":{"name":1,"updated_at":"x","discarded_at":false,"age":"3"}}}`,
			http.StatusUnprocessableEntity, []string{"/data/attributes/age", "/data/attributes/discarded_at", "/data/attributes/name", "/data/attributes/updated_at"}},
		{"wrong_type", `{"data":{"type":"message","attributes":{}}}`, http.StatusConflict, []string{"/data/type"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseDocument([]byte(tc.body), updateUserDoc)
			var re *requestError
			require.True(t, errors.As(err, &re), "%v", err)
			var pointers []string
			for _, p := range re.problems {
				require.Equal(t, tc.status, p.status)
				pointers = append(pointers, p.pointer)
			}
			require.Equal(t, tc.pointers, pointers)
		})
	}
	t.Run("create_still_refuses_id", func(t *testing.T) {
		_, err := parseDocument([]byte(`{"data":{"type":"user","id":"abc","attributes":{}}}`), createUserDoc)
		var re *requestError
		require.True(t, errors.As(err, &re))
		require.Equal(t, http.StatusForbidden, re.problems[0].status)
	})
}
