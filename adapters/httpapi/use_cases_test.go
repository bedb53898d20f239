package httpapi

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUseCasesCheckNamesEachMissingUseCase clears one use case at a time:
// the explicit list in check must name every field, so a use case added to
// the struct but not to check fails here.
func TestUseCasesCheckNamesEachMissingUseCase(t *testing.T) {
	t.Parallel()
	full := newTestAPI(t).uc(t)
	require.NoError(t, full.check())
	typ := reflect.TypeOf(full)
	for i := range typ.NumField() {
		name := typ.Field(i).Name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			uc := full
			field := reflect.ValueOf(&uc).Elem().Field(i)
			field.Set(reflect.Zero(field.Type()))
			require.EqualError(t, uc.check(), "use case "+name+" is missing")
		})
	}
}
