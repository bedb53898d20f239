package httpapi

import "github.com/parley-chat/parley/domain"

// userPath is the path of a user resource.
func userPath(id string) string { return "/api/v1/users/" + id }

// userResource renders a user; password data never leaves the server.
func userResource(u *domain.User, fs fieldsets) resource {
	return userResourceWithID(u, u.ID.String(), fs)
}

// userResourceWithID is userResource for a caller that already holds the
// user's id as text.
func userResourceWithID(u *domain.User, id string, fs fieldsets) resource {
	a := newObject(fs.of(typeUser), 256)
	a.str("name", u.Name)
	a.str("email", u.Email)
	a.str("role", string(u.Role))
	a.time("created_at", u.CreatedAt)
	a.time("updated_at", u.UpdatedAt)
	return resource{Type: typeUser, ID: id, Attributes: a.done(), Links: &resourceLinks{Self: userPath(id)}}
}

// userCollection renders a page of users.
func userCollection(users []domain.User, fs fieldsets) []resource {
	out := make([]resource, len(users))
	for i := range users {
		out[i] = userResource(&users[i], fs)
	}
	return out
}
