package gormstore

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// queryPostgres runs a conversationViewSelect statement on PostgreSQL
// through the fast path. Every row of a list carries the actor as one of
// its two users; a user already decoded on the previous row is reused
// rather than decoded (and allocated) again.
func (r *DirectConversationReads) queryPostgres(ctx context.Context, sql string, args []any, capacity int, mode planMode) ([]application.DirectConversationView, error) {
	views := make([]application.DirectConversationView, 0, capacity)
	var prev *application.DirectConversationView
	var pos []int
	err := r.s.rawRows(ctx, sql, args, mode, func(fields []pgconn.FieldDescription, vals [][]byte) error {
		if pos == nil {
			var err error
			if pos, err = positionsOf(fields, vcCount); err != nil {
				return err
			}
		}
		d := rawDecoder[viewColumn]{vals: vals, pos: pos}
		v := application.DirectConversationView{
			Conversation: domain.DirectConversation{
				ID: d.id(vcConvID), AccountID: d.id(vcConvAccountID),
				FirstUserID: d.id(vcConvFirstUserID), SecondUserID: d.id(vcConvSecondUserID),
				CreatedAt: d.time(vcConvCreatedAt), UpdatedAt: d.time(vcConvUpdatedAt),
			},
			Chat: domain.Chat{
				ID: d.id(vcChatID), AccountID: d.id(vcChatAccountID),
				ContextType: d.text(vcChatContextType, domain.ContextDirectConversation), ContextID: d.id(vcChatContextID),
				LatestMessageID: idPtr(d.nullID(vcChatLatestMessageID)),
				CreatedAt:       d.time(vcChatCreatedAt), UpdatedAt: d.time(vcChatUpdatedAt),
			},
			UnreadCount: d.int4(vcUnreadCount),
		}
		v.FirstUser = d.user(vcFirstUser, prev)
		v.SecondUser = d.user(vcSecondUser, prev)
		if d.err != nil {
			return d.err
		}
		views = append(views, v)
		prev = &views[len(views)-1]
		return nil
	})
	return views, err
}

// user decodes the user whose columns start at base, or reuses it when prev
// already holds that user.
func (d *rawDecoder[C]) user(base C, prev *application.DirectConversationView) domain.User {
	col := func(c userViewColumn) C { return base + C(c) }
	id := d.id(col(ucID))
	if prev != nil {
		switch id {
		case prev.FirstUser.ID:
			return prev.FirstUser
		case prev.SecondUser.ID:
			return prev.SecondUser
		}
	}
	return domain.User{
		ID: id, AccountID: d.id(col(ucAccountID)),
		Name: d.text(col(ucName)), Email: d.text(col(ucEmail)),
		Role:      domain.Role(d.text(col(ucRole), string(domain.RoleAdmin), string(domain.RoleMember))),
		CreatedAt: d.time(col(ucCreatedAt)), UpdatedAt: d.time(col(ucUpdatedAt)),
		DiscardedAt: d.nullTime(col(ucDiscardedAt)),
	}
}
