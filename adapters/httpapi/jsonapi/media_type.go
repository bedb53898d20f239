package jsonapi

import (
	"mime"
	"net/http"
	"strings"
)

// MediaType is the JSON:API media type of every response body.
const MediaType = "application/vnd.api+json"

// HasBody reports whether the request carries (or may carry) a body.
func HasBody(r *http.Request) bool {
	return r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody
}

// AcceptableContentType accepts JSON:API with only ext and profile
// parameters, and plain JSON.
func AcceptableContentType(header string) bool {
	typ, params, err := mime.ParseMediaType(header)
	if err != nil {
		return false
	}
	switch typ {
	case "application/json":
		return true
	case MediaType:
		return onlyJSONAPIParams(params, false)
	default:
		return false
	}
}

// Acceptable reports whether the Accept headers allow a JSON:API answer:
// either they do not mention JSON:API at all, or at least one instance of it
// carries no parameters other than ext and profile.
func Acceptable(headers []string) bool {
	mentioned := false
	for _, header := range headers {
		for _, rng := range splitOutsideQuotes(header, ',') {
			typ, params, err := mime.ParseMediaType(rng)
			if err != nil || typ != MediaType {
				continue
			}
			if onlyJSONAPIParams(params, true) {
				return true
			}
			mentioned = true
		}
	}
	return !mentioned
}

// onlyJSONAPIParams reports whether params hold nothing but profile, an
// empty ext (Parley supports no extension, so any named one is refused, as
// JSON:API 1.1 requires) and, in an Accept header, the q weight.
func onlyJSONAPIParams(params map[string]string, weighted bool) bool {
	for name, value := range params {
		switch {
		case name == "profile":
		case name == "ext" && strings.TrimSpace(value) == "":
		case name == "q" && weighted:
		default:
			return false
		}
	}
	return true
}

// splitOutsideQuotes splits s at sep, except inside double-quoted strings
// (an ext or profile value may list URIs separated by commas).
func splitOutsideQuotes(s string, sep byte) []string {
	var parts []string
	quoted, escaped, start := false, false, 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case escaped:
			escaped = false
		case b == '\\' && quoted:
			escaped = true
		case b == '"':
			quoted = !quoted
		case b == sep && !quoted:
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}
