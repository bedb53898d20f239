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

// ParameterError reports a bad query parameter; the HTTP adapter answers it
// with 400 and source.parameter. Limit is the cap that was exceeded, for the
// reasons that have one.
type ParameterError struct {
	Parameter string
	Reason    ParameterReason
	Limit     int
}

// Error implements error.
func (e *ParameterError) Error() string {
	return fmt.Sprintf("invalid parameter %s: %s", e.Parameter, e.Reason)
}
