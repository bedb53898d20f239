package gormstore

import (
	"context"
	"strings"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// queryPostgres runs a conversationViewSelect statement on PostgreSQL
// through the raw-row path. Every row of a list carries the actor as one of
// its two users; a user already decoded on the previous row is reused
// rather than decoded (and allocated) again.
func (r *DirectConversationReads) queryPostgres(ctx context.Context, sql string, args []any, capacity int, mode planMode) ([]application.DirectConversationView, error) {
	views := make([]application.DirectConversationView, 0, capacity)
	var prev *application.DirectConversationView
	err := r.s.rawRows(ctx, sql, args, mode, func(vals [][]byte) error {
		d := rawDecoder{vals: vals}
		conv := conversationRow{ID: d.id(), AccountID: d.id(), FirstUserID: d.id(), SecondUserID: d.id()}
		d.skip(2) // the pair's low and high ids
		conv.CreatedAt, conv.UpdatedAt = d.time(), d.time()
		chat := chatRow{ID: d.id(), AccountID: d.id(), ContextType: d.text(domain.ContextDirectConversation),
			ContextID: d.id(), LatestMessageID: d.nullID()}
		chat.CreatedAt, chat.UpdatedAt = d.time(), d.time()
		v := application.DirectConversationView{Conversation: conv.domain(), Chat: chat.domain()}
		v.FirstUser = d.user(prev)
		v.SecondUser = d.user(prev)
		if d.err != nil {
			return d.err
		}
		views = append(views, v)
		prev = &views[len(views)-1]
		return nil
	})
	return views, err
}

// user decodes the userColumns of one user, or skips them when prev already
// holds that user.
func (d *rawDecoder) user(prev *application.DirectConversationView) domain.User {
	id := d.id()
	if prev != nil {
		switch id {
		case prev.FirstUser.ID:
			d.skip(len(userColumns) - 1)
			return prev.FirstUser
		case prev.SecondUser.ID:
			d.skip(len(userColumns) - 1)
			return prev.SecondUser
		}
	}
	u := domain.User{ID: id, AccountID: d.id()}
	name := d.next()
	d.skip(1) // name_folded
	email := d.next()
	d.skip(1) // email_key
	u.Role = domain.Role(d.text(string(domain.RoleAdmin), string(domain.RoleMember)))
	hash := d.next()
	// The user's three texts share one string: allocating each on its own
	// was a tenth of a list page's allocations.
	var b strings.Builder
	b.Grow(len(name) + len(email) + len(hash))
	b.Write(name)
	b.Write(email)
	b.Write(hash)
	all := b.String()
	u.Name, all = all[:len(name)], all[len(name):]
	u.Email, u.PasswordHash = all[:len(email)], all[len(email):]
	u.CreatedAt, u.UpdatedAt = d.time().Time, d.time().Time
	return u
}
