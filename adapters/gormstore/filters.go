package gormstore

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/parley-chat/parley/application"
)

// field maps a list attribute to SQL: expr is the column compared by the
// ordinary operators and used for sorting, folded the column that the
// text-matching operators (pre, suf, ct, !ct) compare with the folded value.
type field struct {
	expr   string
	folded string
	typ    application.FieldType
}

// where accumulates AND-ed conditions, each a clause expression with its
// own arguments.
type where struct {
	postgres bool
	conds    []clause.Expr
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, clause.Expr{SQL: cond, Vars: args})
}

// scope adds every condition to a GORM query.
func (w *where) scope(db *gorm.DB) *gorm.DB {
	for _, c := range w.conds {
		db = db.Where(c)
	}
	return db
}

// sql renders the conditions joined with AND, or TRUE when there are none,
// for the statements written out in full.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1 = 1"
	}
	parts := make([]string, len(w.conds))
	for i, c := range w.conds {
		parts[i] = c.SQL
	}
	return strings.Join(parts, " AND ")
}

// args returns the arguments of sql, in order.
func (w *where) args() []any {
	var args []any
	for _, c := range w.conds {
		args = append(args, c.Vars...)
	}
	return args
}

// ordered returns expr as compared and sorted: bytewise on PostgreSQL too,
// so that every store agrees on the order of text.
func (w *where) ordered(f field) string {
	if w.postgres && f.typ == application.TextField {
		return f.expr + ` COLLATE "C"`
	}
	return f.expr
}

// filter adds the condition of one validated filter.
func (w *where) filter(f field, flt application.Filter) error {
	col := w.ordered(f)
	switch flt.Op {
	case application.OpEq, application.OpNotEq, application.OpGt, application.OpGte, application.OpLt, application.OpLte:
		w.add(col+" "+comparison[flt.Op]+" ?", arg(flt.Values[0]))
	case application.OpIn, application.OpNotIn:
		not := ""
		if flt.Op == application.OpNotIn {
			not = "NOT "
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(flt.Values)), ", ")
		args := make([]any, len(flt.Values))
		for i, v := range flt.Values {
			args[i] = arg(v)
		}
		w.add(col+" "+not+"IN ("+marks+")", args...)
	case application.OpBlank:
		w.add(blank(f))
	case application.OpPresent:
		w.add("NOT " + blank(f))
	case application.OpPrefix, application.OpSuffix, application.OpContains, application.OpNotContains:
		return w.like(f, flt)
	default:
		return fmt.Errorf("unsupported filter operator %q", flt.Op)
	}
	return nil
}

var comparison = map[application.Operator]string{
	application.OpEq: "=", application.OpNotEq: "<>",
	application.OpGt: ">", application.OpGte: ">=", application.OpLt: "<", application.OpLte: "<=",
}

// blank is NULL, or for text also the empty string.
func blank(f field) string {
	if f.typ == application.TextField {
		return "(" + f.expr + " IS NULL OR " + f.expr + " = '')"
	}
	return "(" + f.expr + " IS NULL)"
}

func (w *where) like(f field, flt application.Filter) error {
	if f.folded == "" {
		return fmt.Errorf("operator %q needs a text field, not %q", flt.Op, f.expr)
	}
	text, _ := flt.Values[0].(string)
	pattern := escapeLike(text)
	op := "LIKE"
	switch flt.Op {
	case application.OpPrefix:
		pattern += "%"
	case application.OpSuffix:
		pattern = "%" + pattern
	case application.OpNotContains:
		op = "NOT LIKE"
		pattern = "%" + pattern + "%"
	default:
		pattern = "%" + pattern + "%"
	}
	w.add(f.folded+" "+op+` ? ESCAPE '\'`, pattern)
	return nil
}

// escapeLike makes %, _ and the escape character itself literal in a LIKE
// pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
