package application

// DirectConversationResource is the field table of a direct conversation.
// chat_updated_at, the last activity in its chat, orders the list but is
// not an attribute.
var DirectConversationResource = Resource{
	Type: "direct_conversation",
	Fields: []Field{
		{Name: "first_user_id", Type: IDField, Filterable: true},
		{Name: "second_user_id", Type: IDField, Filterable: true},
		{Name: "created_at", Type: TimeField, Filterable: true, Sortable: true},
		{Name: "updated_at", Type: TimeField, Filterable: true, Sortable: true},
		{Name: "chat_updated_at", Type: TimeField, Sortable: true, QueryOnly: true},
	},
	Relationships: []string{"chat", "first_user", "second_user"},
	DefaultSort:   []SortKey{{Field: "chat_updated_at", Desc: true}},
}

// DirectConversationListSchema is what GET /direct_conversations accepts.
var DirectConversationListSchema = DirectConversationResource.ListSchema()
