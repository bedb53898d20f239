package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/parley-chat/parley/adapters/httpapi/i18n"
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
)

// MaxRequestTargetBytes caps the request target (path and query string). A
// longer one is answered 414 as a JSON:API error.
const MaxRequestTargetBytes = 64 << 10

// headerReadFactor is how much more than the configured header limit
// net/http reads before it gives up with its own text/plain 431: between the
// two, Parley answers the JSON:API error itself.
const headerReadFactor = 4

// requestLimitHandler answers a request whose target is longer than
// MaxRequestTargetBytes with 414 and one whose header section is larger than
// maxHeaderBytes with 431, both as JSON:API error documents, before next sees
// it.
func requestLimitHandler(next http.Handler, maxHeaderBytes int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case len(r.RequestURI) > MaxRequestTargetBytes:
			writeLimitError(w, r, http.StatusRequestURITooLong, msgURITooLong, MaxRequestTargetBytes)
		case headerBytes(r) > maxHeaderBytes:
			writeLimitError(w, r, http.StatusRequestHeaderFieldsTooLarge, msgHeadersTooLarge, maxHeaderBytes)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// headerBytes is the size of the request line and header fields as they
// arrived, counted the way net/http counts against MaxHeaderBytes.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(v) + 4
		}
	}
	return n + len(r.Host) + len("Host: \r\n")
}

// writeLimitError writes a JSON:API error outside the router: the request is
// refused before any middleware runs, so the language is negotiated here.
func writeLimitError(w http.ResponseWriter, r *http.Request, status int, key string, limit int) {
	lang := i18n.Negotiate(r.Header.Get("Accept-Language"))
	doc := jsonapi.ErrorDocument{Errors: []jsonapi.ErrorObject{{
		Status: strconv.Itoa(status),
		Code:   codePayloadTooLarge,
		Title:  title(lang, codePayloadTooLarge),
		Detail: message{key: key, limit: strconv.Itoa(limit)}.render(lang),
	}}}
	body, err := json.Marshal(doc)
	if err != nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.Header()["Content-Type"] = valueMediaType
	w.Header()["Content-Language"] = middleware.LanguageHeader(lang)
	w.Header()["Connection"] = []string{"close"}
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
