package application_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// countingHasher counts password comparisons, the slow step whose presence
// must not depend on whether the email exists.
type countingHasher struct {
	testHasher
	verifies atomic.Int64
}

func (h *countingHasher) Verify(hash, password string) (bool, error) {
	h.verifies.Add(1)
	return h.testHasher.Verify(hash, password)
}

func TestSignInCostsOneComparisonEitherWay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := memstore.New()
	users := memstore.NewUsers(store)
	hasher := &countingHasher{}
	clock := newTestClock()
	tokens := newTestTokens()
	_, err := application.NewSignUp(users, hasher, tokens, clock).Execute(ctx, application.SignUpInput{
		AccountName: "Acme", Name: "Ada", Email: "ada@acme.test", Password: "correct horse",
	})
	require.NoError(t, err)
	signIn, err := application.NewSignIn(users, hasher, tokens, clock)
	require.NoError(t, err)

	for name, in := range map[string]application.SignInInput{
		"wrong_password": {Email: "ada@acme.test", Password: "wrong horse"},
		"unknown_email":  {Email: "nobody@acme.test", Password: "wrong horse"},
	} {
		before := hasher.verifies.Load()
		_, err := signIn.Execute(ctx, in)
		require.ErrorIs(t, err, domain.ErrInvalidCredentials, name)
		require.Equal(t, int64(1), hasher.verifies.Load()-before, "%s must cost exactly one password comparison", name)
	}
}
