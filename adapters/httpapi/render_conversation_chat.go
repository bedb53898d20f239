package httpapi

import (
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

// The nested include paths of a direct conversation's chat. Asking for one
// includes the chat as well, as JSON:API's full linkage asks.
const (
	includeChatLatestMessage       = "chat.latest_message"
	includeChatLatestMessageAuthor = "chat.latest_message.author"
	includeChatBookmark            = "chat.bookmark"
)

// wantsChat reports whether the conversation's chat is to be included,
// named itself or through a nested path.
func wantsChat(cd *jsonapi.Compound) bool {
	return cd.Wants("chat") || wantsLatestMessage(cd) || cd.Wants(includeChatBookmark)
}

// wantsLatestMessage reports whether the chat's latest message is to be
// included.
func wantsLatestMessage(cd *jsonapi.Compound) bool {
	return cd.Wants(includeChatLatestMessage) || cd.Wants(includeChatLatestMessageAuthor)
}

// conversationDetails says which details LoadConversationDetails must load
// for the includes a request names.
func conversationDetails(cd *jsonapi.Compound) application.ConversationDetails {
	return application.ConversationDetails{LatestMessage: wantsLatestMessage(cd), Bookmark: cd.Wants(includeChatBookmark)}
}

// addConversationChat includes a conversation's chat and what hangs off it:
// the latest message, its author and the caller's bookmark.
func addConversationChat(cd *jsonapi.Compound, v *application.DirectConversationView, ids conversationIDs) {
	contextID := ids.conv
	if v.Chat.ContextID != v.Conversation.ID {
		contextID = v.Chat.ContextID.String()
	}
	rs := chatReadState{unread: v.UnreadCount, known: cd.Wants(includeChatBookmark), bookmark: v.Bookmark}
	cd.Add(typeChat, ids.chat, func() jsonapi.Resource {
		return chatResourceWithIDs(&v.Chat, ids.chat, contextID, nil, rs, cd.Fields(), &cd.Arena)
	})
	if m := v.LatestMessage; m != nil && wantsLatestMessage(cd) {
		cd.Add(typeMessage, m.Message.ID.String(), func() jsonapi.Resource { return messageResource(&m.Message, cd.Fields(), &cd.Arena) })
		if cd.Wants(includeChatLatestMessageAuthor) {
			u := &m.Author
			cd.Add(typeUser, u.ID.String(), func() jsonapi.Resource { return userResource(u, cd.Fields(), &cd.Arena) })
		}
	}
	if b := v.Bookmark; b != nil && cd.Wants(includeChatBookmark) {
		cd.Add(typeChatBookmark, ids.chat, func() jsonapi.Resource { return chatBookmarkResource(b, cd.Fields(), &cd.Arena) })
	}
}
