package contract_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// raceSaves saves every user at once and returns the errors in order.
func raceSaves(repo domain.UserLifecycleRepository, changed []domain.User) []error {
	errs := make([]error, len(changed))
	ready := make(chan struct{})
	var wg sync.WaitGroup
	for i, u := range changed {
		wg.Go(func() {
			<-ready
			errs[i] = repo.Save(context.Background(), u)
		})
	}
	close(ready)
	wg.Wait()
	return errs
}

func TestConcurrentRenamesToOneAddress(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		const callers = 8
		changed := make([]domain.User, callers)
		for i := range changed {
			u := addUser(t, p, ada, "User", domain.NewID().String()+"@x.test", base)
			u.Email = "Wanted@X.test"
			changed[i] = u
		}
		won := -1
		for i, err := range raceSaves(users, changed) {
			if err == nil {
				require.Equal(t, -1, won, "only one rename may win")
				won = i
				continue
			}
			require.ErrorIs(t, err, domain.ErrConflict, "call %d", i)
			require.False(t, errors.Is(err, domain.ErrLastAdmin), "call %d", i)
		}
		require.NotEqual(t, -1, won, "one rename wins")
		owner, err := users.ByEmail(context.Background(), "wanted@x.test")
		require.NoError(t, err)
		require.Equal(t, changed[won].ID, owner.ID)
	})
}

func TestConcurrentDemotionsKeepAnAdmin(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		users := lifecycleRepo(t, p)
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		bob.Role = domain.RoleAdmin
		require.NoError(t, users.Save(context.Background(), bob))
		demotedAda, demotedBob := ada, bob
		demotedAda.Role, demotedBob.Role = domain.RoleMember, domain.RoleMember
		errs := raceSaves(users, []domain.User{demotedAda, demotedBob.Deactivate(base)})
		failures := 0
		for _, err := range errs {
			if err != nil {
				require.ErrorIs(t, err, domain.ErrLastAdmin)
				failures++
			}
		}
		require.Equal(t, 1, failures, "exactly one of two concurrent demotions wins: %v", errs)
	})
}
