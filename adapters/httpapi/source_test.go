package httpapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func values(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// goSource is the syntax of a package's non-test files.
type goSource []*ast.File

func parseSource(t *testing.T, dir string) goSource {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var files goSource
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		require.NoError(t, err)
		files = append(files, f)
	}
	return files
}

// constants maps the name of every string constant whose name starts with
// prefix and whose declared type is typ ("" for untyped) to its value.
func (src goSource) constants(prefix, typ string) map[string]string {
	found := map[string]string{}
	for _, f := range src {
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok || (spec.Type == nil) != (typ == "") || spec.Type != nil && types.ExprString(spec.Type) != typ {
				return true
			}
			for i, name := range spec.Names {
				if i < len(spec.Values) && strings.HasPrefix(name.Name, prefix) {
					if value, ok := stringLiteral(spec.Values[i]); ok {
						found[name.Name] = value
					}
				}
			}
			return true
		})
	}
	return found
}

func stringLiteral(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	value, err := strconv.Unquote(lit.Value)
	return value, err == nil
}

// validations returns the field and rule of every call that passes a field
// name and a rule constant, such as Add("name", RuleTooLong) or
// NewValidationError("user_id", domain.RuleSelf); rules maps the names of
// the rule constants to their values.
func (src goSource) validations(rules map[string]string) [][2]string {
	var pairs [][2]string
	for _, f := range src {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			field, isField := stringLiteral(call.Args[0])
			name := types.ExprString(call.Args[1])
			name = name[strings.LastIndex(name, ".")+1:]
			if rule, isRule := rules[name]; isField && isRule {
				pairs = append(pairs, [2]string{field, rule})
			}
			return true
		})
	}
	return pairs
}
