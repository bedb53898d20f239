package gormstore

import (
	"strings"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// Row models: one GORM struct per table, private to this adapter, each with
// the one pair of functions that maps it from and to its domain type. Time
// columns are dbTime (fixed-width UTC text on SQLite, timestamptz on
// PostgreSQL); GORM's automatic timestamps are off, the domain sets them.

// accountRow is an accounts row.
type accountRow struct {
	ID        domain.ID `gorm:"column:id;primaryKey"`
	Name      string    `gorm:"column:name"`
	CreatedAt dbTime    `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt dbTime    `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements GORM's tabler.
func (accountRow) TableName() string { return "accounts" }

func accountRowOf(a domain.Account) accountRow {
	return accountRow{ID: a.ID, Name: a.Name, CreatedAt: at(a.CreatedAt), UpdatedAt: at(a.UpdatedAt)}
}

// userRow is a users row. NameFolded and EmailKey are the folded copies
// that searching, sorting and email uniqueness use.
type userRow struct {
	ID           domain.ID `gorm:"column:id;primaryKey"`
	AccountID    domain.ID `gorm:"column:account_id"`
	Name         string    `gorm:"column:name"`
	NameFolded   string    `gorm:"column:name_folded"`
	Email        string    `gorm:"column:email"`
	EmailKey     string    `gorm:"column:email_key"`
	Role         string    `gorm:"column:role"`
	PasswordHash string    `gorm:"column:password_hash"`
	CreatedAt    dbTime    `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt    dbTime    `gorm:"column:updated_at;autoUpdateTime:false"`
	// The lifecycle columns (user_lifecycle_rows.go); NULL when unset.
	DiscardedAt      *dbTime `gorm:"column:discarded_at"`
	TokensValidAfter *dbTime `gorm:"column:tokens_valid_after"`
	KeptTokenID      *string `gorm:"column:kept_token_id"`
}

// TableName implements GORM's tabler.
func (userRow) TableName() string { return "users" }

func userRowOf(u domain.User) userRow {
	return userRow{
		ID: u.ID, AccountID: u.AccountID,
		Name: u.Name, NameFolded: application.FoldText(u.Name),
		Email: u.Email, EmailKey: emailKey(u.Email),
		Role: string(u.Role), PasswordHash: u.PasswordHash,
		CreatedAt: at(u.CreatedAt), UpdatedAt: at(u.UpdatedAt),
		DiscardedAt: optionalTime(u.DiscardedAt), TokensValidAfter: optionalTime(u.TokensValidAfter),
		KeptTokenID: optionalText(u.KeptTokenID),
	}
}

func (r userRow) domain() domain.User {
	return domain.User{
		ID: r.ID, AccountID: r.AccountID, Name: r.Name, Email: r.Email,
		Role: domain.Role(r.Role), PasswordHash: r.PasswordHash,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time,
		DiscardedAt: r.DiscardedAt.orZero(), TokensValidAfter: r.TokensValidAfter.orZero(),
		KeptTokenID: textOrEmpty(r.KeptTokenID),
	}
}

// emailKey is the form in which emails are unique and looked up.
func emailKey(email string) string { return application.FoldText(strings.TrimSpace(email)) }

// viewUserColumns are the users columns a view shows, qualified with alias
// and named prefix+column so that an embedded userRow with that prefix
// scans them: never the password hash or the folded copies.
func viewUserColumns(alias, prefix string) string {
	parts := make([]string, len(viewUserNames))
	for i, n := range viewUserNames {
		parts[i] = alias + "." + n + " AS " + prefix + n
	}
	return strings.Join(parts, ", ")
}
