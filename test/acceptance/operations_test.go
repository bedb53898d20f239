package acceptance_test

import (
	"net/http"
	"testing"
)

func TestProbes(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		for _, path := range []string{"/healthz", "/readyz"} {
			r, err := api.http.Get(api.lane.base + path)
			if err != nil {
				t.Fatal(err)
			}
			_ = r.Body.Close()
			if r.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", path, r.StatusCode)
			}
		}
	})
}
