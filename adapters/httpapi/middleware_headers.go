package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/domain"
)

// textHeaders are the request headers Parley reads as text; each must be
// valid UTF-8, or it would be misread without a word.
var textHeaders = []string{"Accept", "Accept-Language", "Content-Type"}

// singleHeaders may be given only once: two Authorization headers leave it
// to each proxy and library which one counts.
var singleHeaders = []string{"Authorization"}

// requestHeadersMiddleware refuses, with 400 invalid_parameter and
// source.header, a header given twice that must be single, and a header read
// as text that is not valid text.
func requestHeadersMiddleware(logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkHeaders(c.Request.Header); err != nil {
			abortWithError(c, logger, err)
			return
		}
		c.Next()
	}
}

func checkHeaders(h http.Header) error {
	for _, name := range singleHeaders {
		if len(h.Values(name)) > 1 {
			return headerError(name, message{key: msgDuplicateHeader, arg: name})
		}
	}
	for _, name := range textHeaders {
		for _, v := range h.Values(name) {
			if !domain.ValidText(v) {
				return headerError(name, message{key: msgInvalidText, arg: name})
			}
		}
	}
	return nil
}

func headerError(name string, detail message) error {
	return &requestError{problems: []problem{{status: http.StatusBadRequest, code: codeInvalidParameter,
		detail: detail, header: name}}}
}
