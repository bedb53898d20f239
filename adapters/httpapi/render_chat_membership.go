package httpapi

import "github.com/parley-chat/parley/domain"

// chatMembershipResource renders a membership; role_ids are the names of the
// chat rights it holds. Memberships have no endpoint of their own, so no
// self link.
func chatMembershipResource(m *domain.ChatMembership, fs fieldsets, ar *arena) resource {
	roles := make([]string, len(m.Rights))
	for i, r := range m.Rights {
		roles[i] = string(r)
	}
	a := newObject(ar, fs.of(typeChatMembership), 192)
	a.str("chat_id", m.ChatID.String())
	a.str("user_id", m.UserID.String())
	a.strings("role_ids", roles)
	a.time("created_at", m.CreatedAt)
	return resource{Type: typeChatMembership, ID: m.ID.String(), Attributes: a.done()}
}
