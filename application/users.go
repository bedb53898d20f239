package application

import (
	"context"
	"fmt"

	"github.com/parley-chat/parley/domain"
)

// UserListSchema is what GET /users accepts. discarded_at is NULL while a
// user is active: blank finds the active users, present the deactivated.
var UserListSchema = ListSchema{
	Filterable:  map[string]FieldType{"name": TextField, "email": TextField, "created_at": TimeField, "discarded_at": TimeField},
	Sortable:    map[string]FieldType{"name": TextField, "created_at": TimeField},
	DefaultSort: []SortKey{{Field: "name"}},
}

// GetUser returns one user of the actor's account.
type GetUser struct {
	users domain.UserRepository
}

// NewGetUser returns the use case.
func NewGetUser(users domain.UserRepository) *GetUser { return &GetUser{users: users} }

// Execute returns user id, or domain.ErrNotFound outside the actor's account.
func (uc *GetUser) Execute(ctx context.Context, actor domain.Actor, id domain.ID) (domain.User, error) {
	return uc.users.ByID(ctx, actor.AccountID, id)
}

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

// CreateUserInput is a new member of the admin's account.
type CreateUserInput struct {
	Name     string
	Email    string
	Password string
}

// CreateUser lets an account admin add a user to their account.
type CreateUser struct {
	users  domain.UserRepository
	hasher PasswordHasher
	clock  Clock
}

// NewCreateUser returns the use case.
func NewCreateUser(users domain.UserRepository, hasher PasswordHasher, clock Clock) *CreateUser {
	return &CreateUser{users: users, hasher: hasher, clock: clock}
}

// Execute returns domain.ErrForbidden for non-admins, a
// *domain.ValidationError for bad or taken fields, else the new member.
func (uc *CreateUser) Execute(ctx context.Context, actor domain.Actor, in CreateUserInput) (domain.User, error) {
	if !actor.IsAdmin() {
		return domain.User{}, domain.ErrForbidden
	}
	draft, err := domain.UserDraft{Name: in.Name, Email: in.Email, Password: in.Password}.Validate()
	if err != nil {
		return domain.User{}, err
	}
	hash, err := uc.hasher.Hash(draft.Password)
	if err != nil {
		return domain.User{}, fmt.Errorf("hash password: %w", err)
	}
	user := domain.NewUser(actor.AccountID, draft, domain.RoleMember, hash, uc.clock.Now())
	if err := uc.users.Create(ctx, user); err != nil {
		return domain.User{}, emailTaken(err)
	}
	return user, nil
}
