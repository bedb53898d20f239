package gormstore

import "github.com/parley-chat/parley/domain"

// eventTicketRow is an event_tickets row.
type eventTicketRow struct {
	Hash           string    `gorm:"column:hash;primaryKey"`
	AccountID      domain.ID `gorm:"column:account_id"`
	UserID         domain.ID `gorm:"column:user_id"`
	Role           string    `gorm:"column:role"`
	TokenID        string    `gorm:"column:token_id"`
	TokenIssuedAt  dbTime    `gorm:"column:token_issued_at"`
	TokenExpiresAt dbTime    `gorm:"column:token_expires_at"`
	ExpiresAt      dbTime    `gorm:"column:expires_at"`
}

// TableName implements GORM's tabler.
func (eventTicketRow) TableName() string { return "event_tickets" }

func eventTicketRowOf(t domain.EventTicket) eventTicketRow {
	return eventTicketRow{
		Hash: t.Hash, AccountID: t.Actor.AccountID, UserID: t.Actor.UserID, Role: string(t.Actor.Role),
		TokenID: t.TokenID, TokenIssuedAt: at(t.TokenIssuedAt), TokenExpiresAt: at(t.TokenExpiresAt),
		ExpiresAt: at(t.ExpiresAt),
	}
}

func (r eventTicketRow) domain() domain.EventTicket {
	return domain.EventTicket{
		Hash:           r.Hash,
		Actor:          domain.Actor{AccountID: r.AccountID, UserID: r.UserID, Role: domain.Role(r.Role)},
		TokenID:        r.TokenID,
		TokenIssuedAt:  r.TokenIssuedAt.Time,
		TokenExpiresAt: r.TokenExpiresAt.Time,
		ExpiresAt:      r.ExpiresAt.Time,
	}
}
