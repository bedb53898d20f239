package application

// MessageResource is the field table of a message. A client filters on
// created_at to ask for what is newer than the message it has, and sorts by
// it in either direction, newest first by default. Every order ends in the
// id tie-break. edited_at and discarded_at are null until the message is
// corrected or withdrawn.
var MessageResource = Resource{
	Type: "message",
	Fields: []Field{
		{Name: "content", Type: TextField},
		{Name: "chat_id", Type: IDField},
		{Name: "author_id", Type: IDField},
		{Name: "created_at", Type: TimeField, Filterable: true, Sortable: true},
		{Name: "edited_at", Type: TimeField},
		{Name: "discarded_at", Type: TimeField},
	},
	Relationships: []string{"author"},
	DefaultSort:   []SortKey{{Field: "created_at", Desc: true}},
}

// MessageListSchema is what GET /chats/:id/messages accepts.
var MessageListSchema = MessageResource.ListSchema()
