package memstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// seed stores an account with users named names, created a second apart.
func seed(t *testing.T, s *memstore.Store, names ...string) (domain.Account, []domain.User) {
	t.Helper()
	ctx := context.Background()
	acc, err := domain.NewAccount("Acme", t0)
	require.NoError(t, err)
	var users []domain.User
	for i, n := range names {
		d := domain.UserDraft{Name: n, Email: domain.NewID().String() + "@acme.test"}
		u := domain.NewUser(acc.ID, d, domain.RoleMember, "h", t0.Add(time.Duration(i)*time.Second))
		if i == 0 {
			require.NoError(t, memstore.NewUsers(s).CreateWithAccount(ctx, acc, u))
		} else {
			require.NoError(t, memstore.NewUsers(s).Create(ctx, u))
		}
		users = append(users, u)
	}
	return acc, users
}

func TestUsers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := memstore.New()
	users := memstore.NewUsers(s)
	_, seeded := seed(t, s, "Ada")
	ada := seeded[0]

	got, err := users.ByEmail(ctx, "  "+strings.ToUpper(ada.Email)+" ")
	require.NoError(t, err)
	require.Equal(t, ada.ID, got.ID)
	_, err = users.ByID(ctx, domain.NewID(), ada.ID)
	require.ErrorIs(t, err, domain.ErrNotFound)

	other, err := domain.NewAccount("Other", t0)
	require.NoError(t, err)
	dup := domain.NewUser(other.ID, domain.UserDraft{Name: "X", Email: " " + strings.ToUpper(ada.Email) + "\t"}, domain.RoleAdmin, "h", t0)
	require.ErrorIs(t, users.CreateWithAccount(ctx, other, dup), domain.ErrConflict)
	require.Equal(t, memstore.Counts{Accounts: 1, Users: 1}, s.Counts(), "a conflict writes nothing")

	orphan := domain.NewUser(domain.NewID(), domain.UserDraft{Name: "O", Email: "o@acme.test"}, domain.RoleMember, "h", t0)
	require.ErrorIs(t, users.Create(ctx, orphan), domain.ErrNotFound)
}

func TestContextCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := memstore.New()
	_, err := memstore.NewUsers(s).ByEmail(ctx, "a@b.test")
	require.ErrorIs(t, err, context.Canceled)
	_, err = memstore.NewUserReads(s).List(ctx, domain.Actor{}, application.ListQuery{Size: 1})
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, memstore.NewMessages(s).Post(ctx, domain.Message{}), context.Canceled)
}
