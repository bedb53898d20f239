package jsonapi

import (
	"encoding/json"
	"strconv"
	"time"
)

// Object writes one JSON object member by member, skipping members outside
// its sparse fieldset. It exists so that rendering a resource costs one
// buffer, not a map and a reflection pass.
type Object struct {
	buf    []byte
	fields Fieldset
	empty  bool
}

// NewObject starts an object whose members are limited to fields (nil allows
// every member), in a buffer of capacity bytes taken from ar (nil allocates
// one of its own).
func NewObject(ar *Arena, fields Fieldset, capacity int) Object {
	buf := append(ar.Buffer(capacity), '{')
	return Object{buf: buf, fields: fields, empty: true}
}

// Key writes the name of the next member and reports whether it is wanted.
func (o *Object) Key(name string) bool {
	if o.fields != nil && !o.fields[name] {
		return false
	}
	if !o.empty {
		o.buf = append(o.buf, ',')
	}
	o.empty = false
	o.buf = AppendString(o.buf, name)
	o.buf = append(o.buf, ':')
	return true
}

// Str writes the member name with a string value.
func (o *Object) Str(name, value string) {
	if o.Key(name) {
		o.buf = AppendString(o.buf, value)
	}
}

// Time writes the member name with t in UTC as RFC 3339 with nanoseconds.
func (o *Object) Time(name string, t time.Time) {
	if o.Key(name) {
		o.buf = append(o.buf, '"')
		o.buf = t.UTC().AppendFormat(o.buf, time.RFC3339Nano)
		o.buf = append(o.buf, '"')
	}
}

// Int writes the member name with an integer value.
func (o *Object) Int(name string, n int) {
	if o.Key(name) {
		o.buf = strconv.AppendInt(o.buf, int64(n), 10)
	}
}

// Null writes the member name with null.
func (o *Object) Null(name string) {
	if o.Key(name) {
		o.buf = append(o.buf, "null"...)
	}
}

// Strings writes the member name with an array of strings.
func (o *Object) Strings(name string, values []string) {
	if o.Key(name) {
		o.buf = append(o.buf, '[')
		for i, v := range values {
			if i > 0 {
				o.buf = append(o.buf, ',')
			}
			o.buf = AppendString(o.buf, v)
		}
		o.buf = append(o.buf, ']')
	}
}

// ToOne writes a to-one relationship with its resource linkage (null when
// id is empty).
func (o *Object) ToOne(name, typ, id string) {
	if o.Key(name) {
		o.buf = append(o.buf, `{"data":`...)
		o.buf = appendIdentifier(o.buf, typ, id)
		o.buf = append(o.buf, '}')
	}
}

// ToMany writes a to-many relationship with its resource linkage.
func (o *Object) ToMany(name, typ string, ids []string) {
	if o.Key(name) {
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

// Done closes the object; an object without members is nil, so that an empty
// attributes or relationships member is left out.
func (o *Object) Done() json.RawMessage {
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
	buf = AppendString(buf, typ)
	buf = append(buf, `,"id":`...)
	buf = AppendString(buf, id)
	return append(buf, '}')
}
