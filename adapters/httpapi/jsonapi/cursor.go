package jsonapi

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// ErrBadCursor is the answer to a cursor that is malformed, altered or
// signed with another key.
var ErrBadCursor = errors.New("invalid cursor")

// Cursors signs pagination cursors so that clients cannot forge keyset
// positions: base64url(JSON) "." base64url(HMAC-SHA256).
type Cursors struct {
	key []byte
}

// Cursor is the signed content of a cursor: the sort it belongs to, the
// sort keys of the last resource of a page and that resource's id.
type Cursor struct {
	Sort string   `json:"s"`
	Keys []string `json:"k"`
	ID   string   `json:"i"`
}

// NewCursors derives the cursor key from secret and purpose, which
// separates it from every other key derived from the same secret.
func NewCursors(secret []byte, purpose string) (*Cursors, error) {
	if len(secret) == 0 {
		return nil, errors.New("cursor secret is empty")
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(purpose))
	return &Cursors{key: mac.Sum(nil)}, nil
}

// Encode returns the opaque text form of cur.
func (cc *Cursors) Encode(cur Cursor) (string, error) {
	payload, err := json.Marshal(cur)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(cc.sign(payload)), nil
}

// Decode verifies text and returns the cursor it carries; any fault is
// ErrBadCursor.
func (cc *Cursors) Decode(text string) (Cursor, error) {
	// The base64 decoder skips line breaks, so a cursor with some added
	// would still pass; it was altered all the same and is refused.
	if strings.ContainsAny(text, "\r\n") {
		return Cursor{}, ErrBadCursor
	}
	body, sig, ok := strings.Cut(text, ".")
	if !ok {
		return Cursor{}, ErrBadCursor
	}
	enc := base64.RawURLEncoding.Strict()
	payload, err := enc.DecodeString(body)
	if err != nil {
		return Cursor{}, ErrBadCursor
	}
	mac, err := enc.DecodeString(sig)
	if err != nil || !hmac.Equal(mac, cc.sign(payload)) {
		return Cursor{}, ErrBadCursor
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	var cur Cursor
	if err := dec.Decode(&cur); err != nil {
		return Cursor{}, ErrBadCursor
	}
	return cur, nil
}

func (cc *Cursors) sign(payload []byte) []byte {
	mac := hmac.New(sha256.New, cc.key)
	mac.Write(payload)
	return mac.Sum(nil)
}
