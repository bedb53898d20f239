package gormstore

import (
	"strings"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	accountColumns = []string{"id", "name", "created_at", "updated_at"}
	userColumns    = []string{"id", "account_id", "name", "name_folded", "email", "email_key", "role", "password_hash", "created_at", "updated_at"}
)

func accountValues(a domain.Account) []any {
	return []any{a.ID, a.Name, at(a.CreatedAt), at(a.UpdatedAt)}
}

// userRow is a users row. NameFolded and EmailKey are the folded copies
// that searching, sorting and email uniqueness use.
type userRow struct {
	ID, AccountID                           domain.ID
	Name, NameFolded, Email, EmailKey, Role string
	PasswordHash                            string
	CreatedAt, UpdatedAt                    dbTime
}

func userRowOf(u domain.User) userRow {
	return userRow{
		ID: u.ID, AccountID: u.AccountID,
		Name: u.Name, NameFolded: application.FoldText(u.Name),
		Email: u.Email, EmailKey: emailKey(u.Email),
		Role: string(u.Role), PasswordHash: u.PasswordHash,
		CreatedAt: at(u.CreatedAt), UpdatedAt: at(u.UpdatedAt),
	}
}

// emailKey is the form in which emails are unique and looked up.
func emailKey(email string) string { return application.FoldText(strings.TrimSpace(email)) }

func (r userRow) values() []any {
	return []any{r.ID, r.AccountID, r.Name, r.NameFolded, r.Email, r.EmailKey, r.Role, r.PasswordHash, r.CreatedAt, r.UpdatedAt}
}

func (r *userRow) dest() []any {
	return []any{&r.ID, &r.AccountID, &r.Name, &r.NameFolded, &r.Email, &r.EmailKey, &r.Role, &r.PasswordHash, &r.CreatedAt, &r.UpdatedAt}
}

func (r userRow) domain() domain.User {
	return domain.User{
		ID: r.ID, AccountID: r.AccountID, Name: r.Name, Email: r.Email,
		Role: domain.Role(r.Role), PasswordHash: r.PasswordHash,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
	}
}

func userDest(r *userRow) []any { return r.dest() }
