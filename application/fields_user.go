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
	},
	DefaultSort: []SortKey{{Field: "name"}},
}

// UserListSchema is what GET /users accepts.
var UserListSchema = UserResource.ListSchema()
