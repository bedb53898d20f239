package httpapi

import (
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
)

// cursorPurpose separates the cursor key from every other key derived from
// the same secret (the token signing key among them). Changing it voids
// every cursor already handed out.
const cursorPurpose = "parley pagination cursor v1"

// cursorCodec signs the application's keyset positions as page[after]
// values; the signing itself is jsonapi's.
type cursorCodec struct {
	cursors *jsonapi.Cursors
}

// newCursorCodec derives the cursor key from secret.
func newCursorCodec(secret []byte) (*cursorCodec, error) {
	cursors, err := jsonapi.NewCursors(secret, cursorPurpose)
	if err != nil {
		return nil, err
	}
	return &cursorCodec{cursors: cursors}, nil
}

// encode returns the opaque text form of cur.
func (cc *cursorCodec) encode(cur application.Cursor) (string, error) {
	return cc.cursors.Encode(jsonapi.Cursor(cur))
}

// decode verifies text and returns the position it carries.
func (cc *cursorCodec) decode(text string) (application.Cursor, error) {
	cur, err := cc.cursors.Decode(text)
	return application.Cursor(cur), err
}
