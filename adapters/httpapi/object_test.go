package httpapi

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
		out := appendString(nil, in)
		require.True(t, json.Valid(out), "%q -> %s", in, out)
		var back string
		require.NoError(t, json.Unmarshal(out, &back))
		require.Equal(t, strings.ToValidUTF8(in, "\ufffd"), back)
	}
}

func TestObjectHonoursFieldset(t *testing.T) {
	ts := time.Date(2025, 1, 2, 3, 4, 5, 600, time.FixedZone("x", 3600))
	build := func(fields fieldset) string {
		o := newObject(nil, fields, 16)
		o.str("a", "x")
		o.time("b", ts)
		o.null("c")
		o.strings("d", []string{"p", "q"})
		o.toOne("e", "user", "1")
		o.toMany("f", "chat_membership", []string{"2", "3"})
		return string(o.done())
	}
	require.JSONEq(t, `{"a":"x","b":"2025-01-02T02:04:05.0000006Z","c":null,"d":["p","q"],
		"e":{"data":{"type":"user","id":"1"}},"f":{"data":[{"type":"chat_membership","id":"2"},{"type":"chat_membership","id":"3"}]}}`, build(nil))
	require.JSONEq(t, `{"c":null,"e":{"data":{"type":"user","id":"1"}}}`, build(fieldset{"c": true, "e": true}))
	require.Empty(t, build(fieldset{}))
}

func TestArenaObjectsStayApart(t *testing.T) {
	var ar arena
	first := newObject(&ar, nil, 8)
	second := newObject(&ar, nil, 8)
	first.str("a", "grows beyond its eight bytes")
	second.str("b", "so does this one, written after")
	first.str("c", "and more")
	require.JSONEq(t, `{"a":"grows beyond its eight bytes","c":"and more"}`, string(first.done()))
	require.JSONEq(t, `{"b":"so does this one, written after"}`, string(second.done()))

	small := newObject(&ar, nil, 16)
	small.str("d", "e")
	next := newObject(&ar, nil, 16)
	next.str("f", "g")
	require.Equal(t, `{"d":"e"}`, string(small.done()))
	require.Equal(t, `{"f":"g"}`, string(next.done()))
}
