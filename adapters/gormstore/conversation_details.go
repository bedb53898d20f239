package gormstore

import (
	"context"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// ConversationDetails fetches the details a page of direct conversations
// includes: one statement for all latest messages with their authors, one
// for all of the actor's bookmarks (on PostgreSQL through the fast path,
// fastpath_details.go).
type ConversationDetails struct {
	s *Store
}

var _ application.ConversationDetailsReadModel = (*ConversationDetails)(nil)

// NewConversationDetails returns the conversation details read model of s.
func NewConversationDetails(s *Store) *ConversationDetails { return &ConversationDetails{s: s} }

// LatestMessages returns the messages with the given ids and their authors,
// found by primary key.
func (r *ConversationDetails) LatestMessages(ctx context.Context, ids []domain.ID) ([]application.MessageView, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	if r.s.isPostgres() {
		views, err := r.latestMessagesPostgres(ctx, ids)
		if err != nil {
			return nil, translate("load latest messages", err)
		}
		return views, nil
	}
	var rows []messageView
	err := r.s.conn(ctx).Table("messages msg").Select(messageViewSelect).
		Joins("JOIN users a ON a.id = msg.author_id").
		Where("msg.id IN ?", ids).Find(&rows).Error
	if err != nil {
		return nil, translate("load latest messages", err)
	}
	views := make([]application.MessageView, len(rows))
	for i, row := range rows {
		views[i] = application.MessageView{Message: row.Message.domain(), Author: row.Author.domain()}
	}
	return views, nil
}

// Bookmarks returns the actor's bookmarks of chatIDs, found by primary key.
func (r *ConversationDetails) Bookmarks(ctx context.Context, actor domain.Actor, chatIDs []domain.ID) ([]domain.ChatBookmark, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	if r.s.isPostgres() {
		out, err := r.bookmarksPostgres(ctx, actor, chatIDs)
		if err != nil {
			return nil, translate("load bookmarks", err)
		}
		return out, nil
	}
	var rows []bookmarkRow
	err := r.s.conn(ctx).Select("chat_id, user_id, updated_at").
		Where("user_id = ? AND chat_id IN ?", actor.UserID, chatIDs).Find(&rows).Error
	if err != nil {
		return nil, translate("load bookmarks", err)
	}
	out := make([]domain.ChatBookmark, len(rows))
	for i, row := range rows {
		out[i] = row.domain()
	}
	return out, nil
}
