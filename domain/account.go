package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxAccountNameLength is the longest account name accepted, in characters.
const MaxAccountNameLength = 100

// Account is a company: the tenancy boundary. Users see only what belongs to
// their own account.
type Account struct {
	ID        ID
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// NewAccount validates the name and returns a new account created at now.
func NewAccount(name string, now time.Time) (Account, error) {
	name = strings.TrimSpace(name)
	var v ValidationError
	if n := utf8.RuneCountInString(name); n == 0 {
		v.Add("account_name", RuleRequired)
	} else if n > MaxAccountNameLength {
		v.Add("account_name", RuleTooLong)
	} else if !ValidName(name) {
		v.Add("account_name", RuleCharacters)
	}
	if err := v.Err(); err != nil {
		return Account{}, err
	}
	now = Timestamp(now)
	return Account{ID: NewID(), Name: name, CreatedAt: now, UpdatedAt: now}, nil
}
