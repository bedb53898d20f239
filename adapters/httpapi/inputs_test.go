package httpapi

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestInputsBindEveryWritableAttribute gives each writable attribute of a
// document a value of its own and requires the bound input to carry all of
// them, so an attribute a client may send cannot be dropped on the way to
// the use case.
func TestInputsBindEveryWritableAttribute(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		spec documentSpec
		bind func(map[string]string) any
	}{
		"sign_up":            {signUpInput.spec, func(a map[string]string) any { return signUpInput.bind(a) }},
		"sign_in":            {signInInput.spec, func(a map[string]string) any { return signInInput.bind(a) }},
		"create_user":        {createUserInput.spec, func(a map[string]string) any { return createUserInput.bind(a) }},
		"start_conversation": {startConversationInput.spec, func(a map[string]string) any { return startConversationInput.bind(a) }},
		"post_message":       {postMessageInput.spec, func(a map[string]string) any { return postMessageInput.bind(a) }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			attrs := map[string]string{}
			for _, attr := range tc.spec.writable {
				attrs[attr] = "<" + attr + ">"
			}
			bound := fmt.Sprintf("%+v", tc.bind(attrs))
			for _, attr := range tc.spec.writable {
				require.Contains(t, bound, "<"+attr+">", "%s is not bound", attr)
			}
		})
	}
}
