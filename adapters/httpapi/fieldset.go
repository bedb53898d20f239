package httpapi

import "github.com/parley-chat/parley/application"

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
// response can carry: the names a sparse fieldset may select. It is taken
// from the field table in the application layer, so a new field is declared
// there once.
var renderedFields = application.SelectableFields()
