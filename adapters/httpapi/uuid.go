package httpapi

import (
	"encoding/hex"

	"github.com/parley-chat/parley/domain"
)

// uuidLength is the length of an id in its canonical text form.
const uuidLength = 36

// appendUUID appends id in the canonical form uuid.UUID.String writes
// (lower-case hex, 8-4-4-4-12), so that several ids can share one
// allocation.
func appendUUID(b []byte, id domain.ID) []byte {
	var text [uuidLength]byte
	hex.Encode(text[0:8], id[0:4])
	text[8] = '-'
	hex.Encode(text[9:13], id[4:6])
	text[13] = '-'
	hex.Encode(text[14:18], id[6:8])
	text[18] = '-'
	hex.Encode(text[19:23], id[8:10])
	text[23] = '-'
	hex.Encode(text[24:], id[10:])
	return append(b, text[:]...)
}
