package jsonapi

import (
	"net/http"
	"strconv"
)

// MaxDepth bounds how deeply a request document may nest objects and
// arrays. A resource document needs four levels; the bound leaves room for
// meta while keeping the walk's recursion small.
const MaxDepth = 32

// jsonChecker walks a request body once, before anything decodes it, for
// what encoding/json lets through or misreports: a member named twice (it
// keeps the last), invalid UTF-8 and lone surrogate escapes (it replaces
// them with U+FFFD), NUL characters, and nesting deeper than MaxDepth.
type jsonChecker struct {
	data  []byte
	pos   int
	depth int
	// buf holds the decoded text of the last string read.
	buf []byte
	// fault is the first duplicate member or invalid text found; the walk
	// goes on, so that a syntax error later in the body still wins.
	fault error
}

// Check answers the first fault of body as a *Problem: syntax and
// duplicate members are 400 invalid_json, too deep a nesting is 400 with a
// detail saying so, and a string that is not valid text is 422 on its pointer.
func Check(body []byte) error {
	c := &jsonChecker{data: body}
	if err := c.value(""); err != nil {
		return err
	}
	c.space()
	if c.pos != len(c.data) {
		return errSyntax
	}
	return c.fault
}

// note keeps the first fault that is not a syntax error.
func (c *jsonChecker) note(err error) {
	if c.fault == nil {
		c.fault = err
	}
}

func (c *jsonChecker) value(pointer string) error {
	c.space()
	if c.pos >= len(c.data) {
		return errSyntax
	}
	switch b := c.data[c.pos]; b {
	case '{', '[':
		if c.depth++; c.depth > MaxDepth {
			return &Problem{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Key: KeyTooDeep, Limit: strconv.Itoa(MaxDepth)}
		}
		defer func() { c.depth-- }()
		c.pos++
		if b == '{' {
			return c.object(pointer)
		}
		return c.array(pointer)
	case '"':
		valid, err := c.str()
		// A bare string is no resource document: that shape error, not its
		// text, is the answer.
		if err == nil && !valid && pointer != "" {
			c.note(invalidText(pointer))
		}
		return err
	case 't':
		return c.literal("true")
	case 'f':
		return c.literal("false")
	case 'n':
		return c.literal("null")
	default:
		return c.number()
	}
}

func (c *jsonChecker) object(pointer string) error {
	seen := map[string]bool{}
	if c.space(); c.peek() == '}' {
		c.pos++
		return nil
	}
	for {
		if c.space(); c.peek() != '"' {
			return errSyntax
		}
		valid, err := c.str()
		if err != nil {
			return err
		}
		name := string(c.buf)
		member := pointer + "/" + EscapePointer(Printable(name))
		switch {
		case !valid:
			c.note(invalidText(member))
		case seen[name]:
			c.note(&Problem{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Key: KeyDuplicateMember, Arg: name, Pointer: member})
		}
		seen[name] = true
		if c.space(); c.peek() != ':' {
			return errSyntax
		}
		c.pos++
		if err := c.value(member); err != nil {
			return err
		}
		if done, err := c.next('}'); done || err != nil {
			return err
		}
	}
}

func (c *jsonChecker) array(pointer string) error {
	if c.space(); c.peek() == ']' {
		c.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := c.value(pointer + "/" + strconv.Itoa(i)); err != nil {
			return err
		}
		if done, err := c.next(']'); done || err != nil {
			return err
		}
	}
}

// next consumes the comma between two elements, or the closing bracket,
// reporting whether the container ended.
func (c *jsonChecker) next(closing byte) (bool, error) {
	c.space()
	switch c.peek() {
	case ',':
		c.pos++
		return false, nil
	case closing:
		c.pos++
		return true, nil
	default:
		return false, errSyntax
	}
}
