package httpapi

import "github.com/parley-chat/parley/application"

// parameterName spells a list query parameter the way the HTTP API's clients
// write it; it is the spelling httpapi hands to ParameterError.Name, so that
// JSON:API parameter names stay in this adapter.
func parameterName(kind application.ParameterKind, field string) string {
	switch kind {
	case application.ParameterFilter:
		return "filter[" + field + "]"
	case application.ParameterSort:
		return "sort"
	case application.ParameterPageSize:
		return "page[size]"
	case application.ParameterPageAfter:
		return "page[after]"
	default:
		return ""
	}
}

// paramError reports a problem with a parameter httpapi reads itself, under
// the name the client sent.
func paramError(parameter string, reason application.ParameterReason) error {
	return &application.ParameterError{Parameter: parameter, Reason: reason}
}
