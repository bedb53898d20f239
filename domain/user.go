package domain

import (
	"net/mail"
	"strings"
	"time"
)

// Role is a user's role inside their account.
type Role string

// Account roles.
const (
	RoleAdmin  Role = "admin"
	RoleMember Role = "member"
)

// User limits.
const (
	MaxNameLength    = 100
	MaxEmailLength   = 254
	MinPasswordBytes = 8
	MaxPasswordBytes = 72
)

// User is a person of one account.
type User struct {
	ID           ID
	AccountID    ID
	Name         string
	Email        string
	Role         Role
	PasswordHash string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// DiscardedAt is when the user was deactivated; zero while active.
	DiscardedAt time.Time
	// TokensValidAfter refuses every token issued at or before it, except
	// KeptTokenID (the token that changed the password); zero for none.
	TokensValidAfter time.Time
	KeptTokenID      string
}

// UserDraft is the validated input for a new user, before its password is
// hashed.
type UserDraft struct {
	Name     string
	Email    string
	Password string
}

// Validate trims the draft and checks every rule, reporting all problems.
func (d UserDraft) Validate() (UserDraft, error) {
	d.Name = strings.TrimSpace(d.Name)
	d.Email = strings.TrimSpace(d.Email)
	var v ValidationError
	switch n := TrimmedLength(d.Name); {
	case n == 0:
		v.Add("name", RuleRequired)
	case n > MaxNameLength:
		v.Add("name", RuleTooLong)
	case !ValidName(d.Name):
		v.Add("name", RuleCharacters)
	}
	switch {
	case d.Email == "":
		v.Add("email", RuleRequired)
	case len(d.Email) > MaxEmailLength || !ValidText(d.Email) || !ValidEmail(d.Email):
		v.Add("email", RuleFormat)
	}
	if rule, ok := PasswordProblem(d.Password); !ok {
		v.Add("password", rule)
	}
	return d, v.Err()
}

// PasswordProblem returns the rule password breaks and false, or ("", true)
// for an acceptable password.
func PasswordProblem(password string) (Rule, bool) {
	switch n := len(password); {
	case n == 0:
		return RuleRequired, false
	case n < MinPasswordBytes:
		return RuleTooShort, false
	case n > MaxPasswordBytes:
		return RuleTooLong, false
	case !ValidText(password):
		return RuleFormat, false
	}
	return "", true
}

// ValidEmail reports whether s is a bare address (no display name, no angle
// brackets) with a dotted domain.
func ValidEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// NewUser builds a user of account from a validated draft and a password hash.
func NewUser(accountID ID, d UserDraft, role Role, passwordHash string, now time.Time) User {
	now = Timestamp(now)
	return User{
		ID:           NewID(),
		AccountID:    accountID,
		Name:         d.Name,
		Email:        d.Email,
		Role:         role,
		PasswordHash: passwordHash,
		CreatedAt:    now,
		UpdatedAt:    now,
	}
}
