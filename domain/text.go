package domain

import (
	"strings"
	"unicode/utf8"
)

// TrimmedLength reports the number of characters (not bytes) of s after
// surrounding white space is removed.
func TrimmedLength(s string) int {
	return utf8.RuneCountInString(strings.TrimSpace(s))
}
