package apidocs_test

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/httpapi/apidocs"
)

func newEngine(t *testing.T) *gin.Engine {
	t.Helper()
	gin.SetMode(gin.TestMode)
	engine := gin.New()
	apidocs.Register(engine)
	return engine
}

func get(t *testing.T, engine http.Handler, path string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)
	return rec
}

func TestSpecDocument(t *testing.T) {
	rec := get(t, newEngine(t), "/openapi.json", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "application/vnd.oai.openapi+json;version=3.1", rec.Header().Get("Content-Type"))
	require.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
	require.NotEmpty(t, rec.Header().Get("ETag"))

	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	require.Regexp(t, `^3\.1\.\d+$`, doc.OpenAPI)
	require.Contains(t, doc.Paths, "/api/v1/direct_conversations")
	require.Equal(t, apidocs.Spec(), rec.Body.Bytes())
}

func TestSpecReturnsACopy(t *testing.T) {
	first := apidocs.Spec()
	first[0] = 'x'
	require.Equal(t, byte('{'), apidocs.Spec()[0])
}

func TestDocsPage(t *testing.T) {
	rec := get(t, newEngine(t), "/docs", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	require.Contains(t, rec.Header().Get("Content-Security-Policy"), "script-src 'self'")
	require.Contains(t, rec.Header().Get("Content-Security-Policy"), "connect-src 'self'")

	html := rec.Body.String()
	require.Contains(t, html, `src="/docs/assets/docs.js"`)
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(html, -1)
	require.NotEmpty(t, refs)
	for _, ref := range refs {
		require.True(t, strings.HasPrefix(ref[1], "/"), "the page must load only local resources, got %q", ref[1])
		require.False(t, strings.HasPrefix(ref[1], "//"), "protocol-relative reference %q", ref[1])
	}
}

func TestDocsScriptLoadsOnlyLocalResources(t *testing.T) {
	rec := get(t, newEngine(t), "/docs/assets/docs.js", nil)
	require.Equal(t, http.StatusOK, rec.Code)
	script := rec.Body.String()
	require.Contains(t, script, `from "/docs/assets/redoc.standalone.js"`)
	require.Contains(t, script, `"/openapi.json"`)
	require.Contains(t, script, "disableTelemetry: true")
	require.NotContains(t, script, "http://")
	require.NotContains(t, script, "https://")
}

func TestDocsAssets(t *testing.T) {
	engine := newEngine(t)
	tests := []struct {
		name        string
		path        string
		status      int
		contentType string
	}{
		{"page_script", "/docs/assets/docs.js", http.StatusOK, "text/javascript; charset=utf-8"},
		{"renderer_bundle", "/docs/assets/redoc.standalone.js", http.StatusOK, "text/javascript; charset=utf-8"},
		{"unknown_asset", "/docs/assets/missing.js", http.StatusNotFound, "application/vnd.api+json"},
		{"license_notes_are_not_served", "/docs/assets/README.md", http.StatusNotFound, "application/vnd.api+json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, engine, tt.path, nil)
			require.Equal(t, tt.status, rec.Code)
			require.Equal(t, tt.contentType, rec.Header().Get("Content-Type"))
			require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
			if tt.status == http.StatusOK {
				require.Equal(t, "public, max-age=86400", rec.Header().Get("Cache-Control"))
				require.NotZero(t, rec.Body.Len())
				return
			}
			var doc struct {
				Errors []struct{ Status, Code string } `json:"errors"`
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
			require.Len(t, doc.Errors, 1)
			require.Equal(t, "not_found", doc.Errors[0].Code)
		})
	}
}

func TestConditionalRequests(t *testing.T) {
	engine := newEngine(t)
	for _, path := range []string{"/openapi.json", "/docs", "/docs/assets/docs.js"} {
		t.Run(strings.ReplaceAll(strings.Trim(path, "/"), "/", "_"), func(t *testing.T) {
			etag := get(t, engine, path, nil).Header().Get("ETag")
			require.NotEmpty(t, etag)

			rec := get(t, engine, path, http.Header{"If-None-Match": {`"other", ` + etag}})
			require.Equal(t, http.StatusNotModified, rec.Code)
			require.Zero(t, rec.Body.Len())

			rec = get(t, engine, path, http.Header{"If-None-Match": {`"stale"`}})
			require.Equal(t, http.StatusOK, rec.Code)
		})
	}
}

// bundleSHA256 is the checksum of the unmodified Redoc bundle that
// assets/README.md records; the embedded gzip stream must decompress to it.
const bundleSHA256 = "8c70c2de83d33e33a75b225e573d6d9fe851f066f824b44b1637d831d52d7543"

func TestRendererBundleIsServedCompressedToBrowsers(t *testing.T) {
	engine := newEngine(t)
	const path = "/docs/assets/redoc.standalone.js"
	rec := get(t, engine, path, http.Header{"Accept-Encoding": {"gzip, deflate, br, zstd"}})
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "gzip", rec.Header().Get("Content-Encoding"))
	require.Equal(t, "Accept-Encoding", rec.Header().Get("Vary"))
	require.Equal(t, "text/javascript; charset=utf-8", rec.Header().Get("Content-Type"))
	zr, err := gzip.NewReader(rec.Body)
	require.NoError(t, err)
	plain, err := io.ReadAll(zr)
	require.NoError(t, err)
	sum := sha256.Sum256(plain)
	require.Equal(t, bundleSHA256, hex.EncodeToString(sum[:]), "the bundle must be Redoc's, unmodified")
	require.Less(t, rec.Body.Len(), len(plain)/3, "the compressed bundle is what keeps the binary small")

	// A client without gzip gets the same bytes decompressed, with their
	// length, and a different ETag for the different representation.
	for _, header := range []http.Header{nil, {"Accept-Encoding": {"identity"}}, {"Accept-Encoding": {"br, gzip;q=0"}}} {
		plainRec := get(t, engine, path, header)
		require.Equal(t, http.StatusOK, plainRec.Code)
		require.Empty(t, plainRec.Header().Get("Content-Encoding"), header)
		require.Equal(t, "Accept-Encoding", plainRec.Header().Get("Vary"))
		require.Equal(t, strconv.Itoa(len(plain)), plainRec.Header().Get("Content-Length"))
		require.Equal(t, plain, plainRec.Body.Bytes())
		require.NotEqual(t, rec.Header().Get("ETag"), plainRec.Header().Get("ETag"))
	}

	// Each representation revalidates against its own ETag.
	gzipETag := rec.Header().Get("ETag")
	again := get(t, engine, path, http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {gzipETag}})
	require.Equal(t, http.StatusNotModified, again.Code)
	require.Zero(t, again.Body.Len())
	again = get(t, engine, path, http.Header{"If-None-Match": {gzipETag}})
	require.Equal(t, http.StatusOK, again.Code, "a gzip ETag does not validate the plain representation")
}

func TestSmallAssetsAreNotCompressed(t *testing.T) {
	rec := get(t, newEngine(t), "/docs/assets/docs.js", http.Header{"Accept-Encoding": {"gzip"}})
	require.Equal(t, http.StatusOK, rec.Code)
	require.Empty(t, rec.Header().Get("Content-Encoding"))
	require.Empty(t, rec.Header().Get("Vary"))
	require.Contains(t, rec.Body.String(), "disableTelemetry")
}
