package gormstore

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// The details an inbox page includes (the latest messages with their
// authors, the caller's bookmarks) go through the fast path on PostgreSQL
// too: through GORM they cost about 2,500 allocations per page of 20, most
// of them each id bound as text through driver.Valuer and parsed back, and
// the page with every include served about half as many requests as the
// plain list (docs/BENCHMARKS.md, run 5). The ids go as one uuid[]
// parameter, so each statement is prepared once per connection whatever
// the page's length.

// messageColumn is one column of the latest-message statement; the
// author's columns follow userViewColumn from mcAuthor.
type messageColumn int

const (
	mcID messageColumn = iota
	mcChatID
	mcAuthorID
	mcContent
	mcCreatedAt
	mcEditedAt
	mcDiscardedAt
	mcAuthor
	mcCount = mcAuthor + messageColumn(ucCount)
)

var messageColumnNames = func() [mcCount]string {
	n := [mcCount]string{mcID: "id", mcChatID: "chat_id", mcAuthorID: "author_id", mcContent: "content", mcCreatedAt: "created_at",
		mcEditedAt: "edited_at", mcDiscardedAt: "discarded_at"}
	for i, u := range viewUserNames {
		n[mcAuthor+messageColumn(i)] = "a_" + u
	}
	return n
}()

func (c messageColumn) resultName() string { return messageColumnNames[c] }

// bookmarkColumn is one column of the bookmark statement.
type bookmarkColumn int

const (
	bcChatID bookmarkColumn = iota
	bcUserID
	bcUpdatedAt
	bcCount
)

var bookmarkColumnNames = [bcCount]string{bcChatID: "chat_id", bcUserID: "user_id", bcUpdatedAt: "updated_at"}

func (c bookmarkColumn) resultName() string { return bookmarkColumnNames[c] }

var latestMessagesSQL = "SELECT " + messageViewSelect + `
FROM messages msg JOIN users a ON a.id = msg.author_id WHERE msg.id = ANY(?)`

const bookmarksSQL = `SELECT chat_id, user_id, updated_at FROM chat_bookmarks WHERE user_id = ? AND chat_id = ANY(?)`

// uuidArray is ids as one binary uuid[] parameter.
func uuidArray(ids []domain.ID) []pgtype.UUID {
	out := make([]pgtype.UUID, len(ids))
	for i, id := range ids {
		out[i] = pgtype.UUID{Bytes: id, Valid: true}
	}
	return out
}

// latestMessagesPostgres is LatestMessages on the fast path.
func (r *ConversationDetails) latestMessagesPostgres(ctx context.Context, ids []domain.ID) ([]application.MessageView, error) {
	views := make([]application.MessageView, 0, len(ids))
	var pos []int
	err := r.s.rawRows(ctx, latestMessagesSQL, []any{uuidArray(ids)}, planCached, func(fields []pgconn.FieldDescription, vals [][]byte) error {
		if pos == nil {
			var err error
			if pos, err = positionsOf(fields, mcCount); err != nil {
				return err
			}
		}
		d := rawDecoder[messageColumn]{vals: vals, pos: pos}
		v := application.MessageView{Message: domain.Message{
			ID: d.id(mcID), ChatID: d.id(mcChatID), AuthorID: d.id(mcAuthorID),
			Content: d.text(mcContent), CreatedAt: d.time(mcCreatedAt),
			EditedAt: nullableTime(d.nullTime(mcEditedAt)), DiscardedAt: nullableTime(d.nullTime(mcDiscardedAt)),
		}}
		v.Author = d.user(mcAuthor, nil)
		if d.err != nil {
			return d.err
		}
		views = append(views, v)
		return nil
	})
	return views, err
}

// bookmarksPostgres is Bookmarks on the fast path.
func (r *ConversationDetails) bookmarksPostgres(ctx context.Context, actor domain.Actor, chatIDs []domain.ID) ([]domain.ChatBookmark, error) {
	out := make([]domain.ChatBookmark, 0, len(chatIDs))
	var pos []int
	err := r.s.rawRows(ctx, bookmarksSQL, []any{actor.UserID, uuidArray(chatIDs)}, planCached, func(fields []pgconn.FieldDescription, vals [][]byte) error {
		if pos == nil {
			var err error
			if pos, err = positionsOf(fields, bcCount); err != nil {
				return err
			}
		}
		d := rawDecoder[bookmarkColumn]{vals: vals, pos: pos}
		b := domain.ChatBookmark{ChatID: d.id(bcChatID), UserID: d.id(bcUserID), UpdatedAt: d.time(bcUpdatedAt)}
		if d.err != nil {
			return d.err
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// nullableTime is t, or nil for the zero time of a NULL column.
func nullableTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
