package contract_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestUserRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada Lovelace", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "Bob@X.test", base)
		other := newAccount(t, p, "Grace Hopper", "grace@y.test")

		t.Run("by_id_returns_what_was_stored", func(t *testing.T) {
			got, err := p.users.ByID(ctx, ada.AccountID, bob.ID)
			require.NoError(t, err)
			require.Equal(t, bob, got)
		})
		t.Run("by_id_respects_tenancy", func(t *testing.T) {
			_, err := p.users.ByID(ctx, other.AccountID, bob.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = p.users.ByID(ctx, ada.AccountID, domain.NewID())
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("by_email_folds_case", func(t *testing.T) {
			for _, e := range []string{"bob@x.test", "BOB@X.TEST", " Bob@X.test "} {
				got, err := p.users.ByEmail(ctx, e)
				require.NoError(t, err, e)
				require.Equal(t, bob.ID, got.ID)
			}
			_, err := p.users.ByEmail(ctx, "nobody@x.test")
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("duplicate_email_is_a_conflict", func(t *testing.T) {
			dup := domain.NewUser(ada.AccountID, domain.UserDraft{Name: "Ada 2", Email: "ADA@x.test"}, domain.RoleMember, "hash", base)
			require.ErrorIs(t, p.users.Create(ctx, dup), domain.ErrConflict)
			dup.AccountID = other.AccountID
			require.ErrorIs(t, p.users.Create(ctx, dup), domain.ErrConflict, "emails are unique across accounts")
		})
		t.Run("duplicate_email_on_sign_up_writes_no_account", func(t *testing.T) {
			acc, err := domain.NewAccount("Dup Inc", base)
			require.NoError(t, err)
			u := domain.NewUser(acc.ID, domain.UserDraft{Name: "Dup", Email: "ada@X.TEST"}, domain.RoleAdmin, "hash", base)
			require.ErrorIs(t, p.users.CreateWithAccount(ctx, acc, u), domain.ErrConflict)
			fresh := domain.NewUser(acc.ID, domain.UserDraft{Name: "Fresh", Email: "fresh@x.test"}, domain.RoleMember, "hash", base)
			require.Error(t, p.users.Create(ctx, fresh), "the account of the failed sign-up does not exist")
		})
		t.Run("unicode_email_folds", func(t *testing.T) {
			u := addUser(t, p, ada, "Jürgen", "jürgen@x.test", base)
			got, err := p.users.ByEmail(ctx, "JÜRGEN@X.TEST")
			require.NoError(t, err)
			require.Equal(t, u.ID, got.ID)
		})
	})
}
