package httpapi

import (
	"github.com/parley-chat/parley/domain"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
)

// chatMembershipResource renders a membership; role_ids are the names of the
// chat rights it holds. Memberships have no endpoint of their own, so no
// self link.
func chatMembershipResource(m *domain.ChatMembership, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	roles := make([]string, len(m.Rights))
	for i, r := range m.Rights {
		roles[i] = string(r)
	}
	a := jsonapi.NewObject(ar, fs.Of(typeChatMembership), 192)
	a.Str("chat_id", m.ChatID.String())
	a.Str("user_id", m.UserID.String())
	a.Strings("role_ids", roles)
	a.Time("created_at", m.CreatedAt)
	return jsonapi.Resource{Type: typeChatMembership, ID: m.ID.String(), Attributes: a.Done()}
}
