package application

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parley-chat/parley/domain"
)

// ListSchema describes what a collection accepts: its filterable and sortable
// fields with their types, and its default order.
type ListSchema struct {
	Filterable  map[string]FieldType
	Sortable    map[string]FieldType
	DefaultSort []SortKey
}

var operatorsByType = map[FieldType][]Operator{
	TextField: {OpEq, OpNotEq, OpGt, OpGte, OpLt, OpLte, OpPrefix, OpSuffix, OpContains, OpNotContains, OpIn, OpNotIn, OpBlank, OpPresent},
	IDField:   {OpEq, OpNotEq, OpIn, OpNotIn, OpBlank, OpPresent},
	TimeField: {OpEq, OpNotEq, OpGt, OpGte, OpLt, OpLte, OpIn, OpNotIn, OpBlank, OpPresent},
}

// Parse validates raw against the schema. Every problem is a *ParameterError
// naming the parameter.
func (s ListSchema) Parse(raw RawListQuery) (ListQuery, error) {
	q := ListQuery{Size: DefaultPageSize, Sort: s.DefaultSort}
	for _, rf := range raw.Filters {
		f, err := s.parseFilter(rf)
		if err != nil {
			return ListQuery{}, err
		}
		q.Filters = append(q.Filters, f)
	}
	if raw.Sort != nil {
		sort, err := s.parseSort(*raw.Sort)
		if err != nil {
			return ListQuery{}, err
		}
		q.Sort = sort
	}
	if raw.PageSize != nil {
		n, err := strconv.Atoi(strings.TrimSpace(*raw.PageSize))
		if err != nil {
			return ListQuery{}, newParameterError(ParameterPageSize, "", ReasonInvalidValue)
		}
		if n < 1 || n > MaxPageSize {
			return ListQuery{}, newParameterError(ParameterPageSize, "", ReasonOutOfRange)
		}
		q.Size = n
	}
	if raw.After != nil {
		ks, err := s.keysetFrom(*raw.After, q.Sort)
		if err != nil {
			return ListQuery{}, err
		}
		q.After = &ks
	}
	return q, nil
}

func (s ListSchema) parseFilter(rf RawFilter) (Filter, error) {
	typ, ok := s.Filterable[rf.Field]
	if !ok {
		return Filter{}, newParameterError(ParameterFilter, rf.Field, ReasonUnknownField)
	}
	opText, value, hasValue := strings.Cut(rf.Expr, ":")
	op := Operator(opText)
	if !slices.Contains(operatorsByType[typ], op) {
		return Filter{}, newParameterError(ParameterFilter, rf.Field, ReasonUnknownOperator)
	}
	f := Filter{Field: rf.Field, Type: typ, Op: op}
	switch op {
	case OpBlank, OpPresent:
		if hasValue && value != "" {
			return Filter{}, newParameterError(ParameterFilter, rf.Field, ReasonInvalidValue)
		}
		return f, nil
	}
	if !hasValue {
		return Filter{}, newParameterError(ParameterFilter, rf.Field, ReasonInvalidValue)
	}
	texts := []string{value}
	if op == OpIn || op == OpNotIn {
		texts = strings.Split(value, ",")
	}
	for _, t := range texts {
		v, ok := typedValue(typ, t)
		if !ok {
			return Filter{}, newParameterError(ParameterFilter, rf.Field, ReasonInvalidValue)
		}
		if op == OpPrefix || op == OpSuffix || op == OpContains || op == OpNotContains {
			v = FoldText(t)
		}
		f.Values = append(f.Values, v)
	}
	return f, nil
}

func typedValue(typ FieldType, text string) (any, bool) {
	switch typ {
	case IDField:
		id, err := domain.ParseID(text)
		return id, err == nil
	case TimeField:
		t, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return nil, false
		}
		// Stores keep microseconds; finer digits are dropped here so that
		// every store compares the same instant.
		return domain.Timestamp(t), true
	default:
		return text, true
	}
}

func (s ListSchema) parseSort(text string) ([]SortKey, error) {
	var keys []SortKey
	seen := map[string]bool{}
	for part := range strings.SplitSeq(text, ",") {
		k := SortKey{Field: strings.TrimSpace(part)}
		if name, ok := strings.CutPrefix(k.Field, "-"); ok {
			k = SortKey{Field: name, Desc: true}
		}
		if _, ok := s.Sortable[k.Field]; !ok {
			return nil, newParameterError(ParameterSort, "", ReasonUnknownField)
		}
		if seen[k.Field] {
			return nil, newParameterError(ParameterSort, "", ReasonDuplicate)
		}
		seen[k.Field] = true
		keys = append(keys, k)
	}
	return keys, nil
}

// SortString renders sort keys canonically ("-chat_updated_at,created_at").
func SortString(keys []SortKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.Field
		if k.Desc {
			parts[i] = "-" + k.Field
		}
	}
	return strings.Join(parts, ",")
}

func (s ListSchema) keysetFrom(c Cursor, sort []SortKey) (Keyset, error) {
	bad := newParameterError(ParameterPageAfter, "", ReasonInvalidCursor)
	if c.Sort != SortString(sort) || len(c.Keys) != len(sort) {
		return Keyset{}, bad
	}
	id, err := domain.ParseID(c.ID)
	if err != nil {
		return Keyset{}, bad
	}
	ks := Keyset{ID: id, Values: make([]any, len(sort))}
	for i, k := range sort {
		v, ok := typedValue(s.Sortable[k.Field], c.Keys[i])
		if !ok {
			return Keyset{}, bad
		}
		ks.Values[i] = v
	}
	return ks, nil
}

// PageOf trims items fetched with Size+1 to one page and, when more exist,
// builds the cursor of the next page from the last item. keyOf returns an
// item's sort values for q.Sort (folded for text keys) and its id.
func PageOf[T any](items []T, q ListQuery, keyOf func(T, []SortKey) ([]any, domain.ID)) Page[T] {
	if len(items) <= q.Size {
		return Page[T]{Items: items}
	}
	items = items[:q.Size]
	values, id := keyOf(items[len(items)-1], q.Sort)
	keys := make([]string, len(values))
	for i, v := range values {
		keys[i] = formatKey(v)
	}
	return Page[T]{Items: items, Next: &Cursor{Sort: SortString(q.Sort), Keys: keys, ID: id.String()}}
}
