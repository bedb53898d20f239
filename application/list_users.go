package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// ListUsers pages through the users of the actor's account.
type ListUsers struct {
	users UserReadModel
}

// NewListUsers returns the use case.
func NewListUsers(users UserReadModel) *ListUsers { return &ListUsers{users: users} }

// Execute validates raw (a *ParameterError on failure) and returns one page.
func (uc *ListUsers) Execute(ctx context.Context, actor domain.Actor, raw RawListQuery) (Page[domain.User], error) {
	q, err := UserListSchema.Parse(raw)
	if err != nil {
		return Page[domain.User]{}, err
	}
	items, err := uc.users.List(ctx, actor, q)
	if err != nil {
		return Page[domain.User]{}, fmt.Errorf("list users: %w", err)
	}
	return PageOf(items, q, userKey), nil
}

func userKey(u domain.User, sort []SortKey) ([]any, domain.ID) {
	values := make([]any, len(sort))
	for i, k := range sort {
		switch k.Field {
		case "name":
			values[i] = FoldText(u.Name)
		default:
			values[i] = u.CreatedAt
		}
	}
	return values, u.ID
}
