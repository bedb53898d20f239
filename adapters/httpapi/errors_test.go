package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestProblemsOf(t *testing.T) {
	cases := []struct {
		name      string
		err       error
		status    int
		code      string
		pointer   string
		parameter string
	}{
		{"not_found", fmt.Errorf("get: %w", domain.ErrNotFound), http.StatusNotFound, codeNotFound, "", ""},
		{"invalid_id", domain.ErrInvalidID, http.StatusNotFound, codeNotFound, "", ""},
		{"forbidden", domain.ErrForbidden, http.StatusForbidden, codeForbidden, "", ""},
		{"conflict", domain.ErrConflict, http.StatusConflict, codeConflict, "", ""},
		{"invalid_credentials", domain.ErrInvalidCredentials, http.StatusUnauthorized, codeUnauthorized, "", ""},
		{"unauthenticated", fmt.Errorf("token revoked: %w", domain.ErrUnauthenticated), http.StatusUnauthorized, codeUnauthorized, "", ""},
		{"unavailable", fmt.Errorf("query: %w", domain.ErrUnavailable), http.StatusServiceUnavailable, codeServiceUnavailable, "", ""},
		{"deadline", context.DeadlineExceeded, http.StatusServiceUnavailable, codeServiceUnavailable, "", ""},
		{"anything_else", errors.New("pq: relation users does not exist"), http.StatusInternalServerError, codeInternal, "", ""},
		{"reference", fmt.Errorf("find: %w", &domain.ReferenceError{Field: "user_id"}), http.StatusNotFound, codeNotFound, "/data/attributes/user_id", ""},
		{"parameter", &application.ParameterError{Parameter: "sort", Reason: application.ReasonUnknownField}, http.StatusBadRequest, codeInvalidParameter, "", "sort"},
		{"validation", domain.NewValidationError("email", domain.RuleTaken), http.StatusUnprocessableEntity, codeValidationFailed, "/data/attributes/email", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps := problemsOf(tc.err)
			require.Len(t, ps, 1)
			require.Equal(t, tc.status, ps[0].status)
			require.Equal(t, tc.code, ps[0].code)
			require.Equal(t, tc.pointer, ps[0].pointer)
			require.Equal(t, tc.parameter, ps[0].parameter)
		})
	}
	t.Run("every_validation_problem", func(t *testing.T) {
		var v domain.ValidationError
		v.Add("name", domain.RuleRequired)
		v.Add("password", domain.RuleTooShort)
		ps := problemsOf(fmt.Errorf("sign up: %w", &v))
		require.Len(t, ps, 2)
		require.Equal(t, "/data/attributes/name", ps[0].pointer)
		require.Equal(t, "/data/attributes/password", ps[1].pointer)
	})
}

func TestErrorResponses(t *testing.T) {
	api := newTestAPI(t)
	t.Run("unauthorized_carries_www_authenticate", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", token: "forged"})
		r.requireError(t, http.StatusUnauthorized, codeUnauthorized, "")
		require.Equal(t, "Bearer", r.header.Get("WWW-Authenticate"))
	})
	t.Run("basic_scheme_is_401", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodGet, path: "/api/v1/users/me", headers: map[string]string{"Authorization": "Basic YTpi"}})
		r.requireError(t, http.StatusUnauthorized, codeUnauthorized, "")
	})
	t.Run("wrong_credentials_carry_www_authenticate", func(t *testing.T) {
		r := api.do(t, call{method: http.MethodPost, path: "/api/v1/sign_in",
			body: `{"data":{"type":"session","attributes":{"email":"nobody@acme.test","password":"whatever1"}}}`})
		r.requireError(t, http.StatusUnauthorized, codeUnauthorized, "")
		require.Equal(t, "Bearer", r.header.Get("WWW-Authenticate"))
	})
}
