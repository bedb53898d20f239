package httpapi

// Resource types.
const (
	typeUser               = "user"
	typeSession            = "session"
	typeDirectConversation = "direct_conversation"
	typeChat               = "chat"
	typeChatMembership     = "chat_membership"
	typeMessage            = "message"
	typeChatBookmark       = "chat_bookmark"
	typeUnreadCounts       = "unread_counts"
)

// renderedFields lists, per resource type, every attribute and relationship a
// response can carry: the names a sparse fieldset may select.
var renderedFields = map[string][]string{
	typeUser:               {"name", "email", "role", "created_at", "updated_at", "discarded_at"},
	typeDirectConversation: {"first_user_id", "second_user_id", "created_at", "updated_at", "chat", "first_user", "second_user"},
	typeChat:               {"context_type", "context_id", "latest_message_id", "created_at", "updated_at", "chat_memberships", "latest_message", "bookmark"},
	typeChatMembership:     {"chat_id", "user_id", "role_ids", "created_at"},
	typeMessage:            {"content", "chat_id", "author_id", "created_at", "author"},
	typeChatBookmark:       {"chat_id", "user_id", "updated_at"},
	typeUnreadCounts:       {"direct_conversations", "messages", "group_chats", "chat_threads"},
}
