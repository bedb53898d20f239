package bench_test

import (
	"net/http"
	"testing"
)

// BenchmarkListDirectConversations lists a page of 20 conversations with
// every relationship included, through the real router, middleware, use case
// and store. Allocations per op are the service's own, without a network
// client: the request is served in process.
//
//	go test ./test/bench -run '^$' -bench ListDirectConversations -benchmem
func BenchmarkListDirectConversations(b *testing.B) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		b.Run(dialect, func(b *testing.B) {
			s := startStack(b, databaseURL(b, dialect))
			token := s.signUp(b)
			s.startConversations(b, token, 25)
			s.statements()
			b.ReportAllocs()
			for b.Loop() {
				rec := s.do(http.MethodGet, listTarget, token, "")
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
			b.ReportMetric(float64(len(s.statements()))/float64(b.N), "statements/op")
		})
	}
}
