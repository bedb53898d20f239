package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// Error codes, as the OpenAPI document (apidocs/openapi.json) lists them;
// clients rely on them, so they never change.
const (
	codeInvalidJSON          = jsonapi.CodeInvalidJSON
	codeInvalidDocument      = "invalid_document"
	codeInvalidParameter     = middleware.CodeInvalidParameter
	codeUnsupportedMediaType = middleware.CodeUnsupportedMediaType
	codeNotAcceptable        = middleware.CodeNotAcceptable
	codeUnauthorized         = "unauthorized"
	codeForbidden            = "forbidden"
	codeNotFound             = "not_found"
	codeMethodNotAllowed     = "method_not_allowed"
	codeConflict             = "conflict"
	codePayloadTooLarge      = middleware.CodePayloadTooLarge
	codeValidationFailed     = jsonapi.CodeValidationFailed
	codeRateLimited          = middleware.CodeRateLimited
	codeTooManyStreams       = "too_many_streams"
	codeServiceUnavailable   = "service_unavailable"
	codeInternal             = "internal"
)

// problem is one error answer before it is put into the client's language.
type problem struct {
	status    int
	code      string
	detail    message
	pointer   string
	parameter string
	header    string
}

// requestError is a failure the adapter finds itself, before or around a use
// case: a bad document, media type, body size or token.
type requestError struct {
	problems []problem
}

// Error implements error.
func (e *requestError) Error() string {
	return "request rejected: " + e.problems[0].code
}

// reject returns a requestError with one problem.
func reject(status int, code string, detail message, pointer string) error {
	return &requestError{problems: []problem{{status: status, code: code, detail: detail, pointer: pointer}}}
}

// problemsOf is the one table from errors to statuses and codes.
func problemsOf(err error) []problem {
	var re *requestError
	var jp *jsonapi.Problem
	var ve *domain.ValidationError
	var ref *domain.ReferenceError
	var pe *application.ParameterError
	switch {
	case errors.As(err, &re):
		return re.problems
	case errors.As(err, &jp):
		return []problem{{status: jp.Status, code: jp.Code, detail: message{key: jp.Key, arg: jp.Arg, limit: jp.Limit}, pointer: jp.Pointer, header: jp.Header}}
	case errors.As(err, &ve):
		out := make([]problem, 0, len(ve.Problems))
		for _, p := range ve.Problems {
			out = append(out, problem{status: http.StatusUnprocessableEntity, code: codeValidationFailed,
				detail: ruleMessage(p.Field, p.Rule), pointer: attributePointer(p.Field)})
		}
		return out
	case errors.As(err, &ref):
		return one(http.StatusNotFound, codeNotFound, message{key: msgReference, arg: ref.Field}, attributePointer(ref.Field))
	case errors.As(err, &pe):
		name := pe.Name(parameterName)
		return []problem{{status: http.StatusBadRequest, code: codeInvalidParameter,
			detail: message{key: reasonKey(pe.Reason), arg: name, limit: strconv.Itoa(pe.Limit)}, parameter: name}}
	case errors.Is(err, application.ErrTooManyStreams):
		return one(http.StatusTooManyRequests, codeTooManyStreams, message{key: msgTooManyStreams}, "")
	case errors.Is(err, domain.ErrNotFound), errors.Is(err, domain.ErrInvalidID):
		return one(http.StatusNotFound, codeNotFound, message{key: msgNotFound}, "")
	case errors.Is(err, domain.ErrForbidden):
		return one(http.StatusForbidden, codeForbidden, message{key: msgForbidden}, "")
	case errors.Is(err, domain.ErrConflict):
		return one(http.StatusConflict, codeConflict, message{key: msgConflict}, "")
	case errors.Is(err, domain.ErrInvalidCredentials):
		return one(http.StatusUnauthorized, codeUnauthorized, message{key: msgInvalidCredentials}, "")
	case errors.Is(err, domain.ErrUnauthenticated):
		return one(http.StatusUnauthorized, codeUnauthorized, message{key: msgUnauthenticated}, "")
	case errors.Is(err, domain.ErrUnavailable), errors.Is(err, application.ErrHubClosed),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return one(http.StatusServiceUnavailable, codeServiceUnavailable, message{key: msgUnavailable}, "")
	default:
		return one(http.StatusInternalServerError, codeInternal, message{key: msgInternal}, "")
	}
}

func one(status int, code string, detail message, pointer string) []problem {
	return []problem{{status: status, code: code, detail: detail, pointer: pointer}}
}

func attributePointer(field string) string {
	return "/data/attributes/" + jsonapi.EscapePointer(field)
}

// abortWithError answers err as a JSON:API error document and stops the
// handler chain. Only server-side failures are logged; their text never
// reaches the client.
func abortWithError(c *gin.Context, logger *zap.Logger, err error) {
	problems := problemsOf(err)
	status := problems[0].status
	switch status {
	case http.StatusUnauthorized:
		c.Header("WWW-Authenticate", "Bearer")
	case http.StatusServiceUnavailable:
		c.Header("Retry-After", "1")
	}
	if status >= http.StatusInternalServerError {
		level := zap.ErrorLevel
		if status == http.StatusServiceUnavailable {
			level = zap.WarnLevel
		}
		logger.Log(level, "request failed", zap.String("request_id", middleware.RequestIDOf(c)),
			zap.String("route", c.FullPath()), zap.Error(err))
	}
	lang := middleware.LanguageOf(c)
	doc := jsonapi.ErrorDocument{Errors: make([]jsonapi.ErrorObject, len(problems))}
	for i, p := range problems {
		doc.Errors[i] = jsonapi.ErrorObject{
			Status: strconv.Itoa(p.status),
			Code:   p.code,
			Title:  title(lang, p.code),
			Detail: p.detail.render(lang),
		}
		if p.pointer != "" || p.parameter != "" || p.header != "" {
			doc.Errors[i].Source = &jsonapi.ErrorSource{Pointer: p.pointer, Parameter: p.parameter, Header: p.header}
		}
	}
	writeDocument(c, status, doc)
	c.Abort()
}
