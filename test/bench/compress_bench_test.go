package bench_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/klauspost/compress/gzip"
)

// pageTarget is a 100-item list page with every relationship included.
const pageTarget = listTarget + "&page[size]=100"

// BenchmarkListPageEncodings serves the same 100-item list page with
// includes as identity, as gzip and as a 304 revalidation, through the real
// router and store, and reports the bytes on the wire per answer. The
// difference in ns/op between identity and gzip is the CPU that compression
// costs per request; results are recorded in docs/BENCHMARKS.md.
//
//	go test ./test/bench -run '^$' -bench ListPageEncodings -benchmem
func BenchmarkListPageEncodings(b *testing.B) {
	s := startStack(b, databaseURL(b, "sqlite"))
	token := s.signUp(b)
	s.startConversations(b, token, 100)
	first := s.send(pageTarget, token, nil)
	if first.Code != http.StatusOK {
		b.Fatalf("status %d: %s", first.Code, first.Body.String())
	}
	cases := []struct {
		name   string
		header map[string]string
		status int
	}{
		{"identity", nil, http.StatusOK},
		{"gzip", map[string]string{"Accept-Encoding": "gzip"}, http.StatusOK},
		{"not_modified", map[string]string{"If-None-Match": first.Header().Get("ETag")}, http.StatusNotModified},
	}
	// The compression alone, at the level the middleware uses, without the
	// noise of the rest of the request.
	b.Run("gzip_cpu_only", func(b *testing.B) {
		var out bytes.Buffer
		b.SetBytes(int64(first.Body.Len()))
		for b.Loop() {
			out.Reset()
			zw := gzip.NewWriter(&out)
			_, _ = zw.Write(first.Body.Bytes())
			_ = zw.Close()
		}
		b.ReportMetric(float64(out.Len()), "wire-bytes/op")
	})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var wire int
			b.ReportAllocs()
			for b.Loop() {
				rec := s.send(pageTarget, token, c.header)
				if rec.Code != c.status {
					b.Fatalf("status %d, want %d", rec.Code, c.status)
				}
				wire = rec.Body.Len()
			}
			b.ReportMetric(float64(wire), "wire-bytes/op")
			b.ReportMetric(float64(first.Body.Len()-wire), "saved-bytes/op")
		})
	}
}

// send GETs target with the given extra headers.
func (s *stack) send(target, token string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("Accept", "application/vnd.api+json")
	req.Header.Set("Authorization", "Bearer "+token)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, req)
	return rec
}
