package application

import (
	"time"

	"github.com/parley-chat/parley/domain"
)

// FieldType is the type of a filterable or sortable attribute.
type FieldType int

// Field types.
const (
	TextField FieldType = iota
	IDField
	TimeField
	// IntField is a count: rendered, never filtered or sorted.
	IntField
)

// Operator is a filter operator; the OpenAPI document
// (adapters/httpapi/apidocs/openapi.json) lists which each field type takes.
type Operator string

// Filter operators.
const (
	OpEq          Operator = "eq"
	OpNotEq       Operator = "!eq"
	OpGt          Operator = "gt"
	OpGte         Operator = "gte"
	OpLt          Operator = "lt"
	OpLte         Operator = "lte"
	OpPrefix      Operator = "pre"
	OpSuffix      Operator = "suf"
	OpContains    Operator = "ct"
	OpNotContains Operator = "!ct"
	OpIn          Operator = "in"
	OpNotIn       Operator = "!in"
	OpBlank       Operator = "blank"
	OpPresent     Operator = "present"
)

// Filter is one validated filter. Values hold string, domain.ID or time.Time
// according to the field's type: none for blank and present, one or more for
// in and !in, exactly one otherwise. For the text-matching operators (pre,
// suf, ct, !ct) the value is already folded with FoldText, and stores compare
// it with their folded copy of the attribute, treating %, _ and \ literally.
// Every other comparison is on the attribute itself.
type Filter struct {
	Field  string
	Type   FieldType
	Op     Operator
	Values []any
}

// SortKey is one key of a sort order.
type SortKey struct {
	Field string
	Desc  bool
}

// Keyset is the position after which a page starts: the values of the sort
// keys of the last item of the previous page (typed like the fields; text sort
// keys are folded), and that item's id, the final tie-break. The id is
// compared in the direction of the last sort key.
type Keyset struct {
	Values []any
	ID     domain.ID
}

// ListQuery is a validated collection query. Size is the page size; stores
// return up to Size+1 items so that the use case can tell whether a next page
// exists. Items are ordered by Sort, then by id in the direction of the last
// sort key.
type ListQuery struct {
	Filters []Filter
	Sort    []SortKey
	Size    int
	After   *Keyset
}

// Cursor is the client-facing form of a Keyset: the canonical sort string it
// was made for, the sort values as text and the id. The HTTP adapter signs and
// encodes it; it is opaque to clients.
type Cursor struct {
	Sort string
	Keys []string
	ID   string
}

// RawFilter is a filter as it arrived: filter[Field]=Expr.
type RawFilter struct {
	Field string
	Expr  string
}

// RawListQuery is a collection query as it arrived, before validation.
type RawListQuery struct {
	Filters  []RawFilter
	Sort     *string
	PageSize *string
	After    *Cursor
}

// Page is one page of a collection and the cursor of the next page, nil on
// the last one.
type Page[T any] struct {
	Items []T
	Next  *Cursor
}

// Page size limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// formatKey renders a keyset value as cursor text.
func formatKey(v any) string {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case domain.ID:
		return x.String()
	case string:
		return x
	default:
		return ""
	}
}
