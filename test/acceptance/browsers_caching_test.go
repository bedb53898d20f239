package acceptance_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pathParamRE matches an OpenAPI path parameter.
var pathParamRE = regexp.MustCompile(`\{[^}]+\}`)

func TestHEADOnEveryGETRoute(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada")
		grace := addMember(t, api, ada, "Grace")
		conv := conversation(t, api, ada, grace)
		msg := postMessage(t, api, grace, conv.linkage(t, "chat").ID, "hello")
		values := map[string]string{"{user_id}": grace.id, "{direct_conversation_id}": conv.ID,
			"{chat_id}": conv.linkage(t, "chat").ID, "{message_id}": msg.ID, "{asset}": "docs.js"}
		// The OpenAPI document lists exactly the route table's operations
		// (test/apispec keeps them in lockstep), so this visits every GET route.
		for template, item := range spec.Document().Paths.Map() {
			if item.Get == nil || template == "/api/v1/events" {
				continue // a stream never ends by itself: events_test.go checks its HEAD
			}
			require.NotNil(t, item.Head, "%s has GET but no HEAD", template)
			path := pathParamRE.ReplaceAllStringFunc(template, func(p string) string { return values[p] })
			headers := map[string]string{"Accept": mediaType, "Authorization": "Bearer " + ada.token}
			get := send(t, http.MethodGet, api.lane.base+path, headers)
			head := send(t, http.MethodHead, api.lane.base+path, headers)
			require.Equal(t, http.StatusOK, get.status, "GET %s: %s", path, get.body)
			require.Equal(t, get.status, head.status, "HEAD %s", path)
			require.Empty(t, head.body, "HEAD %s", path)
			for _, h := range []string{"Content-Type", "Cache-Control", "Vary"} {
				require.Equal(t, get.header.Values(h), head.header.Values(h), "HEAD %s: %s", path, h)
			}
			if path != "/metrics" { // the metrics change with every request
				require.Equal(t, get.header.Get("ETag"), head.header.Get("ETag"), "HEAD %s", path)
				require.Equal(t, get.header.Get("Content-Length"), head.header.Get("Content-Length"), "HEAD %s", path)
			}
			require.NotEmpty(t, head.header.Get("ETag"), "HEAD %s", path)
		}
	})
}

func TestConditionalGET(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada")
		grace := addMember(t, api, ada, "Grace")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		url := api.lane.base + "/api/v1/direct_conversations?include=chat,first_user,second_user"
		headers := map[string]string{"Accept": mediaType, "Authorization": "Bearer " + ada.token}
		first := send(t, http.MethodGet, url, headers)
		require.Equal(t, http.StatusOK, first.status, "%s", first.body)
		etag := first.header.Get("ETag")
		require.Regexp(t, `^"[A-Za-z0-9_-]+"$`, etag, "a strong tag")
		require.Equal(t, "private, no-cache", first.header.Get("Cache-Control"))

		headers["If-None-Match"] = etag
		again := send(t, http.MethodGet, url, headers)
		require.Equal(t, http.StatusNotModified, again.status)
		require.Empty(t, again.body)
		require.Equal(t, etag, again.header.Get("ETag"))
		headers["If-None-Match"] = `"other", ` + etag
		require.Equal(t, http.StatusNotModified, send(t, http.MethodGet, url, headers).status)

		// A new message changes the conversation list: a new tag.
		headers["If-None-Match"] = etag
		postMessage(t, api, grace, chatID, "news")
		changed := send(t, http.MethodGet, url, headers)
		require.Equal(t, http.StatusOK, changed.status, "%s", changed.body)
		require.NotEqual(t, etag, changed.header.Get("ETag"))
	})
}

func TestGzipNegotiation(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ada := signUp(t, api, "Ada")
		grace := addMember(t, api, ada, "Grace")
		chatID := conversation(t, api, ada, grace).linkage(t, "chat").ID
		postMessage(t, api, ada, chatID, strings.Repeat("a long message ", 120))
		url := api.lane.base + "/api/v1/chats/" + chatID + "/messages"
		get := func(acceptEncoding string) rawAnswer {
			return send(t, http.MethodGet, url, map[string]string{"Accept": mediaType,
				"Authorization": "Bearer " + ada.token, "Accept-Encoding": acceptEncoding})
		}
		plain := get("")
		require.Greater(t, len(plain.body), 1024)
		require.Empty(t, plain.header.Get("Content-Encoding"))
		require.Contains(t, plain.header.Values("Vary"), "Accept-Encoding")
		for _, accept := range []string{"gzip", "br;q=1.0, gzip;q=0.5", "*"} {
			zipped := get(accept)
			require.Equal(t, http.StatusOK, zipped.status)
			require.Equal(t, "gzip", zipped.header.Get("Content-Encoding"), accept)
			require.Less(t, len(zipped.body), len(plain.body), accept)
			require.Equal(t, plain.body, gunzip(t, zipped.body), accept)
			require.Equal(t, strings.TrimSuffix(plain.header.Get("ETag"), `"`)+`-gz"`, zipped.header.Get("ETag"), accept)
		}
		revalidate := send(t, http.MethodGet, url, map[string]string{"Accept": mediaType, "Authorization": "Bearer " + ada.token,
			"Accept-Encoding": "gzip", "If-None-Match": plain.header.Get("ETag")})
		require.Equal(t, http.StatusOK, revalidate.status, "the identity tag names another representation")
		zippedTag := revalidate.header.Get("ETag")
		notModified := send(t, http.MethodGet, url, map[string]string{"Accept": mediaType, "Authorization": "Bearer " + ada.token,
			"Accept-Encoding": "gzip", "If-None-Match": zippedTag})
		require.Equal(t, http.StatusNotModified, notModified.status)
		require.Empty(t, notModified.body)
		require.Equal(t, zippedTag, notModified.header.Get("ETag"))
		for _, accept := range []string{"gzip;q=0", "identity", "*;q=1, gzip;q=0", "br"} {
			a := get(accept)
			require.Empty(t, a.header.Get("Content-Encoding"), accept)
			require.Equal(t, plain.body, a.body, accept)
		}
		small := send(t, http.MethodGet, api.lane.base+"/api/v1/users/me", map[string]string{"Accept": mediaType,
			"Authorization": "Bearer " + ada.token, "Accept-Encoding": "gzip"})
		require.Less(t, len(small.body), 1024)
		require.Empty(t, small.header.Get("Content-Encoding"))
	})
}

// gunzip decompresses a gzip body.
func gunzip(t *testing.T, body []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(body))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}
