package jsonapi

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCursorCodec(t *testing.T) {
	codec, err := NewCursors([]byte("first secret"), testPurpose)
	require.NoError(t, err)
	cur := Cursor{Sort: "name,-created_at", Keys: []string{"ada \"the\" first", "2025-01-02T03:04:05.123456Z"}, ID: "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"}
	token, err := codec.Encode(cur)
	require.NoError(t, err)

	t.Run("roundtrip", func(t *testing.T) {
		got, err := codec.Decode(token)
		require.NoError(t, err)
		require.Equal(t, cur, got)
	})
	t.Run("url_safe", func(t *testing.T) {
		require.NotContains(t, token, "+")
		require.NotContains(t, token, "/")
		require.NotContains(t, token, "=")
	})
	t.Run("tampering_any_byte_fails", func(t *testing.T) {
		for i := range len(token) {
			for _, repl := range []byte{'A', 'b', '_', '.'} {
				if token[i] == repl {
					continue
				}
				bad := token[:i] + string(repl) + token[i+1:]
				_, err := codec.Decode(bad)
				require.Error(t, err, "byte %d replaced by %q", i, repl)
			}
		}
	})
	t.Run("truncation_fails", func(t *testing.T) {
		for i := range len(token) {
			_, err := codec.Decode(token[:i])
			require.Error(t, err)
		}
	})
	t.Run("wrong_key_fails", func(t *testing.T) {
		other, err := NewCursors([]byte("second secret"), testPurpose)
		require.NoError(t, err)
		_, err = other.Decode(token)
		require.Error(t, err)
	})
	t.Run("empty_secret_is_refused", func(t *testing.T) {
		_, err := NewCursors(nil, testPurpose)
		require.Error(t, err)
	})
}

// testPurpose separates the tests' cursor keys from any other.
const testPurpose = "test cursors"

func TestCursorPurposeSeparatesKeys(t *testing.T) {
	one, err := NewCursors([]byte("secret"), "one")
	require.NoError(t, err)
	two, err := NewCursors([]byte("secret"), "two")
	require.NoError(t, err)
	token, err := one.Encode(Cursor{Sort: "name", Keys: []string{"a"}, ID: "1"})
	require.NoError(t, err)
	_, err = two.Decode(token)
	require.ErrorIs(t, err, ErrBadCursor)
}
