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
)

// ParameterError reports a bad query parameter; the HTTP adapter answers it
// with 400 and source.parameter.
type ParameterError struct {
	Parameter string
	Reason    ParameterReason
}

// Error implements error.
func (e *ParameterError) Error() string {
	return fmt.Sprintf("invalid parameter %s: %s", e.Parameter, e.Reason)
}
