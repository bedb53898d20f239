package httpapi

import (
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// chatsPath is the path prefix of chat resources; a chat's own path adds its
// id.
const chatsPath = "/api/v1/chats/"

// chatReadState is the caller's read state of a chat as a chat resource
// shows it: the unread count in meta and the bookmark relationship, which is
// left out when the bookmark was not loaded (known false).
type chatReadState struct {
	unread   int
	known    bool
	bookmark *domain.ChatBookmark
}

// chatResource renders a chat. memberships may be nil when the caller did
// not load them (a chat included from a conversation); the chat_memberships
// relationship is then left out rather than shown empty.
func chatResource(chat *domain.Chat, memberships []domain.ChatMembership, rs chatReadState, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	return chatResourceWithIDs(chat, chat.ID.String(), chat.ContextID.String(), memberships, rs, fs, ar)
}

// chatResourceWithIDs is chatResource for a caller that already holds the
// chat's id and context id as text.
func chatResourceWithIDs(chat *domain.Chat, id, contextID string, memberships []domain.ChatMembership, rs chatReadState, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	set := fs.Of(typeChat)
	latest := ""
	if chat.LatestMessageID != nil {
		latest = chat.LatestMessageID.String()
	}
	a := jsonapi.NewObject(ar, set, 224)
	a.Str("context_type", chat.ContextType)
	a.Str("context_id", contextID)
	if latest == "" {
		a.Null("latest_message_id")
	} else {
		a.Str("latest_message_id", latest)
	}
	a.Time("created_at", chat.CreatedAt)
	a.Time("updated_at", chat.UpdatedAt)
	r := jsonapi.NewObject(ar, set, 256)
	if memberships != nil {
		ids := make([]string, len(memberships))
		for i := range memberships {
			ids[i] = memberships[i].ID.String()
		}
		r.ToMany("chat_memberships", typeChatMembership, ids)
	}
	r.ToOne("latest_message", typeMessage, latest)
	if rs.known {
		bookmark := ""
		if rs.bookmark != nil {
			bookmark = id
		}
		r.ToOne("bookmark", typeChatBookmark, bookmark)
	}
	return jsonapi.Resource{Type: typeChat, ID: id, Attributes: a.Done(), Relationships: r.Done(),
		Links: jsonapi.SelfLink(chatsPath, id), Meta: unreadMeta(rs.unread)}
}

// addChat renders v as primary data and includes what the client asked for.
func addChat(cd *jsonapi.Compound, v *application.ChatView) jsonapi.Resource {
	memberships := v.Memberships
	if memberships == nil {
		memberships = []domain.ChatMembership{}
	}
	rs := chatReadState{unread: v.UnreadCount, known: true, bookmark: v.Bookmark}
	res := cd.Primary(chatResource(&v.Chat, memberships, rs, cd.Fields(), &cd.Arena))
	if cd.Wants("chat_memberships") {
		for i := range memberships {
			m := &memberships[i]
			cd.Add(typeChatMembership, m.ID.String(), func() jsonapi.Resource { return chatMembershipResource(m, cd.Fields(), &cd.Arena) })
		}
	}
	if cd.Wants("latest_message") && v.LatestMessage != nil {
		m := v.LatestMessage
		cd.Add(typeMessage, m.ID.String(), func() jsonapi.Resource { return messageResource(m, cd.Fields(), &cd.Arena) })
	}
	if cd.Wants("bookmark") && v.Bookmark != nil {
		b := v.Bookmark
		cd.Add(typeChatBookmark, b.ChatID.String(), func() jsonapi.Resource { return chatBookmarkResource(b, cd.Fields(), &cd.Arena) })
	}
	return res
}
