package application

// UserResource is the field table of a user. Sorting by name sorts by the
// folded name.
var UserResource = Resource{
	Type: "user",
	Fields: []Field{
		{Name: "name", Type: TextField, Filterable: true, Sortable: true},
		{Name: "email", Type: TextField, Filterable: true},
		{Name: "role", Type: TextField},
		{Name: "created_at", Type: TimeField, Filterable: true, Sortable: true},
		{Name: "updated_at", Type: TimeField},
		// discarded_at is NULL while a user is active: blank finds the
		// active users, present the deactivated ones.
		{Name: "discarded_at", Type: TimeField, Filterable: true},
	},
	DefaultSort: []SortKey{{Field: "name"}},
}

// UserListSchema is what GET /users accepts.
var UserListSchema = UserResource.ListSchema()
