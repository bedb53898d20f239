package httpapi

import (
	"net/http"
	"strings"

	"github.com/parley-chat/parley/application"
)

// Helpers that name the part of a request a problem is about, in
// source.parameter and source.pointer.

// printable makes a parameter name that is not valid text fit for
// source.parameter: invalid bytes become U+FFFD and NUL is dropped.
func printable(name string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(name, "\uFFFD"), "\x00", "")
}

func paramError(parameter string, reason application.ParameterReason) error {
	return &application.ParameterError{Parameter: parameter, Reason: reason}
}

// invalidText is the problem of a body string that is not valid text.
func invalidText(pointer string) error {
	return reject(http.StatusUnprocessableEntity, codeValidationFailed, message{key: msgInvalidText, arg: lastSegment(pointer)}, pointer)
}

// lastSegment returns the member name or index a pointer ends with.
func lastSegment(pointer string) string {
	name := pointer[strings.LastIndexByte(pointer, '/')+1:]
	return strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
}
