package apispec_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
	"github.com/parley-chat/parley/application"
)

// specPart is the part of the OpenAPI document the field tables are held
// against.
type specPart struct {
	Components struct {
		Schemas    map[string]specSchema `json:"schemas"`
		Parameters map[string]struct {
			Schema specSchema `json:"schema"`
		} `json:"parameters"`
	} `json:"components"`
}

type specSchema struct {
	Properties map[string]json.RawMessage `json:"properties"`
	Pattern    string                     `json:"pattern"`
	Enum       []string                   `json:"enum"`
	Default    any                        `json:"default"`
}

// firstGroup is the first alternation of a list pattern such as
// "^-?(name|created_at)(,-?(name|created_at))*$"; an include pattern may
// also list nested paths such as "chat\\.bookmark".
var firstGroup = regexp.MustCompile(`\(([a-z_|.\\]+)\)`)

// listed returns the field names a sort or include parameter accepts, read
// from its pattern or its enum.
func listed(s specSchema) []string {
	var names []string
	if m := firstGroup.FindStringSubmatch(s.Pattern); m != nil {
		for _, name := range strings.Split(m[1], "|") {
			// A nested path is the related type's relationship, not this one's.
			if !strings.Contains(name, ".") {
				names = append(names, name)
			}
		}
	}
	for _, v := range s.Enum {
		for part := range strings.SplitSeq(v, ",") {
			if part = strings.TrimPrefix(part, "-"); part != "" && !slices.Contains(names, part) {
				names = append(names, part)
			}
		}
	}
	return names
}

// schemaName turns "direct_conversation" into "DirectConversation".
func schemaName(typ string) string {
	parts := strings.Split(typ, "_")
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, "")
}

// requireSameNames fails, naming the place, unless the table and the
// document list the same names.
func requireSameNames(t *testing.T, typ, what string, table, doc []string, place string) {
	t.Helper()
	for _, name := range table {
		require.Contains(t, doc, name, "field %s.%s is %s but the OpenAPI document's %s does not list it", typ, name, what, place)
	}
	for _, name := range doc {
		require.Contains(t, table, name, "the OpenAPI document's %s lists %s.%s, which the field table does not declare %s", place, typ, name, what)
	}
}

// shown returns the properties a response can carry: write-only ones are
// request input, not attributes.
func shown(s specSchema) []string {
	var out []string
	for name, raw := range s.Properties {
		var p struct {
			WriteOnly bool `json:"writeOnly"`
		}
		if json.Unmarshal(raw, &p) == nil && !p.WriteOnly {
			out = append(out, name)
		}
	}
	return out
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDocumentMatchesFieldTables holds the OpenAPI document against each
// resource's field table: its attributes and relationships, and the filter,
// sort and include parameters of its collection.
func TestDocumentMatchesFieldTables(t *testing.T) {
	var spec specPart
	require.NoError(t, json.Unmarshal(apidocs.Spec(), &spec))
	schemas, params := spec.Components.Schemas, spec.Components.Parameters
	for _, r := range application.Resources() {
		name := schemaName(r.Type)
		requireSameNames(t, r.Type, "an attribute", r.Attributes(),
			shown(schemas[name+"Attributes"]), "schema "+name+"Attributes")
		requireSameNames(t, r.Type, "a relationship", r.Relationships,
			shown(schemas[name+"Relationships"]), "schema "+name+"Relationships")
		if len(r.Relationships) > 0 {
			requireSameNames(t, r.Type, "includable", r.Relationships,
				listed(params[name+"Include"].Schema), "parameter "+name+"Include")
		}
		requireSameNames(t, r.Type, "filterable", keys(r.Filterable()),
			keys(params[name+"Filter"].Schema.Properties), "parameter "+name+"Filter")
		requireSameNames(t, r.Type, "sortable", keys(r.Sortable()),
			listed(params[name+"Sort"].Schema), "parameter "+name+"Sort")
		if len(r.DefaultSort) > 0 {
			require.Equal(t, application.SortString(r.DefaultSort), params[name+"Sort"].Schema.Default,
				"default sort of %s in parameter %sSort", r.Type, name)
		}
	}
}
