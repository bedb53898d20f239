package domain

// Actor is the authenticated caller of a use case. The HTTP adapter builds it
// from a verified token and passes it explicitly; nothing below the edge reads
// identity from a context value.
type Actor struct {
	AccountID ID
	UserID    ID
	Role      Role
}

// IsAdmin reports whether the actor administers their account.
func (a Actor) IsAdmin() bool { return a.Role == RoleAdmin }
