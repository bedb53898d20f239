package config

import (
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/caarlos0/env/v11"
)

// VariableError reports one unusable environment variable. Its message is a
// single line that starts with the variable's name.
type VariableError struct {
	Variable string
	Reason   string
}

// Error implements error.
func (e *VariableError) Error() string {
	return e.Variable + ": " + e.Reason
}

func invalid(variable, format string, args ...any) *VariableError {
	return &VariableError{Variable: variable, Reason: fmt.Sprintf(format, args...)}
}

// translateParseError turns the first failure reported by the env package
// into a VariableError naming the variable and quoting the raw value.
func translateParseError(err error, environ map[string]string) error {
	var pe env.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("read environment: %w", err)
	}
	name := variableOf(pe.Name)
	raw := environ[name]
	switch pe.Type {
	case reflect.TypeFor[time.Duration]():
		return invalid(name, "invalid duration %q", raw)
	case reflect.TypeFor[bool]():
		return invalid(name, "invalid boolean %q (want true or false)", raw)
	default:
		return invalid(name, "invalid value %q", raw)
	}
}
