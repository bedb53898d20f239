package bootstrap

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLocalURL(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":              "http://127.0.0.1:8080/readyz",
		"0.0.0.0:8080":       "http://127.0.0.1:8080/readyz",
		"[::]:8080":          "http://[::1]:8080/readyz",
		"127.0.0.1:18080":    "http://127.0.0.1:18080/readyz",
		"[::1]:9000":         "http://[::1]:9000/readyz",
		"10.1.2.3:8080":      "http://10.1.2.3:8080/readyz",
		"localhost:8080":     "http://localhost:8080/readyz",
		"parley.internal:80": "http://parley.internal:80/readyz",
	} {
		got, err := localURL(addr, "/readyz")
		require.NoError(t, err, addr)
		require.Equal(t, want, got, addr)
	}
	for _, addr := range []string{"8080", "", "127.0.0.1:0", ":0", "[::1"} {
		_, err := localURL(addr, "/readyz")
		require.Error(t, err, addr)
	}
}
