package jsonapi

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAppendStringMatchesJSON(t *testing.T) {
	inputs := []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x01\x1f", "<b>&</b>",
		"Özil 😀", "line\u2028sep\u2029", "bad \xff utf8", strings.Repeat("ä", 100)}
	for _, in := range inputs {
		out := AppendString(nil, in)
		require.True(t, json.Valid(out), "%q -> %s", in, out)
		var back string
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, strings.ToValidUTF8(in, "\ufffd"), back)
	}
}

func TestObjectHonoursFieldset(t *testing.T) {
	ts := time.Date(2025, 1, 2, 3, 4, 5, 600, time.FixedZone("x", 3600))
	build := func(fields Fieldset) string {
		o := NewObject(nil, fields, 16)
		o.Str("a", "x")
		o.Time("b", ts)
		o.Null("c")
		o.Strings("d", []string{"p", "q"})
		o.ToOne("e", "person", "1")
		o.ToMany("f", "tag", []string{"2", "3"})
		return string(o.Done())
	}
	require.JSONEq(t, `{"a":"x","b":"2025-01-02T02:04:05.0000006Z","c":null,"d":["p","q"],
		"e":{"data":{"type":"person","id":"1"}},"f":{"data":[{"type":"tag","id":"2"},{"type":"tag","id":"3"}]}}`, build(nil))
	require.JSONEq(t, `{"c":null,"e":{"data":{"type":"person","id":"1"}}}`, build(Fieldset{"c": true, "e": true}))
	require.Empty(t, build(Fieldset{}))
}

func TestArenaObjectsStayApart(t *testing.T) {
	var ar Arena
	first := NewObject(&ar, nil, 8)
	second := NewObject(&ar, nil, 8)
	first.Str("a", "grows beyond its eight bytes")
	second.Str("b", "so does this one, written after")
	first.Str("c", "and more")
	require.JSONEq(t, `{"a":"grows beyond its eight bytes","c":"and more"}`, string(first.Done()))
	require.JSONEq(t, `{"b":"so does this one, written after"}`, string(second.Done()))

	small := NewObject(&ar, nil, 16)
	small.Str("d", "e")
	next := NewObject(&ar, nil, 16)
	next.Str("f", "g")
	require.Equal(t, `{"d":"e"}`, string(small.Done()))
	require.Equal(t, `{"f":"g"}`, string(next.Done()))
}
