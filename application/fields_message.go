package application

// MessageResource is the field table of a message. A client filters on
// created_at to ask for what is newer than the message it has, and sorts by
// it in either direction, newest first by default. Every order ends in the
// id tie-break.
var MessageResource = Resource{
	Type: "message",
	Fields: []Field{
		{Name: "content", Type: TextField},
		{Name: "chat_id", Type: IDField},
		{Name: "author_id", Type: IDField},
		{Name: "created_at", Type: TimeField, Filterable: true, Sortable: true},
	},
	Relationships: []string{"author"},
	DefaultSort:   []SortKey{{Field: "created_at", Desc: true}},
}

// MessageListSchema is what GET /chats/:id/messages accepts.
var MessageListSchema = MessageResource.ListSchema()
