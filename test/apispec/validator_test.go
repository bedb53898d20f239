package apispec_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/apispec"
)

const (
	convID  = "01890a5d-ac96-774b-bcce-b302099a8057"
	chatID  = "01890a5d-ac96-774b-bcce-b302099a8058"
	userA   = "01890a5d-ac96-774b-bcce-b302099a8059"
	userB   = "01890a5d-ac96-774b-bcce-b302099a805a"
	stamp   = "2025-03-14T09:26:53.589123Z"
	jsonAPI = "application/vnd.api+json"
)

// conversation renders a direct conversation resource with extra attribute
// members spliced in.
func conversation(id, extraAttributes string) string {
	return `{"type":"direct_conversation","id":"` + id + `",` +
		`"attributes":{"first_user_id":"` + userA + `","second_user_id":"` + userB + `",` +
		`"created_at":"` + stamp + `","updated_at":"` + stamp + `"` + extraAttributes + `},` +
		`"relationships":{"chat":{"data":{"type":"chat","id":"` + chatID + `"}},` +
		`"first_user":{"data":{"type":"user","id":"` + userA + `"}},` +
		`"second_user":{"data":{"type":"user","id":"` + userB + `"}}},` +
		`"links":{"self":"/api/v1/direct_conversations/` + id + `"}}`
}

const userDoc = `{"data":{"type":"user","id":"` + userA + `","attributes":{"name":"Ada","email":"ada@acme.test",` +
	`"role":"admin","created_at":"` + stamp + `","updated_at":"` + stamp + `"},"links":{"self":"/api/v1/users/` + userA + `"}}}`

const chatDoc = `{"data":{"type":"chat","id":"` + chatID + `","attributes":{"context_type":"direct_conversation",` +
	`"context_id":"` + convID + `","latest_message_id":null,"created_at":"` + stamp + `","updated_at":"` + stamp + `"},` +
	`"relationships":{"chat_memberships":{"data":[{"type":"chat_membership","id":"` + userB + `"}]},` +
	`"latest_message":{"data":null}},"links":{"self":"/api/v1/chats/` + chatID + `"}},` +
	`"included":[{"type":"chat_membership","id":"` + userB + `","attributes":{"chat_id":"` + chatID + `",` +
	`"user_id":"` + userA + `","role_ids":["messages.read","messages.create"],"created_at":"` + stamp + `"}}]}`

func errorDoc(status, code, source string) string {
	return `{"errors":[{"status":"` + status + `","code":"` + code + `","title":"Problem","detail":"Details"` + source + `}]}`
}

func headers(pairs ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(pairs); i += 2 {
		h.Set(pairs[i], pairs[i+1])
	}
	return h
}

func TestDocumentValidates(t *testing.T) {
	v := apispec.Load(t)
	require.Regexp(t, `^3\.1\.\d+$`, v.Document().OpenAPI)
	require.NotEmpty(t, v.Document().Paths.Map())
}

