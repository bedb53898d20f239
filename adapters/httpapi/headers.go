package httpapi

import "github.com/gin-gonic/gin"

// Response headers with a fixed value are assigned as shared, pre-built value
// slices instead of through Header.Set, which allocates a one-element slice
// per call and canonicalises the key again. net/http only reads them, and
// each slice is full to capacity, so a later Header.Add copies rather than
// writing into the shared array.
var (
	valueMediaType = []string{mediaType}
	valueNosniff   = []string{"nosniff"}
	valueEnglish   = []string{langEnglish}
	valueGerman    = []string{langGerman}
)

// setFixedHeader sets the header named by the canonical key to a shared value.
func setFixedHeader(c *gin.Context, canonicalKey string, value []string) {
	c.Writer.Header()[canonicalKey] = value
}

// Boxed languages are stored in the gin context without converting the
// string to an interface value, which allocates, on every request.
var (
	boxedEnglish any = langEnglish
	boxedGerman  any = langGerman
)

// boxedLanguage returns lang as a shared interface value.
func boxedLanguage(lang string) any {
	if lang == langGerman {
		return boxedGerman
	}
	return boxedEnglish
}

// languageValue returns the shared Content-Language value of lang.
func languageValue(lang string) []string {
	if lang == langGerman {
		return valueGerman
	}
	return valueEnglish
}
