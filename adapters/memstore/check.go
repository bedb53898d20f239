package memstore

import (
	"fmt"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// checkQuery rejects a query that the schema's Parse could not have built, so
// that evaluation never meets a value of the wrong kind.
func checkQuery(s application.ListSchema, q application.ListQuery) error {
	for _, f := range q.Filters {
		typ, ok := s.Filterable[f.Field]
		if !ok {
			return fmt.Errorf("filter on unknown field %q", f.Field)
		}
		if err := checkFilterValues(typ, f); err != nil {
			return fmt.Errorf("filter on %s: %w", f.Field, err)
		}
	}
	for _, k := range q.Sort {
		if _, ok := s.Sortable[k.Field]; !ok {
			return fmt.Errorf("sort on unknown field %q", k.Field)
		}
	}
	if q.After == nil {
		return nil
	}
	if len(q.After.Values) != len(q.Sort) {
		return fmt.Errorf("keyset has %d values for %d sort keys", len(q.After.Values), len(q.Sort))
	}
	for i, k := range q.Sort {
		if !hasType(s.Sortable[k.Field], q.After.Values[i]) {
			return fmt.Errorf("keyset value for %s has type %T", k.Field, q.After.Values[i])
		}
	}
	return nil
}

func checkFilterValues(typ application.FieldType, f application.Filter) error {
	n := len(f.Values)
	switch f.Op {
	case application.OpBlank, application.OpPresent:
		return nil
	case application.OpIn, application.OpNotIn:
		if n == 0 {
			return fmt.Errorf("operator %s needs values", f.Op)
		}
	case application.OpPrefix, application.OpSuffix, application.OpContains, application.OpNotContains:
		if typ != application.TextField {
			return fmt.Errorf("operator %s needs a text field", f.Op)
		}
		fallthrough
	case application.OpEq, application.OpNotEq, application.OpGt, application.OpGte, application.OpLt, application.OpLte:
		if n != 1 {
			return fmt.Errorf("operator %s needs one value, got %d", f.Op, n)
		}
	default:
		return fmt.Errorf("unknown operator %q", f.Op)
	}
	for _, v := range f.Values {
		if !hasType(typ, v) {
			return fmt.Errorf("value of type %T", v)
		}
	}
	return nil
}

func hasType(typ application.FieldType, v any) bool {
	switch v.(type) {
	case string:
		return typ == application.TextField
	case domain.ID:
		return typ == application.IDField
	case time.Time:
		return typ == application.TimeField
	}
	return false
}
