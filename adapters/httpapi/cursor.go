package httpapi

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/parley-chat/parley/application"
)

// cursorPurpose separates the cursor key from every other key derived from
// the same secret (the token signing key among them).
const cursorPurpose = "parley pagination cursor v1"

var errBadCursor = errors.New("invalid cursor")

// cursorCodec signs pagination cursors so that clients cannot forge keyset
// positions: base64url(JSON) "." base64url(HMAC-SHA256).
type cursorCodec struct {
	key []byte
}

// cursorPayload is the signed content of a cursor.
type cursorPayload struct {
	Sort string   `json:"s"`
	Keys []string `json:"k"`
	ID   string   `json:"i"`
}

// newCursorCodec derives the cursor key from secret.
func newCursorCodec(secret []byte) (*cursorCodec, error) {
	if len(secret) == 0 {
		return nil, errors.New("cursor secret is empty")
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(cursorPurpose))
	return &cursorCodec{key: mac.Sum(nil)}, nil
}

// encode returns the opaque text form of cur.
func (cc *cursorCodec) encode(cur application.Cursor) (string, error) {
	payload, err := json.Marshal(cursorPayload(cur))
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(cc.sign(payload)), nil
}

// decode verifies text and returns the cursor it carries.
func (cc *cursorCodec) decode(text string) (application.Cursor, error) {
	// The base64 decoder skips line breaks, so a cursor with some added
	// would still pass; it was altered all the same and is refused.
	if strings.ContainsAny(text, "\r\n") {
		return application.Cursor{}, errBadCursor
	}
	body, sig, ok := strings.Cut(text, ".")
	if !ok {
		return application.Cursor{}, errBadCursor
	}
	enc := base64.RawURLEncoding.Strict()
	payload, err := enc.DecodeString(body)
	if err != nil {
		return application.Cursor{}, errBadCursor
	}
	mac, err := enc.DecodeString(sig)
	if err != nil || !hmac.Equal(mac, cc.sign(payload)) {
		return application.Cursor{}, errBadCursor
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	var p cursorPayload
	if err := dec.Decode(&p); err != nil {
		return application.Cursor{}, errBadCursor
	}
	return application.Cursor(p), nil
}

func (cc *cursorCodec) sign(payload []byte) []byte {
	mac := hmac.New(sha256.New, cc.key)
	mac.Write(payload)
	return mac.Sum(nil)
}
