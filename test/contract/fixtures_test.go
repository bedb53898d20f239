package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// base is the fixed instant every fixture time is derived from.
var base = time.Date(2026, 3, 14, 9, 26, 53, 589793000, time.UTC)

// clock is an application.Clock stopped at one instant.
type clock struct {
	now time.Time
}

func newClock() *clock { return &clock{now: base} }

// Now returns the fixed instant.
func (c *clock) Now() time.Time { return c.now }

func actorOf(u domain.User) domain.Actor {
	return domain.Actor{AccountID: u.AccountID, UserID: u.ID, Role: u.Role}
}

// newAccount stores an account with its first user, an admin.
func newAccount(t *testing.T, p ports, name, email string) domain.User {
	t.Helper()
	acc, err := domain.NewAccount(name+" Inc", base)
	require.NoError(t, err)
	admin := domain.NewUser(acc.ID, domain.UserDraft{Name: name, Email: email}, domain.RoleAdmin, "hash", base)
	require.NoError(t, p.users.CreateWithAccount(context.Background(), acc, admin))
	return admin
}

// addUser stores a member of the admin's account.
func addUser(t *testing.T, p ports, admin domain.User, name, email string, at time.Time) domain.User {
	t.Helper()
	u := domain.NewUser(admin.AccountID, domain.UserDraft{Name: name, Email: email}, domain.RoleMember, "hash", at)
	require.NoError(t, p.users.Create(context.Background(), u))
	return u
}

// start stores the conversation that from starts with to at now.
func start(t *testing.T, p ports, from, to domain.User, now time.Time) domain.DirectConversationAggregate {
	t.Helper()
	agg, err := domain.StartDirectConversation(actorOf(from), to, now)
	require.NoError(t, err)
	require.NoError(t, p.conversations.Create(context.Background(), agg))
	return agg
}

// withoutHash is u as views show it: read models never read password hashes.
func withoutHash(u domain.User) domain.User {
	u.PasswordHash = ""
	return u
}
