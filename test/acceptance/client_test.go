package acceptance_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const mediaType = "application/vnd.api+json"

type client struct {
	lane *lane
	http *http.Client
}

// request describes one call; body is marshalled to JSON unless it is a
// string or []byte, which are sent as they are.
type request struct {
	method  string
	path    string
	token   string
	body    any
	headers map[string]string
}

type response struct {
	status int
	header http.Header
	raw    []byte
	doc    document
}

type document struct {
	Data     json.RawMessage    `json:"data"`
	Included []resource         `json:"included"`
	Errors   []apiError         `json:"errors"`
	Links    map[string]*string `json:"links"`
}

type resource struct {
	Type          string                  `json:"type"`
	ID            string                  `json:"id"`
	Attributes    map[string]any          `json:"attributes"`
	Relationships map[string]relationship `json:"relationships"`
	Links         map[string]string       `json:"links"`
}

type relationship struct {
	Data json.RawMessage `json:"data"`
}

type identifier struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type apiError struct {
	Status string `json:"status"`
	Code   string `json:"code"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Source struct {
		Pointer   string `json:"pointer"`
		Parameter string `json:"parameter"`
		Header    string `json:"header"`
	} `json:"source"`
}

func (c *client) do(t *testing.T, r request) *response {
	t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(r.method, c.lane.base+r.path, body)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", mediaType)
	}
	req.Header.Set("Accept", mediaType)
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.headers {
		if v == "" {
			req.Header.Del(k)
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	require.NoError(t, err)
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.NoError(t, spec.CheckResponse(req, res.StatusCode, res.Header, raw),
		"%s %s answered %d outside the OpenAPI document: %s", r.method, r.path, res.StatusCode, raw)
	out := &response{status: res.StatusCode, header: res.Header, raw: raw}
	if len(raw) > 0 {
		require.Equal(t, mediaType, res.Header.Get("Content-Type"), "body: %s", raw)
		require.NoError(t, json.Unmarshal(raw, &out.doc), "body: %s", raw)
	}
	return out
}

func (c *client) get(t *testing.T, path, token string) *response {
	t.Helper()
	return c.do(t, request{method: http.MethodGet, path: path, token: token})
}

func (c *client) post(t *testing.T, path, token string, body any) *response {
	t.Helper()
	return c.do(t, request{method: http.MethodPost, path: path, token: token, body: body})
}

// requireStatus fails with the body when the status differs.
func (r *response) requireStatus(t *testing.T, status int) *response {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.raw)
	return r
}

// one decodes the primary data as a single resource.
func (r *response) one(t *testing.T) resource {
	t.Helper()
	var res resource
	require.NoError(t, json.Unmarshal(r.doc.Data, &res), "body: %s", r.raw)
	return res
}

// many decodes the primary data as a resource collection.
func (r *response) many(t *testing.T) []resource {
	t.Helper()
	var res []resource
	require.NoError(t, json.Unmarshal(r.doc.Data, &res), "body: %s", r.raw)
	return res
}

// requireError asserts a single error object with status, code and source.
// source is a pointer when it starts with "/", else a parameter name; empty
// means "do not check".
func (r *response) requireError(t *testing.T, status int, code, source string) apiError {
	t.Helper()
	r.requireStatus(t, status)
	require.NotEmpty(t, r.doc.Errors, "body: %s", r.raw)
	e := r.doc.Errors[0]
	require.Equal(t, code, e.Code, "body: %s", r.raw)
	require.Equal(t, itoa(status), e.Status, "body: %s", r.raw)
	require.NotEmpty(t, e.Title, "body: %s", r.raw)
	switch {
	case strings.HasPrefix(source, "/"):
		require.Equal(t, source, e.Source.Pointer, "body: %s", r.raw)
	case source != "":
		require.Equal(t, source, e.Source.Parameter, "body: %s", r.raw)
	}
	return e
}

// pointers lists the source pointers of all error objects.
func (r *response) pointers() []string {
	var out []string
	for _, e := range r.doc.Errors {
		out = append(out, e.Source.Pointer)
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// linkage decodes a to-one relationship's resource identifier (nil for null).
func (res resource) linkage(t *testing.T, name string) *identifier {
	t.Helper()
	rel, ok := res.Relationships[name]
	require.True(t, ok, "relationship %s missing", name)
	if string(rel.Data) == "null" {
		return nil
	}
	var id identifier
	require.NoError(t, json.Unmarshal(rel.Data, &id))
	return &id
}

// str returns a string attribute.
func (res resource) str(name string) string {
	s, _ := res.Attributes[name].(string)
	return s
}
