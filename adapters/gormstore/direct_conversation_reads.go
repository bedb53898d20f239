package gormstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// DirectConversationReads answers queries over direct conversations, each in
// one statement that joins the conversation, its chat and both users.
type DirectConversationReads struct {
	s *Store
}

var _ application.DirectConversationReadModel = (*DirectConversationReads)(nil)

// NewDirectConversationReads returns the direct conversation read model of s.
func NewDirectConversationReads(s *Store) *DirectConversationReads {
	return &DirectConversationReads{s: s}
}

// conversationFields maps the filterable and sortable attributes. The
// activity time is the member's denormalised copy, m.chat_updated_at, so
// the default order walks the inbox index instead of sorting a join.
var conversationFields = map[string]field{
	"first_user_id":   {expr: "c.first_user_id", typ: application.IDField},
	"second_user_id":  {expr: "c.second_user_id", typ: application.IDField},
	"created_at":      {expr: "c.created_at", typ: application.TimeField},
	"updated_at":      {expr: "c.updated_at", typ: application.TimeField},
	"chat_updated_at": {expr: "m.chat_updated_at", typ: application.TimeField},
}

// The view statements are written out: the query builder would need five
// aliased joins, a conditional sixth and a spelled-out keyset condition.
// conversationViewSelect (direct_conversation_view.go) is their shared
// beginning.

// List returns up to q.Size+1 of the actor's conversations in one statement.
func (r *DirectConversationReads) List(ctx context.Context, actor domain.Actor, q application.DirectConversationQuery) ([]application.DirectConversationView, error) {
	w := &where{postgres: r.s.isPostgres()}
	w.add("m.user_id = ? AND m.direct_conversation_id IS NOT NULL AND c.account_id = ?", actor.UserID, actor.AccountID)
	from := conversationViewSelect
	if q.SearchPeer != "" {
		from += "\nJOIN users p ON p.id = m.peer_user_id"
		w.add(`p.name_folded LIKE ? ESCAPE '\'`, "%"+escapeLike(q.SearchPeer)+"%")
	}
	if q.UnreadOnly {
		// Spelled as the predicate of chat_memberships_unread_idx, so that
		// the list walks only the conversations with unread messages.
		w.add("m.unread_count > 0")
	}
	for _, f := range q.Filters {
		fd, ok := conversationFields[f.Field]
		if !ok || f.Field == "chat_updated_at" {
			return nil, fmt.Errorf("list direct conversations: unknown filter field %q", f.Field)
		}
		if err := w.filter(fd, f); err != nil {
			return nil, fmt.Errorf("list direct conversations: %w", err)
		}
	}
	order := ordering{id: "m.direct_conversation_id"}
	for _, k := range q.Sort {
		fd, ok := conversationFields[k.Field]
		if !ok || fd.typ != application.TimeField {
			return nil, fmt.Errorf("list direct conversations: unknown sort field %q", k.Field)
		}
		order.keys = append(order.keys, orderKey{field: fd, desc: k.Desc})
	}
	order.after(w, q.After)
	sql := from + "\nWHERE " + w.sql() + "\nORDER BY " + order.orderBy(w) + " LIMIT " + strconv.Itoa(q.Size+1)
	// A peer search walks the inbox index when the pattern is common and
	// starts from the few matching users when it is rare; only a plan made
	// for the actual pattern can tell which, so it is never a generic one.
	mode := planGeneric
	if q.SearchPeer != "" {
		mode = planCustom
	}
	return r.query(ctx, "list direct conversations", sql, w.args(), q.Size+1, mode)
}

// Get returns conversation id when the actor takes part in it.
func (r *DirectConversationReads) Get(ctx context.Context, actor domain.Actor, id domain.ID) (application.DirectConversationView, error) {
	return r.one(ctx, "get direct conversation", conversationViewSelect+
		"\nWHERE m.user_id = ? AND m.direct_conversation_id = ? AND c.account_id = ?",
		[]any{actor.UserID, id, actor.AccountID})
}

// GetWithPeer returns the conversation between the actor and peerID.
func (r *DirectConversationReads) GetWithPeer(ctx context.Context, actor domain.Actor, peerID domain.ID) (application.DirectConversationView, error) {
	return r.one(ctx, "get direct conversation with peer", conversationViewSelect+
		"\nWHERE m.user_id = ? AND m.peer_user_id = ? AND m.direct_conversation_id IS NOT NULL AND c.account_id = ?",
		[]any{actor.UserID, peerID, actor.AccountID})
}

func (r *DirectConversationReads) one(ctx context.Context, op, sql string, args []any) (application.DirectConversationView, error) {
	views, err := r.query(ctx, op, sql, args, 1, planCached)
	if err != nil {
		return application.DirectConversationView{}, err
	}
	if len(views) == 0 {
		return application.DirectConversationView{}, fmt.Errorf("%s: %w", op, domain.ErrNotFound)
	}
	return views[0], nil
}

func (r *DirectConversationReads) query(ctx context.Context, op, sql string, args []any, capacity int, mode planMode) ([]application.DirectConversationView, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	if r.s.isPostgres() {
		views, err := r.queryPostgres(ctx, sql, args, capacity, mode)
		if err != nil {
			return nil, translate(op, err)
		}
		return views, nil
	}
	var rows []conversationView
	// Find, not Scan: Scan logs through a recorder that inlines the values.
	if err := r.s.conn(ctx).Raw(sql, args...).Find(&rows).Error; err != nil {
		return nil, translate(op, err)
	}
	views := make([]application.DirectConversationView, len(rows))
	for i, row := range rows {
		views[i] = row.domain()
	}
	return views, nil
}
