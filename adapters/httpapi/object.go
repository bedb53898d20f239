package httpapi

import (
	"encoding/json"
	"time"
	"unicode/utf8"
)

// object writes one JSON object member by member, skipping members outside
// its sparse fieldset. It exists so that rendering a resource costs one
// buffer, not a map and a reflection pass.
type object struct {
	buf    []byte
	fields fieldset
	empty  bool
}

// newObject starts an object whose members are limited to fields (nil allows
// every member), in a buffer of capacity bytes taken from ar (nil allocates
// one of its own).
func newObject(ar *arena, fields fieldset, capacity int) object {
	buf := append(ar.buffer(capacity), '{')
	return object{buf: buf, fields: fields, empty: true}
}

// key writes the name of the next member and reports whether it is wanted.
func (o *object) key(name string) bool {
	if o.fields != nil && !o.fields[name] {
		return false
	}
	if !o.empty {
		o.buf = append(o.buf, ',')
	}
	o.empty = false
	o.buf = appendString(o.buf, name)
	o.buf = append(o.buf, ':')
	return true
}

func (o *object) str(name, value string) {
	if o.key(name) {
		o.buf = appendString(o.buf, value)
	}
}

func (o *object) time(name string, t time.Time) {
	if o.key(name) {
		o.buf = append(o.buf, '"')
		o.buf = t.UTC().AppendFormat(o.buf, time.RFC3339Nano)
		o.buf = append(o.buf, '"')
	}
}

func (o *object) null(name string) {
	if o.key(name) {
		o.buf = append(o.buf, "null"...)
	}
}

func (o *object) strings(name string, values []string) {
	if o.key(name) {
		o.buf = append(o.buf, '[')
		for i, v := range values {
			if i > 0 {
				o.buf = append(o.buf, ',')
			}
			o.buf = appendString(o.buf, v)
		}
		o.buf = append(o.buf, ']')
	}
}

// toOne writes a to-one relationship with its resource linkage (null when
// id is empty).
func (o *object) toOne(name, typ, id string) {
	if o.key(name) {
		o.buf = append(o.buf, `{"data":`...)
		o.buf = appendIdentifier(o.buf, typ, id)
		o.buf = append(o.buf, '}')
	}
}

// toMany writes a to-many relationship with its resource linkage.
func (o *object) toMany(name, typ string, ids []string) {
	if o.key(name) {
		o.buf = append(o.buf, `{"data":[`...)
		for i, id := range ids {
			if i > 0 {
				o.buf = append(o.buf, ',')
			}
			o.buf = appendIdentifier(o.buf, typ, id)
		}
		o.buf = append(o.buf, "]}"...)
	}
}

// done closes the object; an object without members is nil, so that an empty
// attributes or relationships member is left out.
func (o *object) done() json.RawMessage {
	if o.empty {
		return nil
	}
	return append(o.buf, '}')
}

func appendIdentifier(buf []byte, typ, id string) []byte {
	if id == "" {
		return append(buf, "null"...)
	}
	buf = append(buf, `{"type":`...)
	buf = appendString(buf, typ)
	buf = append(buf, `,"id":`...)
	buf = appendString(buf, id)
	return append(buf, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping what JSON requires plus
// the line separators U+2028 and U+2029, which break JavaScript parsers.
func appendString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	buf = appendStringBody(buf, s)
	return append(buf, '"')
}

// appendStringBody appends s escaped as in appendString, without the quotes,
// so that a string can be written in parts.
func appendStringBody(buf []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch b {
			case '"', '\\':
				buf = append(buf, '\\', b)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(buf, s[start:]...)
}
