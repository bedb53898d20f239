package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RuleCharacters is broken by a name holding a control or bidirectional
// formatting character (see ValidName).
const RuleCharacters Rule = "characters"

// TrimmedLength reports the number of characters (not bytes) of s after
// surrounding white space is removed.
func TrimmedLength(s string) int {
	return utf8.RuneCountInString(strings.TrimSpace(s))
}

// ValidText reports whether s is text Parley stores: valid UTF-8 without NUL.
// Every adapter refuses anything else before it reaches a use case; the
// domain checks again so that no store ever sees such bytes.
func ValidText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// ValidName reports whether s may name a person or an account: valid text
// without control characters (such as BEL or a line break) and without the
// bidirectional controls that reorder what a reader sees, so that one name
// cannot be written to look like another.
func ValidName(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Cc, r) || isBidiControl(r) {
			return false
		}
	}
	return true
}

// isBidiControl reports the embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	default:
		return r == 0x200E || r == 0x200F || r == 0x061C
	}
}
