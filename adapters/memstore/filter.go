package memstore

import (
	"strings"
	"time"

	"github.com/parley-chat/parley/application"
)

// matches reports whether an attribute value passes f. Text-matching
// operators compare the folded attribute with the already folded value,
// literally; every other operator compares the attribute itself. Every
// filterable attribute is set, so blank matches nothing and present all,
// except a nullable time (discarded_at) whose zero value is NULL: it matches
// blank and, as in SQL, no other operator.
func matches(v any, f application.Filter) bool {
	if t, ok := v.(time.Time); ok && t.IsZero() {
		return f.Op == application.OpBlank
	}
	switch f.Op {
	case application.OpBlank:
		return false
	case application.OpPresent:
		return true
	case application.OpIn:
		return equalsAny(v, f.Values)
	case application.OpNotIn:
		return !equalsAny(v, f.Values)
	case application.OpPrefix, application.OpSuffix, application.OpContains, application.OpNotContains:
		return matchesText(v, f)
	}
	c := compareValues(v, f.Values[0])
	switch f.Op {
	case application.OpEq:
		return c == 0
	case application.OpNotEq:
		return c != 0
	case application.OpGt:
		return c > 0
	case application.OpGte:
		return c >= 0
	case application.OpLt:
		return c < 0
	case application.OpLte:
		return c <= 0
	}
	return false
}

func equalsAny(v any, values []any) bool {
	for _, w := range values {
		if compareValues(v, w) == 0 {
			return true
		}
	}
	return false
}

func matchesText(v any, f application.Filter) bool {
	text, _ := v.(string)
	folded := application.FoldText(text)
	want, _ := f.Values[0].(string)
	switch f.Op {
	case application.OpPrefix:
		return strings.HasPrefix(folded, want)
	case application.OpSuffix:
		return strings.HasSuffix(folded, want)
	case application.OpContains:
		return strings.Contains(folded, want)
	default:
		return !strings.Contains(folded, want)
	}
}
