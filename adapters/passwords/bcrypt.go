// Package passwords hashes passwords with bcrypt behind the application's
// PasswordHasher port.
package passwords

import (
	"errors"
	"fmt"

	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/application"
)

var _ application.PasswordHasher = (*Bcrypt)(nil)

// maxPasswordBytes is the longest input bcrypt uses; it would silently ignore
// anything after it, so longer passwords are refused rather than truncated.
const maxPasswordBytes = 72

// ErrPasswordTooLong means a password exceeds the 72 bytes bcrypt can hash.
var ErrPasswordTooLong = errors.New("password longer than 72 bytes")

// Bcrypt hashes passwords with bcrypt at a fixed cost.
type Bcrypt struct {
	cost int
}

// NewBcrypt returns a hasher using cost; 0 means bcrypt.DefaultCost.
func NewBcrypt(cost int) *Bcrypt {
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	return &Bcrypt{cost: cost}
}

// Hash returns the bcrypt encoding of password with a fresh salt. Passwords
// over 72 bytes and costs outside bcrypt's range are errors.
func (b *Bcrypt) Hash(password string) (string, error) {
	if len(password) > maxPasswordBytes {
		return "", ErrPasswordTooLong
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), b.cost)
	if err != nil {
		return "", fmt.Errorf("bcrypt hash: %w", err)
	}
	return string(hash), nil
}

// Verify reports whether password matches hash. A mismatch, including a
// password too long to have been hashed, is (false, nil); a hash that is not
// a bcrypt encoding is an error.
func (b *Bcrypt) Verify(hash, password string) (bool, error) {
	if len(password) > maxPasswordBytes {
		if _, err := bcrypt.Cost([]byte(hash)); err != nil {
			return false, fmt.Errorf("bcrypt verify: %w", err)
		}
		return false, nil
	}
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, bcrypt.ErrMismatchedHashAndPassword):
		return false, nil
	default:
		return false, fmt.Errorf("bcrypt verify: %w", err)
	}
}
