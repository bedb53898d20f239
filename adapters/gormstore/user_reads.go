package gormstore

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// UserReads answers collection queries over users.
type UserReads struct {
	s *Store
}

var _ application.UserReadModel = (*UserReads)(nil)

// NewUserReads returns the user read model of s.
func NewUserReads(s *Store) *UserReads { return &UserReads{s: s} }

// userFields maps the filterable and sortable user attributes. Sorting by
// name sorts by the folded name, which is also the cursor's value.
var userFields = map[string]field{
	"name":       {expr: "u.name", folded: "u.name_folded", typ: application.TextField},
	"email":      {expr: "u.email", folded: "u.email_key", typ: application.TextField},
	"created_at": {expr: "u.created_at", typ: application.TimeField},
	// Nullable: set while the user is deactivated.
	"discarded_at": {expr: "u.discarded_at", typ: application.TimeField},
}

var userSortFields = map[string]field{
	"name":       {expr: "u.name_folded", typ: application.TextField},
	"created_at": {expr: "u.created_at", typ: application.TimeField},
}

// userListSelect reads what a user resource shows: no password hash, no
// folded copies.
var userListSelect = viewUserColumns("u", "")

// List returns up to q.Size+1 users of the actor's account in one
// statement, walking (account_id, name_folded, id) or (account_id,
// created_at, id).
func (r *UserReads) List(ctx context.Context, actor domain.Actor, q application.ListQuery) ([]domain.User, error) {
	w := &where{postgres: r.s.isPostgres()}
	w.add("u.account_id = ?", actor.AccountID)
	for _, f := range q.Filters {
		fd, ok := userFields[f.Field]
		if !ok {
			return nil, fmt.Errorf("list users: unknown filter field %q", f.Field)
		}
		if err := w.filter(fd, f); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
	}
	order := ordering{id: "u.id"}
	for _, k := range q.Sort {
		fd, ok := userSortFields[k.Field]
		if !ok {
			return nil, fmt.Errorf("list users: unknown sort field %q", k.Field)
		}
		order.keys = append(order.keys, orderKey{field: fd, desc: k.Desc})
	}
	order.after(w, q.After)
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var rows []userRow
	err := r.s.conn(ctx).Table("users u").Select(userListSelect).
		Scopes(w.scope).Order(order.orderBy(w)).Limit(q.Size + 1).
		Find(&rows).Error
	if err != nil {
		return nil, translate("list users", err)
	}
	users := make([]domain.User, len(rows))
	for i, row := range rows {
		users[i] = row.domain()
	}
	return users, nil
}
