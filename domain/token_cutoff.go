package domain

import (
	"context"
	"time"
)

// TokenCutoff refuses every token of one user issued at or before ValidAfter,
// except the one with id KeptTokenID (empty for none). A password change sets
// one that keeps the caller's token; a deactivation one that keeps none.
type TokenCutoff struct {
	UserID      ID
	ValidAfter  time.Time
	KeptTokenID string
}

// tokenTimeUnit is the precision at which token issue times and cutoffs are
// compared: the precision of the issue time the token carries.
const tokenTimeUnit = time.Millisecond

// Accepts reports whether a token with id, issued at issuedAt, survives the
// cutoff. A token issued in the very millisecond of the cutoff is refused:
// when in doubt, refuse.
func (c TokenCutoff) Accepts(id string, issuedAt time.Time) bool {
	if c.ValidAfter.IsZero() || (c.KeptTokenID != "" && id == c.KeptTokenID) {
		return true
	}
	return issuedAt.Truncate(tokenTimeUnit).After(c.ValidAfter.Truncate(tokenTimeUnit))
}

// TokenCutoffRepository lists the cutoffs every replica must apply.
type TokenCutoffRepository interface {
	// CutoffsSince returns the cutoffs whose ValidAfter is at or after since
	// (every cutoff for the zero time), oldest first.
	CutoffsSince(ctx context.Context, since time.Time) ([]TokenCutoff, error)
}
