package acceptance_test

import (
	"net/http"
	"strings"
)

// routeSeed is one starting input of FuzzRoutes; see sendFuzzed for who.
type routeSeed struct {
	method, path, query, contentType, body string
	who                                    uint8
}

// routeSeeds holds a request for every route and the hostile inputs that
// once reached a database: NUL, invalid UTF-8, lone surrogates, control
// characters in names, values past the caps, duplicate members, deep
// nesting and unsupported extensions.
func routeSeeds() []routeSeed {
	const ct = mediaType
	doc := func(typ, attrs string) string { return `{"data":{"type":"` + typ + `","attributes":{` + attrs + `}}}` }
	user := func(name, account string) string {
		a := `"name":` + name + `,"email":"grace@acme.test","password":"secret123"`
		if account != "" {
			a = `"account_name":` + account + `,` + a
		}
		return doc("user", a)
	}
	message := func(content string) string { return doc("message", `"content":`+content) }
	chat := "/api/v1/chats/{chat}/messages"
	msg := "/api/v1/messages/{message}"
	return []routeSeed{
		{http.MethodGet, "/healthz", "", "", "", 4},
		{http.MethodGet, "/readyz", "", "", "", 4},
		{http.MethodGet, "/openapi.json", "", "", "", 4},
		{http.MethodPost, "/openapi.json", "", "", "", 4},
		{http.MethodGet, "/docs", "", "", "", 4},
		{http.MethodPost, "/api/v1/sign_up", "", ct, user(`"Grace"`, `"Acme"`), 4},
		{http.MethodPost, "/api/v1/sign_up", "", ct, user(`"Grace"`, `"A\u0000"`), 4},
		{http.MethodPost, "/api/v1/sign_up", "", ct, user(`"Grace"`, `"Acme\u202e"`), 0x84},
		{http.MethodPost, "/api/v1/sign_in", "", ct, doc("session", `"email":"ada@acme.test","password":"secret123"`), 4},
		{http.MethodPost, "/api/v1/sign_in", "", ct, doc("session", `"email":"a\u0000@x.test","password":"secret123"`), 4},
		{http.MethodPost, "/api/v1/sign_in", "", ct, doc("session", `"email":"a@x.test","email":"b@x.test","password":"x"`), 4},
		{http.MethodDelete, "/api/v1/sign_out", "", "", "", 0},
		{http.MethodGet, "/api/v1/users/me", "fields[user]=name%00", "", "", 1},
		{http.MethodGet, "/api/v1/users", "filter[name]=eq:%00", "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=eq:%ff", "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=ct:%00", "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=ct:" + strings.Repeat("a", 50000), "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=pre:" + strings.Repeat("a", 50000), "", "", 0},
		{http.MethodGet, "/api/v1/users", "filter[name]=in:" + strings.Repeat(",", 32766), "", "", 0},
		{http.MethodGet, "/api/v1/users", "sort=%ff&page[size]=%00", "", "", 0},
		{http.MethodGet, "/api/v1/users/{member}", "", "", "", 0},
		{http.MethodPost, "/api/v1/users", "", ct, user(`"Linus"`, ""), 0},
		{http.MethodPost, "/api/v1/users", "", ct, user(`"Ada\u0000"`, ""), 0},
		{http.MethodPost, "/api/v1/users", "", ct, user(`"Ada\u0007"`, ""), 0},
		{http.MethodPost, "/api/v1/users", "", ct, user(`"\u202eAda"`, ""), 0},
		{http.MethodPost, "/api/v1/users", "", ct, user("\"Ada\xff\"", ""), 0},
		{http.MethodPost, "/api/v1/direct_conversations", "include=chat", ct, doc("direct_conversation", `"user_id":"{member}"`), 0},
		{http.MethodPost, "/api/v1/direct_conversations", "", ct, doc("direct_conversation", `"user_id":"{member}\u0000"`), 0},
		{http.MethodGet, "/api/v1/direct_conversations", "search_peer=%00", "", "", 0},
		{http.MethodGet, "/api/v1/direct_conversations", "search_peer=" + strings.Repeat("a", 60000), "", "", 0},
		{http.MethodGet, "/api/v1/direct_conversations", "search_peer=%C3%96ZIL&include=chat%ff", "", "", 0},
		{http.MethodGet, "/api/v1/direct_conversations/{conv}", "include=chat,first_user", "", "", 1},
		{http.MethodGet, "/api/v1/chats/{chat}", "include=chat_memberships,latest_message", "", "", 0},
		{http.MethodGet, chat, "include=author&page[size]=1", "", "", 1},
		{http.MethodPost, chat, "", ct, message(`"hi there"`), 1},
		{http.MethodPost, chat, "", ct, message(`"a\u0000b"`), 1},
		{http.MethodPost, chat, "", ct, message(`"\ud800"`), 1},
		{http.MethodPost, chat, "", ct, message(`"\udc00\ud800x"`), 1},
		{http.MethodPost, chat, "", ct, message("\"\xff\xfe\""), 1},
		{http.MethodPost, chat, "", ct, `{"data":{"type":"message","type":"message","attributes":{"content":"a","content":"b"}},"data":{}}`, 1},
		{http.MethodPost, chat, "", ct, `{"meta":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, 1},
		{http.MethodPost, chat, "", ct + `; ext="https://jsonapi.org/ext/atomic"`, message(`"atomic"`), 1},
		{http.MethodGet, "/api/v1/users", "filter[name]=eq:" + strings.Repeat("a", 100<<10), "", "", 0},
		{http.MethodPut, "/api/v1/chats/{chat}/bookmark", "", ct, doc("chat_bookmark", `"updated_at":"2025-01-01T00:00:00Z"`), 1},
		{http.MethodPost, "/api/v1/chats/{chat}/bookmark", "", ct, doc("chat_bookmark", `"updated_at":"\u0000"`), 1},
		{http.MethodGet, "/api/v1/direct_conversations", "unread=true&include=chat.latest_message.author,chat.bookmark", "", "", 1},
		{http.MethodGet, "/api/v1/unread_counts", "", "", "", 1},
		{http.MethodGet, msg, "fields[message]=content,edited_at", "", "", 0},
		{http.MethodHead, msg, "", "", "", 2},
		{http.MethodGet, "/api/v1/messages/%00", "", "", "", 1},
		{http.MethodPatch, msg, "", ct, message(`"corrected"`), 1},
		{http.MethodPatch, msg, "", ct, `{"data":{"type":"message","id":"{message}","attributes":{"content":"a\u0000b"}}}`, 1},
		{http.MethodPatch, msg, "", ct, `{"data":{"type":"message","id":"{chat}","attributes":{"content":"x"}}}`, 1},
		{http.MethodPatch, msg, "", ct, message("\"\xff\xfe\""), 1},
		{http.MethodPatch, msg, "", ct, message(`"` + strings.Repeat("x", 10001) + `"`), 1},
		{http.MethodPatch, msg, "", ct, doc("message", `"content":"x","discarded_at":null`), 1},
		{http.MethodPatch, msg, "", ct, message(`"not mine"`), 0},
		{http.MethodDelete, msg, "", "", "", 2},
		{http.MethodDelete, msg, "", "", "", 1},
		{http.MethodPost, "/api/v1/event_tickets", "", "", "", 0},
		{http.MethodPost, "/api/v1/event_tickets", "", ct, doc("event_ticket", `"ticket":"mine"`), 0},
		{http.MethodPost, "/api/v1/event_tickets", "", ct, `{"data":{"type":"event_tickets\u0000"}}`, 0},
		{http.MethodGet, "/api/v1/events", "ticket=%00", "", "", 4},
		{http.MethodGet, "/api/v1/events", "ticket=a&ticket=b", "", "", 4},
		{http.MethodGet, "/api/v1/events", "ticket=unknown", "", "", 0},
		{http.MethodGet, "/api/v1/events", "access_token={member}", "", "", 4},
		{http.MethodHead, "/api/v1/events", "", "", "", 0},
		{http.MethodPatch, msg, "", ct, message(`"after withdrawal"`), 1},
	}
}
