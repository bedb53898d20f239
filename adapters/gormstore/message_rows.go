package gormstore

import (
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
}

// TableName implements GORM's tabler.
func (messageRow) TableName() string { return "messages" }

func messageRowOf(m domain.Message) messageRow {
	return messageRow{ID: m.ID, ChatID: m.ChatID, AuthorID: m.AuthorID, Content: m.Content, CreatedAt: at(m.CreatedAt)}
}

func (r messageRow) domain() domain.Message {
	return domain.Message{ID: r.ID, ChatID: r.ChatID, AuthorID: r.AuthorID, Content: r.Content, CreatedAt: r.CreatedAt.Time}
}

// optionalMessageRow is a message read through a LEFT JOIN: every column is
// NULL when there is no message.
type optionalMessageRow struct {
	ID        uuid.NullUUID `gorm:"column:id"`
	ChatID    uuid.NullUUID `gorm:"column:chat_id"`
	AuthorID  uuid.NullUUID `gorm:"column:author_id"`
	Content   *string       `gorm:"column:content"`
	CreatedAt *dbTime       `gorm:"column:created_at;autoCreateTime:false"`
}

// domain returns the message, or nil when the join found none.
func (r optionalMessageRow) domain() *domain.Message {
	if !r.ID.Valid || r.Content == nil || r.CreatedAt == nil {
		return nil
	}
	return &domain.Message{
		ID: r.ID.UUID, ChatID: r.ChatID.UUID, AuthorID: r.AuthorID.UUID,
		Content: *r.Content, CreatedAt: r.CreatedAt.Time,
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
