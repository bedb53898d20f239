package application

import "fmt"

// ParameterReason says what is wrong with a query parameter, as a stable key.
type ParameterReason string

// Parameter reasons.
const (
	ReasonUnknownField    ParameterReason = "unknown_field"
	ReasonUnknownOperator ParameterReason = "unknown_operator"
	ReasonInvalidValue    ParameterReason = "invalid_value"
	ReasonDuplicate       ParameterReason = "duplicate"
	ReasonOutOfRange      ParameterReason = "out_of_range"
	ReasonInvalidCursor   ParameterReason = "invalid_cursor"
	// ReasonInvalidText means the value is not valid UTF-8 or holds NUL.
	ReasonInvalidText ParameterReason = "invalid_text"
	// ReasonTooLong means a value has more characters than Limit.
	ReasonTooLong ParameterReason = "too_long"
	// ReasonTooManyValues means an in or !in filter lists more than Limit
	// values.
	ReasonTooManyValues ParameterReason = "too_many_values"
)

// ParameterKind says which part of a list query a ParameterError is about,
// without spelling the parameter the way a transport's clients write it.
type ParameterKind int

// Parameter kinds.
const (
	// ParameterNamed is an error an adapter raised about a parameter of
	// its own; Parameter names it.
	ParameterNamed ParameterKind = iota
	// ParameterFilter is the filter on Field.
	ParameterFilter
	// ParameterSort is the sort order.
	ParameterSort
	// ParameterPageSize is the page size.
	ParameterPageSize
	// ParameterPageAfter is the cursor a page starts after.
	ParameterPageAfter
)

// ParameterSpelling names a parameter of a kind (and, for a filter, its
// field) the way an adapter's clients write it.
type ParameterSpelling func(kind ParameterKind, field string) string

// ParameterError reports a bad query parameter; the HTTP adapter answers it
// with 400 and source.parameter. Limit is the cap that was exceeded, for the
// reasons that have one.
type ParameterError struct {
	Kind  ParameterKind
	Field string
	// Parameter names the parameter of an error raised with Kind
	// ParameterNamed; the other kinds leave it empty and are spelt by the
	// adapter through Name.
	Parameter string
	Reason    ParameterReason
	Limit     int
}

// newParameterError reports a problem with a list query parameter.
func newParameterError(kind ParameterKind, field string, reason ParameterReason) *ParameterError {
	return &ParameterError{Kind: kind, Field: field, Reason: reason}
}

// Name returns the parameter as spell writes it; an error an adapter raised
// about a parameter of its own keeps the name it was given.
func (e *ParameterError) Name(spell ParameterSpelling) string {
	if e.Kind == ParameterNamed {
		return e.Parameter
	}
	return spell(e.Kind, e.Field)
}

// Error implements error.
func (e *ParameterError) Error() string {
	return fmt.Sprintf("invalid parameter %s: %s", e.Name(describeParameter), e.Reason)
}

// describeParameter names a parameter for Error, which no client reads.
func describeParameter(kind ParameterKind, field string) string {
	switch kind {
	case ParameterFilter:
		return "filter on " + field
	case ParameterSort:
		return "sort"
	case ParameterPageSize:
		return "page size"
	case ParameterPageAfter:
		return "page cursor"
	default:
		return "?"
	}
}
