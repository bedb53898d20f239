package bench_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

// BenchmarkInbox lists a page of 20 conversations, each with a message the
// caller posted (so a latest message, its author and the caller's bookmark
// to include), with every nested include of an inbox screen, next to the
// same page with today's includes, in process on PostgreSQL.
//
//	go test ./test/bench -run '^$' -bench Inbox -benchmem
func BenchmarkInbox(b *testing.B) {
	s := startStack(b, databaseURL(b, "postgres"))
	token := s.signUp(b)
	s.startConversations(b, token, 25)
	var list struct {
		Data []struct {
			Relationships struct {
				Chat struct {
					Data struct{ ID string } `json:"data"`
				} `json:"chat"`
			} `json:"relationships"`
		} `json:"data"`
	}
	rec := s.do(http.MethodGet, listTarget+"&page[size]=25", token, "")
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list.Data) != 25 {
		b.Fatalf("list: %v %s", err, rec.Body.String())
	}
	for _, c := range list.Data {
		rec := s.do(http.MethodPost, "/api/v1/chats/"+c.Relationships.Chat.Data.ID+"/messages", token,
			`{"data":{"type":"message","attributes":{"content":"Benchmark message"}}}`)
		if rec.Code != http.StatusCreated {
			b.Fatalf("post: status %d: %s", rec.Code, rec.Body.String())
		}
	}
	for _, c := range []struct{ name, target string }{{"list", listTarget}, {"inbox", inboxTarget}} {
		b.Run(c.name, func(b *testing.B) {
			s.statements()
			b.ReportAllocs()
			for b.Loop() {
				if rec := s.do(http.MethodGet, c.target, token, ""); rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
			b.ReportMetric(float64(len(s.statements()))/float64(b.N), "statements/op")
		})
	}
}
