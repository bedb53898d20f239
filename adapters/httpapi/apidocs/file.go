package apidocs

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// Cache policies. The document and the page may change with every release,
// so clients revalidate them by ETag; the assets change only with the
// renderer's version, so a day of freshness is safe.
const (
	cacheRevalidate = "no-cache"
	cacheAsset      = "public, max-age=86400"
)

// assetTypes fixes the content type per extension rather than asking the
// host's MIME table, which differs between systems.
var assetTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
}

// file is one embedded response body with its headers.
type file struct {
	body        []byte
	contentType string
	cache       string
	etag        string
}

// newFile prepares body for serving with a strong ETag of its contents.
func newFile(body []byte, contentType, cache string) file {
	sum := sha256.Sum256(body)
	return file{body: body, contentType: contentType, cache: cache,
		etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
}

// serve answers the file, or 304 when the client already holds it.
func (f file) serve(c *gin.Context) {
	c.Header("Cache-Control", f.cache)
	c.Header("ETag", f.etag)
	c.Header("X-Content-Type-Options", "nosniff")
	if etagMatches(c.GetHeader("If-None-Match"), f.etag) {
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
		return
	}
	c.Data(http.StatusOK, f.contentType, f.body)
}

// etagMatches reports whether an If-None-Match header names etag.
func etagMatches(header, etag string) bool {
	for candidate := range strings.SplitSeq(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == etag || candidate == "*" {
			return true
		}
	}
	return false
}

// loadAssets indexes the embedded assets by file name, typed by extension.
func loadAssets() map[string]file {
	files := map[string]file{}
	entries, err := fs.ReadDir(assets, "assets")
	if err != nil {
		return files
	}
	for _, e := range entries {
		body, err := fs.ReadFile(assets, path.Join("assets", e.Name()))
		if err != nil {
			continue
		}
		typ, ok := assetTypes[path.Ext(e.Name())]
		if !ok {
			typ = "application/octet-stream"
		}
		files[e.Name()] = newFile(body, typ, cacheAsset)
	}
	return files
}
