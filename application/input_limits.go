package application

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-chat/parley/domain"
)

// Input limits on collection queries. Every store answers a query within them
// alike, so a value over a cap is refused before any store sees it: long
// LIKE patterns and long IN lists are what SQLite refuses and what makes any
// database slow.
const (
	// MaxFilterValueLength caps each filter value, in characters; each value
	// of an in or !in list is one value.
	MaxFilterValueLength = 1000
	// MaxFilterValues caps the number of values of an in or !in filter.
	MaxFilterValues = 100
	// MaxSearchLength caps a search text such as search_peer, in characters.
	MaxSearchLength = 1000
)

// CheckText refuses a query parameter value that is not valid text (see
// domain.ValidText) or that has more than limit characters.
func CheckText(parameter, value string, limit int) error {
	if !domain.ValidText(value) {
		return &ParameterError{Parameter: parameter, Reason: ReasonInvalidText}
	}
	if limit > 0 && len(value) > limit && utf8.RuneCountInString(value) > limit {
		return &ParameterError{Parameter: parameter, Reason: ReasonTooLong, Limit: limit}
	}
	return nil
}

// CheckFilterBounds refuses a raw filter whose expression is not valid text,
// whose value is longer than MaxFilterValueLength or whose in or !in list
// names more than MaxFilterValues values.
func CheckFilterBounds(rf RawFilter) error {
	param := "filter[" + rf.Field + "]"
	if err := CheckText(param, rf.Expr, 0); err != nil {
		return err
	}
	op, value, _ := strings.Cut(rf.Expr, ":")
	values := []string{value}
	if Operator(op) == OpIn || Operator(op) == OpNotIn {
		if n := strings.Count(value, ",") + 1; n > MaxFilterValues {
			return &ParameterError{Parameter: param, Reason: ReasonTooManyValues, Limit: MaxFilterValues}
		}
		values = strings.Split(value, ",")
	}
	for _, v := range values {
		if err := CheckText(param, v, MaxFilterValueLength); err != nil {
			return err
		}
	}
	return nil
}
