package domain

import (
	"fmt"
	"strings"
	"time"
)

// ErrLastAdmin means a change would leave an account without an active
// admin. It matches ErrConflict with errors.Is.
var ErrLastAdmin = fmt.Errorf("last active admin of the account: %w", ErrConflict)

// UserEdit is a partial change of a user's profile; nil fields stay as they
// are.
type UserEdit struct {
	Name  *string
	Email *string
	Role  *string
	// Reactivate clears DiscardedAt (the client sent "discarded_at": null).
	Reactivate bool
}

// Active reports whether the user has not been deactivated.
func (u User) Active() bool { return u.DiscardedAt.IsZero() }

// Edit applies e to u on behalf of editor, who must be an active user of the
// same account. A member may change only their own name and email; only an
// admin may change a role, reactivate or edit someone else. Sending a value
// equal to the current one is no change and needs no right. Rights are
// checked first (ErrForbidden), then every field, reporting all problems.
func (u User) Edit(editor User, e UserEdit, now time.Time) (User, error) {
	changesRole := e.Role != nil && Role(*e.Role) != u.Role
	changesState := e.Reactivate && !u.Active()
	if editor.Role != RoleAdmin && (editor.ID != u.ID || changesRole || changesState) {
		return User{}, ErrForbidden
	}
	var v ValidationError
	if e.Name != nil {
		u.Name = strings.TrimSpace(*e.Name)
		switch n := TrimmedLength(u.Name); {
		case n == 0:
			v.Add("name", RuleRequired)
		case n > MaxNameLength:
			v.Add("name", RuleTooLong)
		case !ValidName(u.Name):
			v.Add("name", RuleCharacters)
		}
	}
	if e.Email != nil {
		u.Email = strings.TrimSpace(*e.Email)
		switch {
		case u.Email == "":
			v.Add("email", RuleRequired)
		case len(u.Email) > MaxEmailLength || !ValidText(u.Email) || !ValidEmail(u.Email):
			v.Add("email", RuleFormat)
		}
	}
	if e.Role != nil {
		switch r := Role(*e.Role); r {
		case RoleAdmin, RoleMember:
			u.Role = r
		default:
			v.Add("role", RuleFormat)
		}
	}
	if err := v.Err(); err != nil {
		return User{}, err
	}
	if changesState {
		u.DiscardedAt = time.Time{}
	}
	u.UpdatedAt = Timestamp(now)
	return u, nil
}

// Deactivate soft-deletes u at now and refuses every token issued so far.
func (u User) Deactivate(now time.Time) User {
	now = Timestamp(now)
	u.DiscardedAt, u.UpdatedAt = now, now
	return u.RefuseTokens(now, "")
}

// RefuseTokens refuses every token of u issued up to now except keep.
func (u User) RefuseTokens(now time.Time, keep string) User {
	u.TokensValidAfter, u.KeptTokenID = Timestamp(now), keep
	return u
}

// AcceptsToken reports whether a token of u with id, issued at issuedAt,
// outlives the user's last refusal of tokens.
func (u User) AcceptsToken(id string, issuedAt time.Time) bool {
	return u.Active() && TokenCutoff{ValidAfter: u.TokensValidAfter, KeptTokenID: u.KeptTokenID}.Accepts(id, issuedAt)
}
