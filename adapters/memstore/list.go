package memstore

import (
	"slices"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// listing evaluates collection queries over one kind of item the way the SQL
// stores do: filter, skip up to the keyset, order, then cut to Size+1.
type listing[T any] struct {
	schema application.ListSchema
	// fields returns, per filterable or sortable attribute of the
	// resource's field table, its raw value: a string, a domain.ID or a
	// time.Time. A test holds the keys against the table.
	fields map[string]func(item T) any
	id     func(item T) domain.ID
}

// keyed is an item with its sort values computed once.
type keyed[T any] struct {
	item   T
	values []any
	id     domain.ID
}

// page returns up to q.Size+1 items of q in q's order.
func (l listing[T]) page(items []T, q application.ListQuery) ([]T, error) {
	if err := checkQuery(l.schema, q); err != nil {
		return nil, err
	}
	rows := make([]keyed[T], 0, len(items))
	for _, it := range items {
		if !l.matchesAll(it, q.Filters) {
			continue
		}
		row := keyed[T]{item: it, values: l.sortValues(it, q.Sort), id: l.id(it)}
		if q.After != nil && compareKeys(q.Sort, row.values, row.id, q.After.Values, q.After.ID) <= 0 {
			continue
		}
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b keyed[T]) int {
		return compareKeys(q.Sort, a.values, a.id, b.values, b.id)
	})
	n := min(len(rows), max(q.Size, 0)+1)
	out := make([]T, n)
	for i := range out {
		out[i] = rows[i].item
	}
	return out, nil
}

// sortValues returns the values item is ordered by; text keys are folded.
func (l listing[T]) sortValues(item T, sort []application.SortKey) []any {
	values := make([]any, len(sort))
	for i, k := range sort {
		v := l.fields[k.Field](item)
		if text, ok := v.(string); ok {
			v = application.FoldText(text)
		}
		values[i] = v
	}
	return values
}

// matchesAll reports whether item passes every filter.
func (l listing[T]) matchesAll(item T, filters []application.Filter) bool {
	for _, f := range filters {
		if !matches(l.fields[f.Field](item), f) {
			return false
		}
	}
	return true
}
