package httpapi

import (
	"encoding/json"
	"time"
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
