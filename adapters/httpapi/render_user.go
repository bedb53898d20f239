package httpapi

import (
	"github.com/parley-chat/parley/domain"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// usersPath is the path of the user collection; a user's own path adds its
// id.
const usersPath = "/api/v1/users/"

// userResource renders a user, its objects taken from ar; password data
// never leaves the server.
func userResource(u *domain.User, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	return userResourceWithID(u, u.ID.String(), fs, ar)
}

// userResourceWithID is userResource for a caller that already holds the
// user's id as text.
func userResourceWithID(u *domain.User, id string, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	a := jsonapi.NewObject(ar, fs.Of(typeUser), 256)
	a.Str("name", u.Name)
	a.Str("email", u.Email)
	a.Str("role", string(u.Role))
	a.Time("created_at", u.CreatedAt)
	a.Time("updated_at", u.UpdatedAt)
	if u.DiscardedAt.IsZero() {
		a.Null("discarded_at")
	} else {
		a.Time("discarded_at", u.DiscardedAt)
	}
	return jsonapi.Resource{Type: typeUser, ID: id, Attributes: a.Done(), Links: jsonapi.SelfLink(usersPath, id)}
}

// userCollection renders a page of users.
func userCollection(users []domain.User, fs jsonapi.Fieldsets, ar *jsonapi.Arena) []jsonapi.Resource {
	out := make([]jsonapi.Resource, len(users))
	for i := range users {
		out[i] = userResource(&users[i], fs, ar)
	}
	return out
}
