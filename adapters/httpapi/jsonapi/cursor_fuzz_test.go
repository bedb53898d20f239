package jsonapi

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// FuzzCursorDecode feeds arbitrary page[after] values to the cursor codec.
// Decoding must never panic, and whatever it accepts must carry a valid
// signature: the text re-encodes to itself, so nothing but a cursor the
// server issued is ever believed.
func FuzzCursorDecode(f *testing.F) {
	codec, err := NewCursors([]byte("fuzz secret"), testPurpose)
	require.NoError(f, err)
	for _, cur := range []Cursor{
		{Sort: "name", Keys: []string{"ada"}, ID: "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b"},
		{Sort: "-chat_updated_at,created_at", Keys: []string{"2025-01-02T03:04:05.123456Z", "2025-01-01T00:00:00Z"}, ID: "x"},
		{Sort: "", Keys: nil, ID: ""},
	} {
		token, err := codec.Encode(cur)
		require.NoError(f, err)
		f.Add(token)
		f.Add(token[:len(token)-1])
		f.Add(token + "=")
		f.Add(token + ".")
	}
	for _, seed := range []string{"", ".", "..", "abc", "e30.", "e30.AAAA", "eyJzIjoxfQ.x", "!!!.!!!", "e30=.e30="} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cur, err := codec.Decode(text)
		if err != nil {
			require.ErrorIs(t, err, ErrBadCursor)
			return
		}
		again, err := codec.Encode(cur)
		require.NoError(t, err)
		require.Equal(t, text, again, "an accepted cursor must be exactly one the codec issued")
	})
}

// FuzzCursorRoundtrip encodes arbitrary cursor contents: decoding gives them
// back unchanged (for valid UTF-8, which JSON keeps), and another key or a
// flipped bit anywhere is refused (strict base64 leaves no slack in a
// segment's last character).
func FuzzCursorRoundtrip(f *testing.F) {
	f.Add("name,-created_at", "ada \"the\" first", "2025-01-02T03:04:05.123456Z", "0193a0b2-8c6e-7d4f-9a1b-2c3d4e5f6a7b", uint16(3))
	f.Add("", "", "", "", uint16(0))
	f.Add("-chat_updated_at", "\u00d6zil\u2028<script>", "%_\\", "\x00", uint16(40))
	f.Add("name", "\xff\xfe", "", "id", uint16(7))
	codec, err := NewCursors([]byte("fuzz secret"), testPurpose)
	require.NoError(f, err)
	other, err := NewCursors([]byte("another secret"), testPurpose)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, sort, key1, key2, id string, flip uint16) {
		cur := Cursor{Sort: sort, Keys: []string{key1, key2}, ID: id}
		token, err := codec.Encode(cur)
		require.NoError(t, err)
		got, err := codec.Decode(token)
		require.NoError(t, err)
		if validUTF8(sort, key1, key2, id) {
			require.Equal(t, cur, got)
		}
		_, err = other.Decode(token)
		require.Error(t, err)
		i := int(flip) % len(token)
		mutated := []byte(token)
		mutated[i] ^= 0x01
		_, err = codec.Decode(string(mutated))
		require.Error(t, err, "flipping byte %d of %q must break the cursor", i, token)
	})
}

// validUTF8 reports whether every string is valid UTF-8 on its own (two
// invalid halves can make a valid whole).
func validUTF8(texts ...string) bool {
	for _, s := range texts {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
