package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Adapters translate their own failures into these at the
// seam; the HTTP adapter maps them to statuses in one table.
var (
	// ErrNotFound means the thing does not exist or is not visible to the
	// actor; the two are deliberately indistinguishable.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a uniqueness rule held by the store was violated.
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the actor is known and sees the resource but lacks
	// the right for the action.
	ErrForbidden = errors.New("forbidden")
	// ErrInvalidCredentials means an email/password pair did not match.
	ErrInvalidCredentials = errors.New("invalid credentials")
	// ErrUnauthenticated means a token is missing, malformed, expired, forged
	// or revoked.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrInvalidID means a string is not a canonical UUID.
	ErrInvalidID = errors.New("invalid id")
	// ErrUnavailable means a dependency (the database) cannot be reached or
	// did not answer in time; the request may succeed when retried.
	ErrUnavailable = errors.New("service unavailable")
)

// Rule names a validation rule that a field broke. Rule keys are stable and
// machine-readable so that the edge can render them in several languages.
type Rule string

// Validation rules.
const (
	RuleRequired Rule = "required"
	RuleTooLong  Rule = "too_long"
	RuleTooShort Rule = "too_short"
	RuleFormat   Rule = "format"
	RuleTaken    Rule = "taken"
	RuleSelf     Rule = "self"
	// RuleIncorrect: a confirmation (the current password) does not match.
	RuleIncorrect Rule = "incorrect"
	// RuleDeactivated: the referenced user has been deactivated.
	RuleDeactivated Rule = "deactivated"
)

// Problem is one broken rule on one field.
type Problem struct {
	Field string
	Rule  Rule
}

// ValidationError lists every problem found in one input, so a client can fix
// them all at once.
type ValidationError struct {
	Problems []Problem
}

// Add records a problem.
func (v *ValidationError) Add(field string, rule Rule) {
	v.Problems = append(v.Problems, Problem{Field: field, Rule: rule})
}

// Err returns v when it holds problems and nil otherwise.
func (v *ValidationError) Err() error {
	if len(v.Problems) == 0 {
		return nil
	}
	return v
}

// Error implements error.
func (v *ValidationError) Error() string {
	parts := make([]string, 0, len(v.Problems))
	for _, p := range v.Problems {
		parts = append(parts, p.Field+": "+string(p.Rule))
	}
	return "validation failed: " + strings.Join(parts, ", ")
}

// NewValidationError returns a validation error with a single problem.
func NewValidationError(field string, rule Rule) error {
	return &ValidationError{Problems: []Problem{{Field: field, Rule: rule}}}
}

// ReferenceError reports that an input field names something that does not
// exist for the actor. It matches ErrNotFound with errors.Is.
type ReferenceError struct {
	Field string
}

// Error implements error.
func (e *ReferenceError) Error() string {
	return fmt.Sprintf("%s: %s", e.Field, ErrNotFound)
}

// Unwrap makes errors.Is(err, ErrNotFound) hold.
func (e *ReferenceError) Unwrap() error { return ErrNotFound }
