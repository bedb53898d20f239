package application_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestRevocationList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("add_and_contains", func(t *testing.T) {
		t.Parallel()
		clock := newTestClock()
		l := application.NewRevocationList(memstore.NewRevokedTokens(memstore.New()), clock)
		require.False(t, l.Contains("t1"))
		l.Add("t1", clock.Now().Add(time.Hour))
		require.True(t, l.Contains("t1"))
		require.False(t, l.Contains("t2"))
	})

	t.Run("sync_picks_up_revocations_of_other_replicas", func(t *testing.T) {
		t.Parallel()
		clock := newTestClock()
		repo := memstore.NewRevokedTokens(memstore.New())
		l := application.NewRevocationList(repo, clock)
		require.NoError(t, repo.Revoke(ctx, domain.RevokedToken{ID: "early", ExpiresAt: clock.Now().Add(time.Hour), RevokedAt: clock.Now()}))
		require.NoError(t, l.Sync(ctx))
		require.True(t, l.Contains("early"))

		clock.Advance(time.Minute)
		require.NoError(t, repo.Revoke(ctx, domain.RevokedToken{ID: "later", ExpiresAt: clock.Now().Add(time.Hour), RevokedAt: clock.Now()}))
		require.False(t, l.Contains("later"), "not before the next sync")
		clock.Advance(time.Second)
		require.NoError(t, l.Sync(ctx))
		require.True(t, l.Contains("later"))
		require.True(t, l.Contains("early"))
	})

	t.Run("expired_entries_forgotten", func(t *testing.T) {
		t.Parallel()
		clock := newTestClock()
		repo := memstore.NewRevokedTokens(memstore.New())
		l := application.NewRevocationList(repo, clock)
		l.Add("local", clock.Now().Add(time.Minute))
		require.NoError(t, repo.Revoke(ctx, domain.RevokedToken{ID: "stored", ExpiresAt: clock.Now().Add(time.Minute), RevokedAt: clock.Now()}))
		require.NoError(t, repo.Revoke(ctx, domain.RevokedToken{ID: "long", ExpiresAt: clock.Now().Add(time.Hour), RevokedAt: clock.Now()}))
		require.NoError(t, l.Sync(ctx))
		require.True(t, l.Contains("stored"))

		clock.Advance(2 * time.Minute)
		require.NoError(t, l.Sync(ctx))
		require.False(t, l.Contains("local"))
		require.False(t, l.Contains("stored"))
		require.True(t, l.Contains("long"))

		fresh := application.NewRevocationList(repo, clock)
		require.NoError(t, fresh.Sync(ctx))
		require.False(t, fresh.Contains("stored"), "expired revocations are not loaded")
		require.True(t, fresh.Contains("long"))
	})
}

func TestAuthenticate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t)
	s, err := h.signUp.Execute(ctx, application.SignUpInput{AccountName: "Acme", Name: "Ada", Email: "ada@acme.test", Password: "password1"})
	require.NoError(t, err)
	other, err := h.signIn.Execute(ctx, application.SignInInput{Email: "ada@acme.test", Password: "password1"})
	require.NoError(t, err)

	claims, err := h.authenticate.Execute(s.Token.Value)
	require.NoError(t, err)
	require.Equal(t, actorOf(s.User), claims.Actor)

	_, err = h.authenticate.Execute("forged")
	require.ErrorIs(t, err, domain.ErrUnauthenticated)

	require.NoError(t, h.signOut.Execute(ctx, claims))
	_, err = h.authenticate.Execute(s.Token.Value)
	require.ErrorIs(t, err, domain.ErrUnauthenticated, "a revoked token is refused at once")
	_, err = h.authenticate.Execute(other.Token.Value)
	require.NoError(t, err, "other sessions of the user stay valid")

	t.Run("other_replica_after_sync", func(t *testing.T) {
		replica := application.NewRevocationList(h.revokedRepo, h.clock)
		auth := application.NewAuthenticate(h.tokens, replica, h.clock)
		_, err := auth.Execute(s.Token.Value)
		require.NoError(t, err, "before syncing the replica does not know")
		require.NoError(t, replica.Sync(ctx))
		_, err = auth.Execute(s.Token.Value)
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
	})

	t.Run("purge_keeps_unexpired", func(t *testing.T) {
		require.NoError(t, application.NewPurgeRevocations(h.revokedRepo, h.clock).Execute(ctx))
		got, err := h.revokedRepo.RevokedSince(ctx, time.Time{}, h.clock.Now())
		require.NoError(t, err)
		require.Len(t, got, 1)
		require.Equal(t, claims.ID, got[0].ID)
	})
}
