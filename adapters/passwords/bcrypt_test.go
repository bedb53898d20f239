package passwords_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/passwords"
)

func TestBcryptHashAndVerify(t *testing.T) {
	h := passwords.NewBcrypt(bcrypt.MinCost)
	hash, err := h.Hash("correct horse")
	require.NoError(t, err)
	require.NotContains(t, hash, "correct horse")

	tests := []struct {
		name     string
		password string
		want     bool
	}{
		{"same_password", "correct horse", true},
		{"different_password", "correct horsf", false},
		{"different_case", "Correct horse", false},
		{"prefix_only", "correct", false},
		{"empty", "", false},
		{"longer_than_bcrypt_accepts", strings.Repeat("a", 100), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(hash, tt.password)
			require.NoError(t, err)
			require.Equal(t, tt.want, ok)
		})
	}
}

func TestBcryptSaltsEveryHash(t *testing.T) {
	h := passwords.NewBcrypt(bcrypt.MinCost)
	a, err := h.Hash("password1")
	require.NoError(t, err)
	b, err := h.Hash("password1")
	require.NoError(t, err)
	require.NotEqual(t, a, b)
}

func TestBcryptCost(t *testing.T) {
	tests := []struct {
		name string
		cost int
		want int
	}{
		{"zero_means_default", 0, bcrypt.DefaultCost},
		{"explicit", bcrypt.MinCost + 1, bcrypt.MinCost + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hash, err := passwords.NewBcrypt(tt.cost).Hash("password1")
			require.NoError(t, err)
			got, err := bcrypt.Cost([]byte(hash))
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestBcryptRefusesOverlongPasswords(t *testing.T) {
	h := passwords.NewBcrypt(bcrypt.MinCost)
	_, err := h.Hash(strings.Repeat("x", 73))
	require.ErrorIs(t, err, passwords.ErrPasswordTooLong)

	hash, err := h.Hash(strings.Repeat("x", 72))
	require.NoError(t, err)
	ok, err := h.Verify(hash, strings.Repeat("x", 72)+"tail")
	require.NoError(t, err)
	require.False(t, ok, "bytes past 72 must not be ignored")
}

func TestBcryptRefusesInvalidCost(t *testing.T) {
	_, err := passwords.NewBcrypt(bcrypt.MaxCost + 1).Hash("password1")
	require.Error(t, err)
}

func TestBcryptVerifyMalformedHash(t *testing.T) {
	h := passwords.NewBcrypt(bcrypt.MinCost)
	for _, tt := range []struct {
		name     string
		hash     string
		password string
	}{
		{"empty_hash", "", "password1"},
		{"not_bcrypt", "plain-text-password", "password1"},
		{"not_bcrypt_long_password", "plain-text-password", strings.Repeat("p", 80)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := h.Verify(tt.hash, tt.password)
			require.Error(t, err)
			require.False(t, ok)
		})
	}
}
