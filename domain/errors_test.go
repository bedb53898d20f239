package domain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestValidationError(t *testing.T) {
	t.Parallel()

	t.Run("empty_is_no_error", func(t *testing.T) {
		t.Parallel()
		var v domain.ValidationError
		require.NoError(t, v.Err())
	})

	t.Run("collects_every_problem_in_order", func(t *testing.T) {
		t.Parallel()
		var v domain.ValidationError
		v.Add("name", domain.RuleRequired)
		v.Add("email", domain.RuleTaken)
		err := v.Err()
		require.Error(t, err)
		require.Equal(t, "validation failed: name: required, email: taken", err.Error())
		require.Equal(t, []domain.Problem{
			{Field: "name", Rule: domain.RuleRequired},
			{Field: "email", Rule: domain.RuleTaken},
		}, problemsOf(t, err))
	})

	t.Run("found_through_wrapping", func(t *testing.T) {
		t.Parallel()
		err := fmt.Errorf("sign up: %w", domain.NewValidationError("user_id", domain.RuleFormat))
		require.Equal(t, problem("user_id", domain.RuleFormat), problemsOf(t, err))
		require.NotErrorIs(t, err, domain.ErrNotFound)
	})
}

func TestReferenceError(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("start: %w", &domain.ReferenceError{Field: "user_id"})
	require.ErrorIs(t, err, domain.ErrNotFound)
	require.NotErrorIs(t, err, domain.ErrConflict)
	var ref *domain.ReferenceError
	require.True(t, errors.As(err, &ref))
	require.Equal(t, "user_id", ref.Field)
	require.Equal(t, "user_id: not found", ref.Error())
}
