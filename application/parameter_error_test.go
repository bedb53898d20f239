package application_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

// dotted spells parameters unlike any adapter, to show that the name comes
// from the spelling passed to Name.
func dotted(kind application.ParameterKind, field string) string {
	return map[application.ParameterKind]string{
		application.ParameterFilter:    "where." + field,
		application.ParameterSort:      "order",
		application.ParameterPageSize:  "limit",
		application.ParameterPageAfter: "after",
	}[kind]
}

func TestParameterErrorsIdentifyThePartOfTheQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		query application.RawListQuery
		kind  application.ParameterKind
		field string
		spelt string
	}{
		{"filter", application.RawListQuery{Filters: []application.RawFilter{{Field: "email", Expr: "like:x"}}}, application.ParameterFilter, "email", "where.email"},
		{"sort", application.RawListQuery{Sort: ptr("password")}, application.ParameterSort, "", "order"},
		{"page_size", application.RawListQuery{PageSize: ptr("0")}, application.ParameterPageSize, "", "limit"},
		{"page_after", application.RawListQuery{After: &application.Cursor{Sort: "-name"}}, application.ParameterPageAfter, "", "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := application.UserListSchema.Parse(tt.query)
			var pe *application.ParameterError
			require.True(t, errors.As(err, &pe), "want a parameter error, got %v", err)
			require.Equal(t, tt.kind, pe.Kind)
			require.Equal(t, tt.field, pe.Field)
			require.Equal(t, tt.spelt, pe.Name(dotted))
		})
	}
}

func TestParameterErrorOfAnAdapterKeepsItsName(t *testing.T) {
	t.Parallel()
	pe := &application.ParameterError{Parameter: "fields[user]", Reason: application.ReasonUnknownField}
	require.Equal(t, "fields[user]", pe.Name(dotted))
}
