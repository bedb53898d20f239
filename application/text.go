package application

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// FoldText returns the form in which Parley compares text case-insensitively:
// NFC-normalised, then every letter mapped to one representative of its Unicode
// case class, so that "ÖZIL" and "Özil" (composed or decomposed) fold to the
// same string. Stores keep folded copies of searchable text computed here and
// compare them byte-wise, so matching is identical on SQLite, PostgreSQL and
// in memory, and never depends on a database collation.
func FoldText(s string) string {
	return strings.Map(foldRune, norm.NFC.String(s))
}

func foldRune(r rune) rune {
	// Upper then lower maps every member of a case orbit (for example K, k and
	// the Kelvin sign) to one representative.
	return unicode.ToLower(unicode.ToUpper(r))
}

func trimSpace(s string) string { return strings.TrimSpace(s) }
