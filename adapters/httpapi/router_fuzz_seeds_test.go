package httpapi

import (
	"net/http"
	"strings"
)

// routerSeed is one starting request of FuzzRouter. who picks the caller:
// 0 admin, 1 member, 2 outsider, 3 garbage token, 4 and 5 none; the high bit
// asks for German.
type routerSeed struct {
	method, path, query, contentType, body string
	who                                    uint8
}

func routerSeeds() []routerSeed {
	const ct = mediaType
	startConv := `{"data":{"type":"direct_conversation","attributes":{"user_id":"{member}"}}}`
	postMsg := `{"data":{"type":"message","attributes":{"content":"hi there"}}}`
	signUp := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"Grace","email":"grace@acme.test","password":"secret123"}}}`
	signIn := `{"data":{"type":"session","attributes":{"email":"ada@acme.test","password":"secret123"}}}`
	createUser := `{"data":{"type":"user","attributes":{"name":"Linus","email":"linus@acme.test","password":"secret123"}}}`
	return []routerSeed{
		{http.MethodGet, "/healthz", "", "", "", 4},
		{http.MethodGet, "/readyz", "", "", "", 4},
		{http.MethodGet, "/metrics", "", "", "", 4},
		{http.MethodGet, "/openapi.json", "", "", "", 4},
		{http.MethodGet, "/docs", "", "", "", 4},
		{http.MethodPost, "/api/v1/sign_up", "", ct, signUp, 4},
		{http.MethodPost, "/api/v1/sign_up", "", ct + "; charset=utf-8", signUp, 4},
		{http.MethodPost, "/api/v1/sign_up", "", "text/plain", signUp, 4},
		{http.MethodPost, "/api/v1/sign_in", "", "application/json", signIn, 0x84},
		{http.MethodPost, "/api/v1/sign_in", "include=x", ct, `{"data":{"type":"session","attributes":{"email":"ada@acme.test","password":"wrong"}}}`, 4},
		{http.MethodDelete, "/api/v1/sign_out", "", "", "", 0},
		{http.MethodDelete, "/api/v1/sign_out", "", "", "", 3},
		{http.MethodGet, "/api/v1/users/me", "fields[user]=name", "", "", 1},
		{http.MethodGet, "/api/v1/users", "sort=-created_at&filter[name]=ct:%C3%B6z&page[size]=1", "", "", 0},
		{http.MethodGet, "/api/v1/users", "page[after]=e30.AAAA", "", "", 0},
		{http.MethodGet, "/api/v1/users/{member}", "", "", "", 0},
		{http.MethodGet, "/api/v1/users/{admin}", "", "", "", 2},
		{http.MethodPost, "/api/v1/users", "", ct, createUser, 0},
		{http.MethodPost, "/api/v1/users", "", ct, createUser, 1},
		{http.MethodPost, "/api/v1/direct_conversations", "include=chat,first_user,second_user", ct, startConv, 0},
		{http.MethodPost, "/api/v1/direct_conversations", "", ct, `{"data":{"type":"direct_conversation","attributes":{"user_id":"{admin}"}}}`, 1},
		{http.MethodPost, "/api/v1/direct_conversations", "", ct, `{"data":{"type":"direct_conversation","attributes":{"user_id":"{outsider}"}}}`, 0},
		{http.MethodPost, "/api/v1/direct_conversations", "", ct, `{"data":{"type":"direct_conversation","attributes":{"user_id":"{member}","first_user_id":"x"}}}`, 0},
		{http.MethodGet, "/api/v1/direct_conversations", "search_peer=%C3%96ZIL&sort=created_at&include=chat&fields[direct_conversation]=chat&page[size]=1", "", "", 0},
		{http.MethodGet, "/api/v1/direct_conversations/{conv}", "include=chat,first_user", "", "", 1},
		{http.MethodGet, "/api/v1/direct_conversations/{conv}", "", "", "", 2},
		{http.MethodGet, "/api/v1/direct_conversations/not-a-uuid", "", "", "", 0},
		{http.MethodGet, "/api/v1/chats/{chat}", "include=chat_memberships,latest_message", "", "", 0},
		{http.MethodGet, "/api/v1/chats/{chat}/messages", "include=author&page[size]=1", "", "", 1},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, postMsg, 1},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, postMsg, 2},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, `{"data":{"type":"message","attributes":{"content":"   "}}}`, 0},
		{http.MethodPost, "/api/v1/chats/{message}/messages", "", ct, postMsg, 0},
		{http.MethodGet, "/api/v1/messages/{message}", "fields[message]=content,discarded_at", "", "", 1},
		{http.MethodGet, "/api/v1/messages/{chat}", "", "", "", 1},
		{http.MethodPatch, "/api/v1/messages/{message}", "", ct, `{"data":{"type":"message","id":"{message}","attributes":{"content":"fixed"}}}`, 1},
		{http.MethodPatch, "/api/v1/messages/{message}", "", ct, `{"data":{"type":"message","id":"{chat}","attributes":{"content":"fixed"}}}`, 1},
		{http.MethodPatch, "/api/v1/messages/{message}", "", ct, `{"data":{"type":"message","attributes":{"content":"  "}}}`, 0},
		{http.MethodDelete, "/api/v1/messages/{message}", "", "", "", 2},
		{http.MethodDelete, "/api/v1/messages/{message}", "", "", "", 1},
		{http.MethodPost, "/api/v1/event_tickets", "", "", "", 0},
		{http.MethodPost, "/api/v1/event_tickets", "", ct, `{"data":{"type":"event_ticket","attributes":{"ticket":"x"}}}`, 0},
		{http.MethodGet, "/api/v1/events", "", "", "", 0},
		{http.MethodGet, "/api/v1/events", "ticket=unknown", "", "", 4},
		{http.MethodGet, "/api/v1/events", "token={message}", "", "", 4},
		{"HEAD", "/api/v1/events", "", "", "", 0},
		{http.MethodPut, "/api/v1/users", "", ct, createUser, 0},
		{http.MethodGet, "/api/v2/users", "", "", "", 0},
		{http.MethodGet, "/api/v1/users/", "", "", "", 0},
		{http.MethodGet, "//api/v1/../v1/users", "", "", "", 0},
		{"HEAD", "/api/v1/users/me", "", "", "", 0},
		{http.MethodOptions, "/api/v1/chats/{chat}/messages", "", "", "", 0},
		{http.MethodGet, "/api/v1/direct_conversations", "search_peer=%00", "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=eq:%ff&sort=%00", "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=in:" + strings.Repeat(",", 32766), "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=ct:" + strings.Repeat("a", 50000), "", "", 0},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, `{"data":{"type":"message","attributes":{"content":"\ud800\u0000"}}}`, 1},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, `{"data":{"type":"message","attributes":{"content":"a","content":"b"}}}`, 1},
		{http.MethodPost, "/api/v1/chats/{chat}/messages", "", ct, `{"meta":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, 1},
		{http.MethodPost, "/api/v1/users", "", ct, `{"data":{"type":"user","attributes":{"name":"Ada\u202e","email":"x@acme.test","password":"secret123"}}}`, 0},
		{http.MethodPost, "/api/v1/sign_in", "", ct + `; ext="https://jsonapi.org/ext/atomic"`, signIn, 4},
		{http.MethodPost, "/openapi.json", "", "", "", 4},
	}
}
