package jsonapi

import (
	"unicode/utf16"
	"unicode/utf8"
)

// loneSurrogate is what escape returns for a surrogate escape without its
// partner; encoding/json would decode it as U+FFFD.
const loneSurrogate rune = -1

// escape consumes one escape sequence; a lone surrogate is returned as
// loneSurrogate.
func (c *jsonChecker) escape() (rune, bool) {
	if c.pos+1 >= len(c.data) {
		return 0, false
	}
	c.pos += 2
	switch c.data[c.pos-1] {
	case '"', '\\', '/':
		return rune(c.data[c.pos-1]), true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'u':
		r, ok := c.hex4()
		if !ok || !utf16.IsSurrogate(r) {
			return r, ok
		}
		if r >= 0xDC00 || c.peek() != '\\' || c.pos+1 >= len(c.data) || c.data[c.pos+1] != 'u' {
			return loneSurrogate, true
		}
		save := c.pos
		c.pos += 2
		low, ok := c.hex4()
		if !ok {
			return 0, false
		}
		if pair := utf16.DecodeRune(r, low); pair != utf8.RuneError {
			return pair, true
		}
		// A high surrogate followed by another escape: the first is lone,
		// the second is read on its own.
		c.pos = save
		return loneSurrogate, true
	default:
		return 0, false
	}
}

func (c *jsonChecker) hex4() (rune, bool) {
	if c.pos+4 > len(c.data) {
		return 0, false
	}
	var r rune
	for _, b := range c.data[c.pos : c.pos+4] {
		switch {
		case b >= '0' && b <= '9':
			r = r<<4 | rune(b-'0')
		case b >= 'a' && b <= 'f':
			r = r<<4 | rune(b-'a'+10)
		case b >= 'A' && b <= 'F':
			r = r<<4 | rune(b-'A'+10)
		default:
			return 0, false
		}
	}
	c.pos += 4
	return r, true
}
