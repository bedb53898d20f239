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

// ChatBookmarkResource is the field table of a chat bookmark, the caller's
// read marker in a chat.
var ChatBookmarkResource = Resource{
	Type: "chat_bookmark",
	Fields: []Field{
		{Name: "chat_id", Type: IDField},
		{Name: "user_id", Type: IDField},
		{Name: "updated_at", Type: TimeField},
	},
}

// UnreadCountsResource is the field table of the caller's unread totals.
var UnreadCountsResource = Resource{
	Type: "unread_counts",
	Fields: []Field{
		{Name: "direct_conversations", Type: IntField},
		{Name: "messages", Type: IntField},
		{Name: "group_chats", Type: IntField},
		{Name: "chat_threads", Type: IntField},
	},
}
