package application

import "slices"

// Field is one attribute of a resource as the field table declares it: its
// name, its type, and whether a collection of the resource may be filtered
// or sorted by it.
type Field struct {
	Name       string
	Type       FieldType
	Filterable bool
	Sortable   bool
	// QueryOnly marks a key a list is filtered or sorted by that the
	// resource does not show as an attribute.
	QueryOnly bool
}

// Resource is the field table of one resource type: every attribute, every
// relationship a client may include, and the default order of its
// collection. Each field of a resource is declared here once; the list
// schemas are derived from it, and tests hold the stores' column maps and
// the OpenAPI document against it.
type Resource struct {
	Type          string
	Fields        []Field
	Relationships []string
	DefaultSort   []SortKey
}

// Attributes returns the names of the attributes the resource shows, in
// declaration order.
func (r Resource) Attributes() []string {
	var names []string
	for _, f := range r.Fields {
		if !f.QueryOnly {
			names = append(names, f.Name)
		}
	}
	return names
}

// FieldNames returns every attribute and relationship a response can carry:
// the names a sparse fieldset may select.
func (r Resource) FieldNames() []string {
	return slices.Concat(r.Attributes(), r.Relationships)
}

// Filterable returns the filterable fields with their types.
func (r Resource) Filterable() map[string]FieldType {
	return r.fieldTypes(func(f Field) bool { return f.Filterable })
}

// Sortable returns the sortable fields with their types.
func (r Resource) Sortable() map[string]FieldType {
	return r.fieldTypes(func(f Field) bool { return f.Sortable })
}

func (r Resource) fieldTypes(keep func(Field) bool) map[string]FieldType {
	types := map[string]FieldType{}
	for _, f := range r.Fields {
		if keep(f) {
			types[f.Name] = f.Type
		}
	}
	return types
}

// ListSchema returns what a collection of the resource accepts.
func (r Resource) ListSchema() ListSchema {
	return ListSchema{Filterable: r.Filterable(), Sortable: r.Sortable(), DefaultSort: r.DefaultSort}
}

// Resources returns the field table of every resource type.
func Resources() []Resource {
	return []Resource{UserResource, DirectConversationResource, ChatResource, ChatMembershipResource, MessageResource,
		ChatBookmarkResource, UnreadCountsResource}
}

// SelectableFields returns, per resource type, every attribute and
// relationship a response can carry: the names a sparse fieldset may select.
func SelectableFields() map[string][]string {
	out := map[string][]string{}
	for _, r := range Resources() {
		out[r.Type] = r.FieldNames()
	}
	return out
}
