package memstore

import (
	"bytes"
	"strings"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// compareValues orders two values of the same kind: strings bytewise, ids
// bytewise, times as instants. Values of different kinds never reach it
// because queries are checked first; they compare equal.
func compareValues(a, b any) int {
	switch x := a.(type) {
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y)
		}
	case domain.ID:
		if y, ok := b.(domain.ID); ok {
			return bytes.Compare(x[:], y[:])
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y)
		}
	}
	return 0
}

// compareKeys orders two rows by the sort keys, each in its direction, then
// by id in the direction of the last key (ascending without keys).
func compareKeys(sort []application.SortKey, av []any, aid domain.ID, bv []any, bid domain.ID) int {
	for i, k := range sort {
		c := compareValues(av[i], bv[i])
		if k.Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	c := bytes.Compare(aid[:], bid[:])
	if len(sort) > 0 && sort[len(sort)-1].Desc {
		c = -c
	}
	return c
}
