package acceptance_test

import (
	"net/http"
	"testing"
)

func TestProbes(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		for _, path := range []string{"/healthz", "/readyz"} {
			api.get(t, path, "").requireStatus(t, http.StatusOK)
		}
	})
}
