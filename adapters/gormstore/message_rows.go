package gormstore

import (
	"time"

	"github.com/google/uuid"

	"github.com/parley-chat/parley/domain"
)

// messageRow is a messages row.
type messageRow struct {
	ID        domain.ID `gorm:"column:id;primaryKey"`
	ChatID    domain.ID `gorm:"column:chat_id"`
	AuthorID  domain.ID `gorm:"column:author_id"`
	Content   string    `gorm:"column:content"`
	CreatedAt dbTime    `gorm:"column:created_at;autoCreateTime:false"`
	// NULL until edited, and unless withdrawn; a withdrawn row's content
	// is empty.
	EditedAt    *dbTime `gorm:"column:edited_at"`
	DiscardedAt *dbTime `gorm:"column:discarded_at"`
}

// TableName implements GORM's tabler.
func (messageRow) TableName() string { return "messages" }

// messageColumns are the messages columns every read selects, qualified
// with alias.
func messageColumns(alias string) string {
	return alias + ".id, " + alias + ".chat_id, " + alias + ".author_id, " + alias + ".content, " +
		alias + ".created_at, " + alias + ".edited_at, " + alias + ".discarded_at"
}

func messageRowOf(m domain.Message) messageRow {
	return messageRow{
		ID: m.ID, ChatID: m.ChatID, AuthorID: m.AuthorID, Content: m.Content, CreatedAt: at(m.CreatedAt),
		EditedAt: optionalTimePtr(m.EditedAt), DiscardedAt: optionalTimePtr(m.DiscardedAt),
	}
}

func (r messageRow) domain() domain.Message {
	return domain.Message{
		ID: r.ID, ChatID: r.ChatID, AuthorID: r.AuthorID, Content: r.Content, CreatedAt: r.CreatedAt.Time,
		EditedAt: r.EditedAt.orNil(), DiscardedAt: r.DiscardedAt.orNil(),
	}
}

// optionalTimePtr is the nullable column form of t.
func optionalTimePtr(t *time.Time) *dbTime {
	if t == nil {
		return nil
	}
	v := at(*t)
	return &v
}

// orNil is the domain form of a nullable time column, as a pointer.
func (t *dbTime) orNil() *time.Time {
	if t == nil {
		return nil
	}
	v := t.Time
	return &v
}

// optionalMessageRow is a message read through a LEFT JOIN: every column is
// NULL when there is no message.
type optionalMessageRow struct {
	ID          uuid.NullUUID `gorm:"column:id"`
	ChatID      uuid.NullUUID `gorm:"column:chat_id"`
	AuthorID    uuid.NullUUID `gorm:"column:author_id"`
	Content     *string       `gorm:"column:content"`
	CreatedAt   *dbTime       `gorm:"column:created_at;autoCreateTime:false"`
	EditedAt    *dbTime       `gorm:"column:edited_at"`
	DiscardedAt *dbTime       `gorm:"column:discarded_at"`
}

// domain returns the message, or nil when the join found none.
func (r optionalMessageRow) domain() *domain.Message {
	if !r.ID.Valid || r.Content == nil || r.CreatedAt == nil {
		return nil
	}
	return &domain.Message{
		ID: r.ID.UUID, ChatID: r.ChatID.UUID, AuthorID: r.AuthorID.UUID,
		Content: *r.Content, CreatedAt: r.CreatedAt.Time,
		EditedAt: r.EditedAt.orNil(), DiscardedAt: r.DiscardedAt.orNil(),
	}
}

// revokedTokenRow is a revoked_tokens row.
type revokedTokenRow struct {
	ID        string `gorm:"column:id;primaryKey"`
	ExpiresAt dbTime `gorm:"column:expires_at"`
	RevokedAt dbTime `gorm:"column:revoked_at"`
}

// TableName implements GORM's tabler.
func (revokedTokenRow) TableName() string { return "revoked_tokens" }

func revokedTokenRowOf(t domain.RevokedToken) revokedTokenRow {
	return revokedTokenRow{ID: t.ID, ExpiresAt: at(t.ExpiresAt), RevokedAt: at(t.RevokedAt)}
}

func (r revokedTokenRow) domain() domain.RevokedToken {
	return domain.RevokedToken{ID: r.ID, ExpiresAt: r.ExpiresAt.Time, RevokedAt: r.RevokedAt.Time}
}
