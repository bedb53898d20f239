package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"
)

// serve runs one request through Conditional in front of handler.
func serve(handler gin.HandlerFunc, req *http.Request) *httptest.ResponseRecorder {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.Use(Conditional())
	engine.GET("/x", handler)
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)
	return rec
}

func TestEventStreamsPassUntouched(t *testing.T) {
	big := strings.Repeat("data: hello\n\n", 200)
	for name, handler := range map[string]gin.HandlerFunc{
		"by_type": func(c *gin.Context) {
			c.Header("Content-Type", "text/event-stream")
			_, _ = c.Writer.WriteString(big)
		},
		"by_flush": func(c *gin.Context) {
			_, _ = c.Writer.WriteString(big)
			c.Writer.Flush()
			_, _ = c.Writer.WriteString(big)
		},
	} {
		t.Run(name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/x", nil)
			req.Header.Set("Accept-Encoding", "gzip")
			rec := serve(handler, req)
			require.Equal(t, http.StatusOK, rec.Code)
			require.Empty(t, rec.Header().Get("Content-Encoding"))
			require.Empty(t, rec.Header().Get("ETag"))
			require.True(t, strings.HasPrefix(rec.Body.String(), big))
		})
	}
}

func TestErrorsAreNotTagged(t *testing.T) {
	rec := serve(func(c *gin.Context) { c.String(http.StatusNotFound, "missing") },
		httptest.NewRequest(http.MethodGet, "/x", nil))
	require.Equal(t, http.StatusNotFound, rec.Code)
	require.Empty(t, rec.Header().Get("ETag"))
	require.Equal(t, "missing", rec.Body.String())
	require.Equal(t, "private, no-cache", rec.Header().Get("Cache-Control"))
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"": false, "gzip": true, "GZIP;q=0.1": true, "gzip;q=0": false, "gzip; q=0.000": false,
		"identity": false, "*": true, "*;q=0": false, "*, gzip;q=0": false, "br, deflate": false,
		"deflate, x-gzip": true,
	} {
		require.Equal(t, want, acceptsGzip([]string{header}), header)
	}
}

func TestMatchesETag(t *testing.T) {
	require.True(t, matchesETag([]string{`"a", "b"`}, `"b"`))
	require.True(t, matchesETag([]string{`W/"b"`}, `"b"`))
	require.True(t, matchesETag([]string{`*`}, `"b"`))
	require.False(t, matchesETag([]string{`"a"`}, `"b"`))
	require.False(t, matchesETag(nil, `"b"`))
}
