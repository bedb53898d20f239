// Package middleware holds the Gin middlewares every Parley request passes
// through (request id, access log, metrics, language, recovery, request
// headers, deadline, rate limits) and those a route adds for its access
// level (media type, body limit, auth). The order they run in is set by httpapi's router.
package middleware

import "github.com/gin-gonic/gin"

// Fail answers err as an error document and aborts the request. httpapi
// passes in its error table, so that middleware does not import it.
type Fail func(c *gin.Context, err error)

// Codes and detail keys of the problems the middlewares answer; httpapi's
// error table and message catalogs use the same, and clients rely on the
// codes, so they never change.
const (
	CodeInvalidParameter     = "invalid_parameter"
	CodeUnsupportedMediaType = "unsupported_media_type"
	CodeNotAcceptable        = "not_acceptable"
	CodePayloadTooLarge      = "payload_too_large"

	KeyUnsupportedMedia = "unsupported_media_type"
	KeyNotAcceptable    = "not_acceptable"
	KeyPayloadTooLarge  = "payload_too_large"
	KeyDuplicateHeader  = "duplicate_header"
)
