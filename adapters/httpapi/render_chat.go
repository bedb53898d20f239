package httpapi

import (
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// chatsPath is the path prefix of chat resources; a chat's own path adds its
// id.
const chatsPath = "/api/v1/chats/"

// chatResource renders a chat. memberships may be nil when the caller did
// not load them (a chat included from a conversation); the chat_memberships
// relationship is then left out rather than shown empty.
func chatResource(chat *domain.Chat, memberships []domain.ChatMembership, fs fieldsets, ar *arena) resource {
	return chatResourceWithIDs(chat, chat.ID.String(), chat.ContextID.String(), memberships, fs, ar)
}

// chatResourceWithIDs is chatResource for a caller that already holds the
// chat's id and context id as text.
func chatResourceWithIDs(chat *domain.Chat, id, contextID string, memberships []domain.ChatMembership, fs fieldsets, ar *arena) resource {
	set := fs.of(typeChat)
	latest := ""
	if chat.LatestMessageID != nil {
		latest = chat.LatestMessageID.String()
	}
	a := newObject(ar, set, 224)
	a.str("context_type", chat.ContextType)
	a.str("context_id", contextID)
	if latest == "" {
		a.null("latest_message_id")
	} else {
		a.str("latest_message_id", latest)
	}
	a.time("created_at", chat.CreatedAt)
	a.time("updated_at", chat.UpdatedAt)
	r := newObject(ar, set, 256)
	if memberships != nil {
		ids := make([]string, len(memberships))
		for i := range memberships {
			ids[i] = memberships[i].ID.String()
		}
		r.toMany("chat_memberships", typeChatMembership, ids)
	}
	r.toOne("latest_message", typeMessage, latest)
	return resource{Type: typeChat, ID: id, Attributes: a.done(), Relationships: r.done(),
		Links: selfLink(chatsPath, id)}
}

// addChat renders v as primary data and includes what the client asked for.
func (cd *compound) addChat(v *application.ChatView) resource {
	memberships := v.Memberships
	if memberships == nil {
		memberships = []domain.ChatMembership{}
	}
	res := cd.primary(chatResource(&v.Chat, memberships, cd.fields, &cd.arena))
	if cd.wants("chat_memberships") {
		for i := range memberships {
			m := &memberships[i]
			cd.add(typeChatMembership, m.ID.String(), func() resource { return chatMembershipResource(m, cd.fields, &cd.arena) })
		}
	}
	if cd.wants("latest_message") && v.LatestMessage != nil {
		m := v.LatestMessage
		cd.add(typeMessage, m.ID.String(), func() resource { return messageResource(m, cd.fields, &cd.arena) })
	}
	return res
}
