package gormstore

import (
	"time"

	"github.com/parley-chat/parley/domain"
)

// optionalTime is the nullable column form of t: NULL for the zero time.
func optionalTime(t time.Time) *dbTime {
	if t.IsZero() {
		return nil
	}
	v := at(t)
	return &v
}

// orZero is the domain form of a nullable time column.
func (t *dbTime) orZero() time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.Time
}

// optionalText is the nullable column form of s: NULL for "".
func optionalText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// textOrEmpty is the domain form of a nullable text column.
func textOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// tokenCutoffRow is the part of a users row that token cutoffs read.
type tokenCutoffRow struct {
	ID               domain.ID `gorm:"column:id"`
	TokensValidAfter dbTime    `gorm:"column:tokens_valid_after"`
	KeptTokenID      *string   `gorm:"column:kept_token_id"`
}

func (r tokenCutoffRow) domain() domain.TokenCutoff {
	return domain.TokenCutoff{UserID: r.ID, ValidAfter: r.TokensValidAfter.Time, KeptTokenID: textOrEmpty(r.KeptTokenID)}
}
