package domain

import (
	"context"
	"time"
)

// RevokedToken is a signed-out token, remembered until it would have expired.
type RevokedToken struct {
	ID        string
	ExpiresAt time.Time
	RevokedAt time.Time
}

// RevokedTokenRepository remembers revoked tokens so that every replica can
// refuse them.
type RevokedTokenRepository interface {
	// Revoke records the token id. Revoking an already revoked id succeeds.
	Revoke(ctx context.Context, token RevokedToken) error
	// RevokedSince returns the unexpired revocations recorded at or after
	// since (all unexpired ones for the zero time), oldest first.
	RevokedSince(ctx context.Context, since time.Time, now time.Time) ([]RevokedToken, error)
	// DeleteExpired removes revocations of tokens that expired before now.
	DeleteExpired(ctx context.Context, now time.Time) error
}
