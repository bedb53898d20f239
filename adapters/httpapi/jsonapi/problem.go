package jsonapi

import (
	"net/http"
	"strings"
)

// Codes and detail keys of the problems this package finds in request
// documents. The HTTP adapter's error table and message catalogs answer
// them; a client relies on the codes, so they never change.
const (
	CodeInvalidJSON      = "invalid_json"
	CodeValidationFailed = "validation_failed"

	KeyInvalidJSON     = "invalid_json"
	KeyTooDeep         = "too_deep"
	KeyDuplicateMember = "duplicate_member"
	KeyInvalidText     = "invalid_text"
)

// Problem is one thing a request got wrong, before it is put into the
// client's language: the status and stable code of the answer, the catalog
// key of its detail with the member (Arg) and cap (Limit) the detail names,
// and the pointer into the document (or the header) it is about.
type Problem struct {
	Status  int
	Code    string
	Key     string
	Arg     string
	Limit   string
	Pointer string
	Header  string
}

// Error implements error.
func (p *Problem) Error() string {
	return "request rejected: " + p.Code
}

// errSyntax is the answer to a body that is not JSON at all.
var errSyntax = &Problem{Status: http.StatusBadRequest, Code: CodeInvalidJSON, Key: KeyInvalidJSON}

// invalidText is the problem of a body string that is not valid text.
func invalidText(pointer string) error {
	return &Problem{Status: http.StatusUnprocessableEntity, Code: CodeValidationFailed, Key: KeyInvalidText,
		Arg: lastSegment(pointer), Pointer: pointer}
}

// Helpers that name the part of a request a problem is about, in
// source.pointer and source.parameter.

// EscapePointer escapes a member name for a JSON pointer (RFC 6901).
func EscapePointer(name string) string {
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
}

// Printable makes a name that is not valid text fit for an error's source:
// invalid bytes become U+FFFD and NUL is dropped.
func Printable(name string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(name, "\uFFFD"), "\x00", "")
}

// lastSegment returns the member name or index a pointer ends with.
func lastSegment(pointer string) string {
	name := pointer[strings.LastIndexByte(pointer, '/')+1:]
	return strings.ReplaceAll(strings.ReplaceAll(name, "~1", "/"), "~0", "~")
}