func TestCheckResponse(t *testing.T) {
	v := apispec.Load(t)
	jsonAPIHeader := headers("Content-Type", jsonAPI)
	tests := []struct {
		name    string
		method  string
		target  string
		status  int
		header  http.Header
		body    string
		wantErr string
	}{
		{"started_conversation", "POST", "/api/v1/direct_conversations", 201,
			headers("Content-Type", jsonAPI, "Location", "/api/v1/direct_conversations/"+convID),
			`{"data":` + conversation(convID, "") + `}`, ""},
		{"created_without_location", "POST", "/api/v1/direct_conversations", 201, jsonAPIHeader,
			`{"data":` + conversation(convID, "") + `}`, "Location"},
		{"write_only_user_id_in_response", "GET", "/api/v1/direct_conversations/" + convID, 200, jsonAPIHeader,
			`{"data":` + conversation(convID, `,"user_id":"`+userB+`"`) + `}`, "user_id"},
		{"unknown_attribute", "GET", "/api/v1/direct_conversations/" + convID, 200, jsonAPIHeader,
			`{"data":` + conversation(convID, `,"secret":"x"`) + `}`, "secret"},
		{"id_not_a_uuid", "GET", "/api/v1/direct_conversations/" + convID, 200, jsonAPIHeader,
			`{"data":` + conversation("42", "") + `}`, "uuid"},
		{"timestamp_not_rfc3339", "GET", "/api/v1/direct_conversations/" + convID, 200, jsonAPIHeader,
			`{"data":` + strings.Replace(conversation(convID, ""), stamp, "14.03.2025", 1) + `}`, "created_at"},
		{"sparse_fieldset", "GET", "/api/v1/direct_conversations/" + convID + "?fields[direct_conversation]=chat", 200, jsonAPIHeader,
			`{"data":{"type":"direct_conversation","id":"` + convID + `","relationships":{"chat":{"data":{"type":"chat","id":"` + chatID + `"}}},"links":{"self":"/x"}}}`, ""},
		{"collection_on_last_page", "GET", "/api/v1/direct_conversations?search_peer=ada", 200, jsonAPIHeader,
			`{"data":[` + conversation(convID, "") + `],"links":{"self":"/api/v1/direct_conversations","next":null}}`, ""},
		{"collection_with_next_page", "GET", "/api/v1/users", 200, jsonAPIHeader,
			`{"data":[],"links":{"self":"/api/v1/users","next":"/api/v1/users?page[after]=abc"}}`, ""},
		{"collection_without_next_link", "GET", "/api/v1/direct_conversations", 200, jsonAPIHeader,
			`{"data":[],"links":{"self":"/api/v1/direct_conversations"}}`, "next"},
		{"chat_without_messages", "GET", "/api/v1/chats/" + chatID + "?include=chat_memberships", 200, jsonAPIHeader, chatDoc, ""},
		{"signed_up", "POST", "/api/v1/sign_up", 201,
			headers("Content-Type", jsonAPI, "Location", "/api/v1/users/"+userA, "Authorization", "Bearer a.b.c"), userDoc, ""},
		{"signed_up_without_token", "POST", "/api/v1/sign_up", 201,
			headers("Content-Type", jsonAPI, "Location", "/api/v1/users/"+userA), userDoc, "Authorization"},
		{"current_user", "GET", "/api/v1/users/me", 200, jsonAPIHeader, userDoc, ""},
		{"wrong_content_type", "GET", "/api/v1/users/me", 200, headers("Content-Type", "application/json"), userDoc, "Content-Type"},
		{"validation_error", "POST", "/api/v1/direct_conversations", 422, jsonAPIHeader,
			errorDoc("422", "validation_failed", `,"source":{"pointer":"/data/attributes/user_id"}`), ""},
		{"unknown_error_code", "POST", "/api/v1/direct_conversations", 422, jsonAPIHeader,
			errorDoc("422", "bad_things", ""), "code"},
		{"error_status_differs", "GET", "/api/v1/users", 400, jsonAPIHeader,
			errorDoc("422", "invalid_parameter", `,"source":{"parameter":"sort"}`), "status"},
		{"undocumented_status", "GET", "/api/v1/users", 418, jsonAPIHeader, errorDoc("418", "internal", ""), "status"},
		{"unauthorized_with_challenge", "GET", "/api/v1/users", 401,
			headers("Content-Type", jsonAPI, "WWW-Authenticate", "Bearer"), errorDoc("401", "unauthorized", ""), ""},
		{"unauthorized_without_challenge", "GET", "/api/v1/users", 401, jsonAPIHeader,
			errorDoc("401", "unauthorized", ""), "WWW-Authenticate"},
		{"rate_limited", "POST", "/api/v1/sign_in", 429,
			headers("Content-Type", jsonAPI, "Retry-After", "12", "RateLimit-Limit", "5", "RateLimit-Remaining", "0", "RateLimit-Reset", "12"),
			errorDoc("429", "rate_limited", ""), ""},
		{"signed_out", "DELETE", "/api/v1/sign_out", 204, http.Header{}, "", ""},
		{"signed_out_with_body", "DELETE", "/api/v1/sign_out", 204, jsonAPIHeader, userDoc, "body"},
		{"health", "GET", "/healthz", 200, jsonAPIHeader, `{"meta":{"status":"ok"}}`, ""},
		{"not_ready", "GET", "/readyz", 503, headers("Content-Type", jsonAPI, "Retry-After", "1"),
			errorDoc("503", "service_unavailable", ""), ""},
		{"unknown_route", "GET", "/api/v1/nothing", 404, jsonAPIHeader, errorDoc("404", "not_found", ""), ""},
		{"unknown_route_answered", "GET", "/api/v1/nothing", 200, jsonAPIHeader, `{"data":[]}`, "404"},
		{"unknown_route_plain_text", "GET", "/api/v1/nothing", 404, headers("Content-Type", "text/plain"), "404 page not found", "Content-Type"},
		{"wrong_method", "PUT", "/api/v1/users", 405, headers("Content-Type", jsonAPI, "Allow", "GET, POST"),
			errorDoc("405", "method_not_allowed", ""), ""},
		{"wrong_method_without_allow", "PUT", "/api/v1/users", 405, jsonAPIHeader,
			errorDoc("405", "method_not_allowed", ""), "Allow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "http://127.0.0.1:8080"+tt.target, nil)
			err := v.CheckResponse(req, tt.status, tt.header, []byte(tt.body))
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			require.Contains(t, strings.ToLower(err.Error()), strings.ToLower(tt.wantErr))
		})
	}
}
