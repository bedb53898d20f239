package application_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
)

func TestCheckFilterBounds(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("ö", application.MaxFilterValueLength)
	values := func(n int) string { return strings.TrimSuffix(strings.Repeat("a,", n), ",") }
	tests := []struct {
		name   string
		expr   string
		reason application.ParameterReason
		limit  int
	}{
		{"plain", "eq:Ada", "", 0},
		{"value_at_cap_in_multibyte_characters", "ct:" + long, "", 0},
		{"value_over_cap", "ct:" + long + "x", application.ReasonTooLong, application.MaxFilterValueLength},
		{"prefix_of_50000_characters", "pre:" + strings.Repeat("a", 50000), application.ReasonTooLong, application.MaxFilterValueLength},
		{"in_at_cap", "in:" + values(application.MaxFilterValues), "", 0},
		{"in_over_cap", "in:" + values(application.MaxFilterValues+1), application.ReasonTooManyValues, application.MaxFilterValues},
		{"not_in_with_32767_values", "!in:" + values(32767), application.ReasonTooManyValues, application.MaxFilterValues},
		{"one_in_value_over_cap", "in:a," + long + "x", application.ReasonTooLong, application.MaxFilterValueLength},
		{"nul", "eq:\x00", application.ReasonInvalidText, 0},
		{"invalid_utf8", "eq:\xff", application.ReasonInvalidText, 0},
		{"invalid_utf8_in_operator", "\xff:a", application.ReasonInvalidText, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := application.CheckFilterBounds(application.RawFilter{Field: "name", Expr: tt.expr})
			if tt.reason == "" {
				require.NoError(t, err)
				return
			}
			var pe *application.ParameterError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, application.ParameterError{Parameter: "filter[name]", Reason: tt.reason, Limit: tt.limit}, *pe)
		})
	}
}

func TestCheckText(t *testing.T) {
	t.Parallel()
	require.NoError(t, application.CheckText("search_peer", strings.Repeat("ß", application.MaxSearchLength), application.MaxSearchLength))
	err := application.CheckText("search_peer", strings.Repeat("a", 60000), application.MaxSearchLength)
	require.Equal(t, &application.ParameterError{Parameter: "search_peer", Reason: application.ReasonTooLong, Limit: application.MaxSearchLength}, err)
	err = application.CheckText("search_peer", "\x00", application.MaxSearchLength)
	require.Equal(t, &application.ParameterError{Parameter: "search_peer", Reason: application.ReasonInvalidText}, err)
	require.NoError(t, application.CheckText("sort", "name", 0))
}
