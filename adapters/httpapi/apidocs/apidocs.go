// Package apidocs serves the OpenAPI document of the API and a reference
// page rendered from it. Everything, the page's script included, is embedded
// in the binary, so the page works without internet access; the renderer's
// bundle is embedded gzip-compressed and served that way.
package apidocs

import (
	"embed"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
)

// Paths served by Register.
const (
	// SpecPath is where the OpenAPI document is served.
	SpecPath = "/openapi.json"
	// PagePath is where the reference page is served.
	PagePath = "/docs"
	// AssetsPath is the prefix of the page's scripts.
	AssetsPath = "/docs/assets/"
)

// specMediaType names the OpenAPI 3.1 document format.
const specMediaType = "application/vnd.oai.openapi+json;version=3.1"

// pagePolicy keeps the page to this server: the script and the document come
// from here, and nothing is fetched from anywhere else. Styles are inline
// because the renderer injects them at run time.
const pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var (
	//go:embed openapi.json
	spec []byte
	//go:embed docs.html
	page []byte
	//go:embed assets/docs.js assets/redoc.standalone.js.gz
	assets embed.FS
)

// Spec returns a copy of the embedded OpenAPI document.
func Spec() []byte {
	return slices.Clone(spec)
}

// Register adds GET routes for the OpenAPI document, the reference page and
// the page's assets to r. None of them needs a token.
func Register(r gin.IRoutes) {
	specFile := newFile(spec, specMediaType, cacheRevalidate)
	pageFile := newFile(page, "text/html; charset=utf-8", cacheRevalidate)
	files, err := loadAssets()
	if err != nil {
		// The assets are embedded at build time: failing to read them is a
		// broken build, which must not start serving a broken page.
		panic("apidocs: embedded assets: " + err.Error())
	}
	r.GET(SpecPath, specFile.serve)
	r.GET(PagePath, func(c *gin.Context) {
		c.Header("Content-Security-Policy", pagePolicy)
		c.Header("Referrer-Policy", "no-referrer")
		pageFile.serve(c)
	})
	r.GET(AssetsPath+":asset", func(c *gin.Context) {
		f, ok := files[c.Param("asset")]
		if !ok {
			notFound(c)
			return
		}
		f.serve(c)
	})
}

// notFound answers an unknown asset with the API's error document.
func notFound(c *gin.Context) {
	c.Header("Content-Type", "application/vnd.api+json")
	c.Header("X-Content-Type-Options", "nosniff")
	c.String(http.StatusNotFound,
		`{"errors":[{"status":"404","code":"not_found","title":"Not found","detail":"There is no such asset."}]}`+"\n")
}
