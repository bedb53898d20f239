package jsonapi

import (
	"strings"
	"unicode/utf8"
)

// The lexical part of jsonChecker: white space, literals, numbers, strings.

func (c *jsonChecker) peek() byte {
	if c.pos < len(c.data) {
		return c.data[c.pos]
	}
	return 0
}

func (c *jsonChecker) space() {
	for c.pos < len(c.data) {
		switch c.data[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		default:
			return
		}
	}
}

func (c *jsonChecker) literal(word string) error {
	if !strings.HasPrefix(string(c.data[c.pos:min(len(c.data), c.pos+len(word))]), word) {
		return errSyntax
	}
	c.pos += len(word)
	return nil
}

// number consumes a number of the JSON grammar.
func (c *jsonChecker) number() error {
	if c.peek() == '-' {
		c.pos++
	}
	switch {
	case c.peek() == '0':
		c.pos++
	case c.peek() >= '1' && c.peek() <= '9':
		c.digits()
	default:
		return errSyntax
	}
	if c.peek() == '.' {
		c.pos++
		if !c.digits() {
			return errSyntax
		}
	}
	if b := c.peek(); b == 'e' || b == 'E' {
		c.pos++
		if b := c.peek(); b == '+' || b == '-' {
			c.pos++
		}
		if !c.digits() {
			return errSyntax
		}
	}
	return nil
}

func (c *jsonChecker) digits() bool {
	start := c.pos
	for c.peek() >= '0' && c.peek() <= '9' {
		c.pos++
	}
	return c.pos > start
}

// str consumes the string at pos into buf and reports whether it is valid
// text: valid UTF-8, no lone surrogate escape and no NUL.
func (c *jsonChecker) str() (bool, error) {
	c.pos++
	c.buf = c.buf[:0]
	valid := true
	for {
		if c.pos >= len(c.data) {
			return false, errSyntax
		}
		b := c.data[c.pos]
		switch {
		case b == '"':
			c.pos++
			return valid, nil
		case b < 0x20:
			return false, errSyntax
		case b == '\\':
			r, ok := c.escape()
			if !ok {
				return false, errSyntax
			}
			if r <= 0 {
				valid = false
			}
			c.buf = utf8.AppendRune(c.buf, r)
		case b < utf8.RuneSelf:
			c.buf = append(c.buf, b)
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.data[c.pos:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
			c.buf = append(c.buf, c.data[c.pos:c.pos+size]...)
			c.pos += size
		}
	}
}
