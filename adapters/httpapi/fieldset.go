package httpapi

// Resource types.
const (
	typeUser               = "user"
	typeSession            = "session"
	typeDirectConversation = "direct_conversation"
	typeChat               = "chat"
	typeChatMembership     = "chat_membership"
	typeMessage            = "message"
)

// renderedFields lists, per resource type, every attribute and relationship a
// response can carry: the names a sparse fieldset may select.
var renderedFields = map[string][]string{
	typeUser:               {"name", "email", "role", "created_at", "updated_at", "discarded_at"},
	typeDirectConversation: {"first_user_id", "second_user_id", "created_at", "updated_at", "chat", "first_user", "second_user"},
	typeChat:               {"context_type", "context_id", "latest_message_id", "created_at", "updated_at", "chat_memberships", "latest_message"},
	typeChatMembership:     {"chat_id", "user_id", "role_ids", "created_at"},
	typeMessage:            {"content", "chat_id", "author_id", "created_at", "author"},
}

// fieldset is the set of fields a client asked for on one type; nil means
// every field.
type fieldset map[string]bool

// fieldsets maps a resource type to its sparse fieldset.
type fieldsets map[string]fieldset

// of returns the fieldset of typ, nil when the client did not restrict it.
func (f fieldsets) of(typ string) fieldset {
	if f == nil {
		return nil
	}
	return f[typ]
}

// includes is the set of relationship paths a client asked to include.
type includes map[string]bool
