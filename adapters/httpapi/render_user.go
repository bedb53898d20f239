package httpapi

import "github.com/parley-chat/parley/domain"

// usersPath is the path of the user collection; a user's own path adds its
// id.
const usersPath = "/api/v1/users/"

// userResource renders a user, its objects taken from ar; password data
// never leaves the server.
func userResource(u *domain.User, fs fieldsets, ar *arena) resource {
	return userResourceWithID(u, u.ID.String(), fs, ar)
}

// userResourceWithID is userResource for a caller that already holds the
// user's id as text.
func userResourceWithID(u *domain.User, id string, fs fieldsets, ar *arena) resource {
	a := newObject(ar, fs.of(typeUser), 256)
	a.str("name", u.Name)
	a.str("email", u.Email)
	a.str("role", string(u.Role))
	a.time("created_at", u.CreatedAt)
	a.time("updated_at", u.UpdatedAt)
	if u.DiscardedAt.IsZero() {
		a.null("discarded_at")
	} else {
		a.time("discarded_at", u.DiscardedAt)
	}
	return resource{Type: typeUser, ID: id, Attributes: a.done(), Links: selfLink(usersPath, id)}
}

// userCollection renders a page of users.
func userCollection(users []domain.User, fs fieldsets, ar *arena) []resource {
	out := make([]resource, len(users))
	for i := range users {
		out[i] = userResource(&users[i], fs, ar)
	}
	return out
}
