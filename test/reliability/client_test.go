package reliability_test

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	mediaType = "application/vnd.api+json"
	password  = "correct horse battery"
)

// client talks JSON:API to one running Parley.
type client struct {
	base string
	http *http.Client
}

// answer is one response, decoded as far as the tests need.
type answer struct {
	status  int
	header  http.Header
	raw     []byte
	latency time.Duration
	doc     struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Status string `json:"status"`
			Code   string `json:"code"`
		} `json:"errors"`
		Links map[string]*string `json:"links"`
	}
}

// code returns the first error code, or "".
func (a *answer) code() string {
	if len(a.doc.Errors) == 0 {
		return ""
	}
	return a.doc.Errors[0].Code
}

// send performs one request; a transport failure (a hang ending in the
// client timeout among them) is returned, not fatal, so that load loops can
// count it.
func (c *client) send(method, path, token string, body any) (*answer, error) {
	var reader io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		reader = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, reader)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", mediaType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { _ = res.Body.Close() }()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	a := &answer{status: res.StatusCode, header: res.Header, raw: raw, latency: time.Since(start)}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &a.doc); err != nil {
			return nil, fmt.Errorf("%s %s: body is not JSON: %w: %s", method, path, err, raw)
		}
	}
	return a, nil
}

// must performs a request that has to answer want.
func (c *client) must(t *testing.T, want int, method, path, token string, body any) *answer {
	t.Helper()
	a, err := c.send(method, path, token, body)
	require.NoError(t, err)
	require.Equal(t, want, a.status, "%s %s: %s", method, path, a.raw)
	return a
}

// resource is the primary data of a single-resource answer.
type resource struct {
	ID            string         `json:"id"`
	Attributes    map[string]any `json:"attributes"`
	Relationships map[string]struct {
		Data *struct {
			ID string `json:"id"`
		} `json:"data"`
	} `json:"relationships"`
}

func (a *answer) resource() (resource, error) {
	var r resource
	err := json.Unmarshal(a.doc.Data, &r)
	return r, err
}

// user is a signed-in user.
type user struct {
	id, email, token string
}

func unique() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func document(typ string, attrs map[string]any) map[string]any {
	return map[string]any{"data": map[string]any{"type": typ, "attributes": attrs}}
}

func tokenOf(t *testing.T, a *answer) string {
	t.Helper()
	token, ok := strings.CutPrefix(a.header.Get("Authorization"), "Bearer ")
	require.True(t, ok, "no bearer token in %v", a.header)
	return token
}

// signUp creates an account and returns its admin.
func signUp(t *testing.T, c *client, name string) user {
	t.Helper()
	email := "admin." + unique() + "@acme.test"
	a := c.must(t, http.StatusCreated, http.MethodPost, "/api/v1/sign_up", "", document("user", map[string]any{
		"account_name": "Acme " + unique(), "name": name, "email": email, "password": password,
	}))
	r, err := a.resource()
	require.NoError(t, err)
	return user{id: r.ID, email: email, token: tokenOf(t, a)}
}

// addMember has admin create a member and signs the member in.
func addMember(t *testing.T, c *client, admin user, name string) user {
	t.Helper()
	email := "member." + unique() + "@acme.test"
	a := c.must(t, http.StatusCreated, http.MethodPost, "/api/v1/users", admin.token, document("user", map[string]any{
		"name": name, "email": email, "password": password,
	}))
	r, err := a.resource()
	require.NoError(t, err)
	s := c.must(t, http.StatusOK, http.MethodPost, "/api/v1/sign_in", "", document("session", map[string]any{
		"email": email, "password": password,
	}))
	return user{id: r.ID, email: email, token: tokenOf(t, s)}
}

// conversationOf returns the conversation id and chat id of a conversation
// answer.
func conversationOf(a *answer) (convID, chatID string, err error) {
	r, err := a.resource()
	if err != nil {
		return "", "", err
	}
	chat := r.Relationships["chat"].Data
	if chat == nil {
		return "", "", fmt.Errorf("conversation %s has no chat linkage: %s", r.ID, a.raw)
	}
	return r.ID, chat.ID, nil
}
