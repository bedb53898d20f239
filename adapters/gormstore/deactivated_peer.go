package gormstore

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// HasDeactivatedPeer reports whether a member of chatID other than userID
// has been deactivated, in one statement over the chat's memberships (the
// chat_memberships_chat_user_key index) and the members' primary keys.
func (r *ChatMemberships) HasDeactivatedPeer(ctx context.Context, chatID, userID domain.ID) (bool, error) {
	ctx, cancel := r.s.bound(ctx)
	defer cancel()
	var n int64
	err := r.s.conn(ctx).Table("chat_memberships AS m").Joins("JOIN users u ON u.id = m.user_id").
		Where("m.chat_id = ? AND m.user_id <> ? AND u.discarded_at IS NOT NULL", chatID, userID).
		Limit(1).Count(&n).Error
	if err != nil {
		return false, translate("check chat peers", err)
	}
	return n > 0, nil
}
