package memstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var _ application.UserReadModel = (*UserReads)(nil)

// UserReads answers collection queries over the users of a Store.
type UserReads struct {
	s *Store
}

// NewUserReads returns the user read model of s.
func NewUserReads(s *Store) *UserReads { return &UserReads{s: s} }

var userListing = listing[domain.User]{
	schema: application.UserListSchema,
	fields: map[string]func(domain.User) any{
		"name":         func(u domain.User) any { return u.Name },
		"email":        func(u domain.User) any { return u.Email },
		"created_at":   func(u domain.User) any { return u.CreatedAt },
		"discarded_at": func(u domain.User) any { return u.DiscardedAt },
	},
	id: func(u domain.User) domain.ID { return u.ID },
}

// List returns up to q.Size+1 users of actor's account matching q, in q's
// order, without their password hashes.
func (r *UserReads) List(ctx context.Context, actor domain.Actor, q application.ListQuery) ([]domain.User, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	var users []domain.User
	for _, u := range r.s.users {
		if u.AccountID == actor.AccountID {
			users = append(users, withoutHash(u))
		}
	}
	r.s.mu.RUnlock()
	return userListing.page(users, q)
}
