// Package domain holds Parley's vocabulary: the entities, their invariants and
// the repository ports through which the application stores them.
package domain

import (
	"time"

	"github.com/google/uuid"
)

// ID identifies every entity. Parley generates them itself as time-ordered
// UUIDv7 values, so that new rows land at the end of primary-key indexes.
type ID = uuid.UUID

// NilID is the zero ID, used for "not set".
var NilID = uuid.Nil

// NewID returns a new time-ordered identifier.
func NewID() ID {
	id, err := uuid.NewV7()
	if err != nil {
		// NewV7 only fails when the system random source fails; v4 reads the
		// same source, so falling back keeps the failure visible there.
		return uuid.New()
	}
	return id
}

// ParseID parses the canonical textual form of an ID.
func ParseID(s string) (ID, error) {
	if len(s) != 36 {
		return NilID, ErrInvalidID
	}
	id, err := uuid.Parse(s)
	if err != nil {
		return NilID, ErrInvalidID
	}
	return id, nil
}

// Timestamp normalises a time to the precision every store keeps
// (microseconds, UTC), so that values read back compare equal to those written.
func Timestamp(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}
