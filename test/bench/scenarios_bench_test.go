package bench_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
)

// BenchmarkScenarios measures, per request kind of the load scripts, the
// allocations and SQL statements one request costs on PostgreSQL, in
// process (no network client). Run it with a fixed count so that creating
// the peers beforehand stays short:
//
//	go test ./test/bench -run '^$' -bench Scenarios -benchmem -benchtime 500x
func BenchmarkScenarios(b *testing.B) {
	s := startStack(b, databaseURL(b, "postgres"))
	token := s.signUp(b)
	s.startConversations(b, token, 25)
	peer, chat := s.firstConversation(b, token)
	cases := []struct {
		name    string
		request func(i int) (method, target, body string)
		want    int
	}{
		{"list", func(int) (string, string, string) { return http.MethodGet, listTarget, "" }, http.StatusOK},
		{"search_peer", func(int) (string, string, string) {
			return http.MethodGet, listTarget + "&search_peer=M%C3%9CLLER", ""
		}, http.StatusOK},
		{"create_existing", func(int) (string, string, string) {
			return http.MethodPost, "/api/v1/direct_conversations", startBody(peer)
		}, http.StatusOK},
		{"post_message", func(int) (string, string, string) {
			return http.MethodPost, "/api/v1/chats/" + chat + "/messages", `{"data":{"type":"message","attributes":{"content":"Benchmark message"}}}`
		}, http.StatusCreated},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s.statements()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				method, target, body := c.request(i)
				if rec := s.do(method, target, token, body); rec.Code != c.want {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
			b.ReportMetric(float64(len(s.statements()))/float64(b.N), "statements/op")
		})
	}
	b.Run("create_new", func(b *testing.B) {
		peers := s.createUsers(b, token, b.N)
		s.statements()
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if rec := s.do(http.MethodPost, "/api/v1/direct_conversations", token, startBody(peers[i])); rec.Code != http.StatusCreated {
				b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(len(s.statements()))/float64(b.N), "statements/op")
	})
}

func startBody(userID string) string {
	return `{"data":{"type":"direct_conversation","attributes":{"user_id":"` + userID + `"}}}`
}

// firstConversation returns the peer and chat of the caller's most recent
// conversation.
func (s *stack) firstConversation(tb testing.TB, token string) (peer, chat string) {
	tb.Helper()
	rec := s.do(http.MethodGet, listTarget+"&page[size]=1", token, "")
	var doc struct {
		Data []struct {
			Attributes struct {
				SecondUserID string `json:"second_user_id"`
			} `json:"attributes"`
			Relationships struct {
				Chat struct {
					Data struct{ ID string } `json:"data"`
				} `json:"chat"`
			} `json:"relationships"`
		} `json:"data"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || len(doc.Data) != 1 {
		tb.Fatalf("first conversation: %v %s", err, rec.Body.String())
	}
	return doc.Data[0].Attributes.SecondUserID, doc.Data[0].Relationships.Chat.Data.ID
}

// createUsers creates n users in the caller's account and returns their ids.
func (s *stack) createUsers(tb testing.TB, token string, n int) []string {
	tb.Helper()
	ids := make([]string, n)
	for i := range n {
		s.peers++
		rec := s.do(http.MethodPost, "/api/v1/users", token, fmt.Sprintf(`{"data":{"type":"user","attributes":`+
			`{"name":"New Peer %d","email":"new%d@bench.test","password":"correct horse"}}}`, s.peers, s.peers))
		var doc struct {
			Data struct{ ID string } `json:"data"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || doc.Data.ID == "" {
			tb.Fatalf("create user: %v %s", err, rec.Body.String())
		}
		ids[i] = doc.Data.ID
	}
	return ids
}
