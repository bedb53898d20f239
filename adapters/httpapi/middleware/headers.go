package middleware

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/domain"
)

// textHeaders are the request headers Parley reads as text; each must be
// valid UTF-8, or it would be misread without a word.
var textHeaders = []string{"Accept", "Accept-Language", "Content-Type"}

// singleHeaders may be given only once: two Authorization headers leave it
// to each proxy and library which one counts.
var singleHeaders = []string{"Authorization", "Last-Event-ID"}

// RequestHeaders refuses, with 400 invalid_parameter and
// source.header, a header given twice that must be single, and a header read
// as text that is not valid text.
func RequestHeaders(fail Fail) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkHeaders(c.Request.Header); err != nil {
			fail(c, err)
			return
		}
		c.Next()
	}
}

// checkHeaders finds the first header that breaks the rules above.
func checkHeaders(h http.Header) error {
	for _, name := range singleHeaders {
		if len(h.Values(name)) > 1 {
			return headerError(name, KeyDuplicateHeader)
		}
	}
	for _, name := range textHeaders {
		for _, v := range h.Values(name) {
			if !domain.ValidText(v) {
				return headerError(name, jsonapi.KeyInvalidText)
			}
		}
	}
	return nil
}

// headerError is the 400 answer about the request header name.
func headerError(name, key string) error {
	return &jsonapi.Problem{Status: http.StatusBadRequest, Code: CodeInvalidParameter, Key: key, Arg: name, Header: name}
}
