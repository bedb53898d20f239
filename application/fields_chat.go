package application

// ChatResource is the field table of a chat. Chats are read one at a time.
var ChatResource = Resource{
	Type: "chat",
	Fields: []Field{
		{Name: "context_type", Type: TextField},
		{Name: "context_id", Type: IDField},
		{Name: "latest_message_id", Type: IDField},
		{Name: "created_at", Type: TimeField},
		{Name: "updated_at", Type: TimeField},
	},
	Relationships: []string{"chat_memberships", "latest_message", "bookmark"},
}

// ChatMembershipResource is the field table of a chat membership; role_ids
// holds right names.
var ChatMembershipResource = Resource{
	Type: "chat_membership",
	Fields: []Field{
		{Name: "chat_id", Type: IDField},
		{Name: "user_id", Type: IDField},
		{Name: "role_ids", Type: TextField},
		{Name: "created_at", Type: TimeField},
	},
}
