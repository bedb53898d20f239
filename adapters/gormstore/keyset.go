package gormstore

import (
	"strings"

	"github.com/parley-chat/parley/application"
)

// orderKey is one resolved sort key.
type orderKey struct {
	field field
	desc  bool
}

// ordering is a total order: the sort keys, then id in the direction of the
// last key.
type ordering struct {
	keys []orderKey
	id   string
}

func (o ordering) idDesc() bool { return len(o.keys) > 0 && o.keys[len(o.keys)-1].desc }

// orderBy renders the ORDER BY list.
func (o ordering) orderBy(w *where) string {
	parts := make([]string, 0, len(o.keys)+1)
	for _, k := range o.keys {
		parts = append(parts, w.ordered(k.field)+direction(k.desc))
	}
	parts = append(parts, o.id+direction(o.idDesc()))
	return strings.Join(parts, ", ")
}

func direction(desc bool) string {
	if desc {
		return " DESC"
	}
	return " ASC"
}

func beyond(desc bool) string {
	if desc {
		return " < ?"
	}
	return " > ?"
}

// after adds the keyset condition "strictly after ks in this order", spelled
// out as (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... so that keys with mixed
// directions work and each branch can use an index range; row-value
// comparison cannot mix directions.
func (o ordering) after(w *where, ks *application.Keyset) {
	if ks == nil || len(o.keys) == 0 || len(ks.Values) != len(o.keys) {
		return
	}
	var branches []string
	var args []any
	var prefix []string
	var prefixArgs []any
	for i, k := range o.keys {
		col := w.ordered(k.field)
		branch := append(append([]string{}, prefix...), col+beyond(k.desc))
		branches = append(branches, "("+strings.Join(branch, " AND ")+")")
		args = append(append(args, prefixArgs...), arg(ks.Values[i]))
		prefix = append(prefix, col+" = ?")
		prefixArgs = append(prefixArgs, arg(ks.Values[i]))
	}
	last := append(append([]string{}, prefix...), o.id+beyond(o.idDesc()))
	branches = append(branches, "("+strings.Join(last, " AND ")+")")
	args = append(append(args, prefixArgs...), ks.ID)
	// The redundant bound on the first key lets an index scan start at the
	// cursor instead of filtering the rows before it.
	first := o.keys[0]
	bound := " >= ?"
	if first.desc {
		bound = " <= ?"
	}
	w.add("("+w.ordered(first.field)+bound+" AND ("+strings.Join(branches, " OR ")+"))",
		append([]any{arg(ks.Values[0])}, args...)...)
}
