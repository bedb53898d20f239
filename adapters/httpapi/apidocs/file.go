package apidocs

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
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

// gzipSuffix marks an asset embedded gzip-compressed. Such an asset is served
// under its name without the suffix: compressed to clients that accept gzip
// (every browser), decompressed on the fly to the rest. The binary then
// carries the renderer bundle at a quarter of its size.
const gzipSuffix = ".gz"

// assetTypes fixes the content type per extension rather than asking the
// host's MIME table, which differs between systems.
var assetTypes = map[string]string{
	".js":  "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
}

// file is one embedded response body with its headers. When gzipped is set,
// body holds the gzip stream and size the length of what it decompresses to
// (as its trailer records it, modulo 4 GiB, far above any asset); size is
// not used otherwise.
type file struct {
	body        []byte
	gzipped     bool
	size        int64
	contentType string
	cache       string
	etag        string
	// gzipETag names the compressed representation of a gzipped file.
	gzipETag string
}

// newFile prepares body for serving with a strong ETag of its contents.
func newFile(body []byte, contentType, cache string) file {
	sum := sha256.Sum256(body)
	return file{body: body, contentType: contentType, cache: cache, etag: etagOf(sum[:], "")}
}

// newGzipFile prepares a gzip stream for serving. Nothing is decompressed
// at start: the ETag is taken from the compressed bytes, which identify the
// contents as well, and the decompressed length from the stream's trailer.
func newGzipFile(stream []byte, contentType, cache string) (file, error) {
	if len(stream) < gzipMinLength || stream[0] != 0x1f || stream[1] != 0x8b {
		return file{}, errors.New("not a gzip stream")
	}
	sum := sha256.Sum256(stream)
	size := int64(binary.LittleEndian.Uint32(stream[len(stream)-4:]))
	// The two encodings are two representations, and each has an ETag of
	// its own.
	return file{body: stream, gzipped: true, size: size, contentType: contentType, cache: cache,
		etag: etagOf(sum[:], ""), gzipETag: etagOf(sum[:], "-gzip")}, nil
}

// gzipMinLength is the length of a gzip stream's header and trailer.
const gzipMinLength = 18

// etagOf makes a strong ETag of a content hash, with suffix telling one
// representation of the same contents from another.
func etagOf(sum []byte, suffix string) string {
	return `"` + hex.EncodeToString(sum[:16]) + suffix + `"`
}

// serve answers the file, or 304 when the client already holds it.
func (f file) serve(c *gin.Context) {
	compressed := f.gzipped && acceptsGzip(c.GetHeader("Accept-Encoding"))
	etag := f.etag
	if compressed {
		etag = f.gzipETag
	}
	if f.gzipped {
		// Caches must keep the two representations apart.
		c.Header("Vary", "Accept-Encoding")
	}
	c.Header("Cache-Control", f.cache)
	c.Header("ETag", etag)
	c.Header("X-Content-Type-Options", "nosniff")
	switch {
	case etagMatches(c.GetHeader("If-None-Match"), etag):
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
	case compressed:
		c.Header("Content-Encoding", "gzip")
		c.Data(http.StatusOK, f.contentType, f.body)
	case f.gzipped:
		f.serveDecompressed(c)
	default:
		c.Data(http.StatusOK, f.contentType, f.body)
	}
}

// serveDecompressed streams the gzipped body decompressed, for the rare
// client that does not accept gzip; nothing of it is kept in memory.
func (f file) serveDecompressed(c *gin.Context) {
	r, err := gzip.NewReader(bytes.NewReader(f.body))
	if err != nil {
		// The embedded stream is checked by the package's tests.
		_ = c.AbortWithError(http.StatusInternalServerError, err)
		return
	}
	c.Header("Content-Length", strconv.FormatInt(f.size, 10))
	c.Header("Content-Type", f.contentType)
	c.Status(http.StatusOK)
	_, _ = io.Copy(c.Writer, r)
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip, that
// is names gzip (or x-gzip, or *) without a zero quality.
func acceptsGzip(header string) bool {
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		return !zeroQuality(params)
	}
	return false
}

// zeroQuality reports whether the parameters of one Accept-Encoding element
// carry q=0, which refuses the coding.
func zeroQuality(params string) bool {
	for param := range strings.SplitSeq(params, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(param), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		return err == nil && q == 0
	}
	return false
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

// loadAssets indexes the embedded assets by the name they are served under,
// typed by extension. An asset that cannot be read is a broken build, so it
// is reported rather than skipped.
func loadAssets() (map[string]file, error) {
	files := map[string]file{}
	entries, err := fs.ReadDir(assets, "assets")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		body, err := fs.ReadFile(assets, path.Join("assets", e.Name()))
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(e.Name(), gzipSuffix)
		typ, ok := assetTypes[path.Ext(name)]
		if !ok {
			typ = "application/octet-stream"
		}
		if name == e.Name() {
			files[name] = newFile(body, typ, cacheAsset)
			continue
		}
		f, err := newGzipFile(body, typ, cacheAsset)
		if err != nil {
			return nil, fmt.Errorf("asset %s: %w", e.Name(), err)
		}
		files[name] = f
	}
	return files, nil
}
