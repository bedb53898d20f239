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
)

// setFixedHeader sets the header named by the canonical key to a shared value.
func setFixedHeader(c *gin.Context, canonicalKey string, value []string) {
	c.Writer.Header()[canonicalKey] = value
}
