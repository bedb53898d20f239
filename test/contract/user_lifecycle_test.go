package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// lifecycleRepo is the lane's user repository with the lifecycle methods
// every store implements.
func lifecycleRepo(t *testing.T, p ports) domain.UserLifecycleRepository {
	t.Helper()
	repo, ok := p.users.(domain.UserLifecycleRepository)
	require.True(t, ok, "%s users implement the lifecycle methods", p.name)
	return repo
}

func TestUserSave(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		carol := addUser(t, p, ada, "Carol", "carol@x.test", base)
		later := base.Add(time.Hour).Add(123456 * time.Microsecond)

		t.Run("round_trips_every_field", func(t *testing.T) {
			changed := bob
			changed.Name, changed.Email, changed.Role, changed.UpdatedAt = "Robert", "Robert@X.test", domain.RoleAdmin, later
			changed.DiscardedAt, changed.TokensValidAfter, changed.KeptTokenID = later, later, "kept-token"
			require.NoError(t, users.Save(ctx, changed))
			got, err := users.ByID(ctx, ada.AccountID, bob.ID)
			require.NoError(t, err)
			require.Equal(t, changed, got)
			byEmail, err := users.ByEmail(ctx, "robert@x.TEST")
			require.NoError(t, err)
			require.Equal(t, bob.ID, byEmail.ID)
			_, err = users.ByEmail(ctx, "bob@x.test")
			require.ErrorIs(t, err, domain.ErrNotFound, "the old address is free")
			changed.DiscardedAt, changed.TokensValidAfter, changed.KeptTokenID = time.Time{}, time.Time{}, ""
			require.NoError(t, users.Save(ctx, changed))
			got, err = users.ByID(ctx, ada.AccountID, bob.ID)
			require.NoError(t, err)
			require.Equal(t, changed, got, "cleared fields read back as zero")
			bob = got
		})
		t.Run("taken_email_is_a_conflict_and_writes_nothing", func(t *testing.T) {
			changed := carol
			changed.Name, changed.Email = "Carol 2", "ADA@x.test"
			require.ErrorIs(t, users.Save(ctx, changed), domain.ErrConflict)
			got, err := users.ByID(ctx, ada.AccountID, carol.ID)
			require.NoError(t, err)
			require.Equal(t, carol, got)
		})
		t.Run("unknown_or_foreign_user_is_not_found", func(t *testing.T) {
			ghost := carol
			ghost.ID = domain.NewID()
			require.ErrorIs(t, users.Save(ctx, ghost), domain.ErrNotFound)
			foreign := carol
			foreign.AccountID = domain.NewID()
			require.ErrorIs(t, users.Save(ctx, foreign), domain.ErrNotFound)
		})
		t.Run("the_last_active_admin_stays", func(t *testing.T) {
			other := newAccount(t, p, "Grace", "grace@y.test")
			demoted := other
			demoted.Role = domain.RoleMember
			require.ErrorIs(t, users.Save(ctx, demoted), domain.ErrLastAdmin)
			require.ErrorIs(t, users.Save(ctx, other.Deactivate(later)), domain.ErrLastAdmin)
			got, err := users.ByID(ctx, other.AccountID, other.ID)
			require.NoError(t, err)
			require.Equal(t, other, got, "nothing was written")
			// Ada's account has two admins (Bob was promoted above).
			require.NoError(t, users.Save(ctx, ada.Deactivate(later)))
			require.ErrorIs(t, users.Save(ctx, bob.Deactivate(later)), domain.ErrLastAdmin)
		})
	})
}

func TestTokenCutoffsAndDeactivatedPeers(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		carol := addUser(t, p, ada, "Carol", "carol@x.test", base)
		conv := start(t, p, ada, bob, base)

		all, err := users.CutoffsSince(ctx, time.Time{})
		require.NoError(t, err)
		require.Empty(t, all)
		gone, err := p.members.HasDeactivatedPeer(ctx, conv.Chat.ID, ada.ID)
		require.NoError(t, err)
		require.False(t, gone)

		first, second := base.Add(time.Minute), base.Add(2*time.Minute)
		require.NoError(t, users.Save(ctx, carol.RefuseTokens(first, "kept")))
		require.NoError(t, users.Save(ctx, bob.Deactivate(second)))
		all, err = users.CutoffsSince(ctx, time.Time{})
		require.NoError(t, err)
		require.Equal(t, []domain.TokenCutoff{
			{UserID: carol.ID, ValidAfter: first, KeptTokenID: "kept"},
			{UserID: bob.ID, ValidAfter: second},
		}, all)
		recent, err := users.CutoffsSince(ctx, second)
		require.NoError(t, err)
		require.Equal(t, []domain.TokenCutoff{{UserID: bob.ID, ValidAfter: second}}, recent, "since is inclusive")

		gone, err = p.members.HasDeactivatedPeer(ctx, conv.Chat.ID, ada.ID)
		require.NoError(t, err)
		require.True(t, gone)
		gone, err = p.members.HasDeactivatedPeer(ctx, conv.Chat.ID, bob.ID)
		require.NoError(t, err)
		require.False(t, gone, "the deactivated member's own side is not a deactivated peer")
	})
}
