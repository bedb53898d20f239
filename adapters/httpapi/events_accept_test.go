package httpapi

import "testing"

func TestAcceptsEventStream(t *testing.T) {
	for header, want := range map[string]bool{
		"":                                 true,
		"text/event-stream":                true,
		"text/*;q=0.5":                     true,
		"*/*":                              true,
		"text/event-stream;q=0":            false,
		"text/event-stream;q=0.000":        false,
		"text/event-stream;q=x":            false,
		"application/vnd.api+json":         false,
		"application/json, text/*;q=0.001": true,
	} {
		var headers []string
		if header != "" {
			headers = []string{header}
		}
		if got := acceptsEventStream(headers); got != want {
			t.Errorf("Accept %q: got %v, want %v", header, got, want)
		}
	}
}
