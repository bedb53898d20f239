package apidocs

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"":                       false,
		"gzip":                   true,
		"GZIP":                   true,
		"deflate, gzip;q=0.5":    true,
		"x-gzip":                 true,
		"*":                      true,
		"identity":               false,
		"br":                     false,
		"gzip;q=0":               false,
		"gzip; q=0.000":          false,
		"gzip;q=0.001":           true,
		"br;q=1, gzip ; Q=0":     false,
		"gzipped":                false,
		"compress, gzip;level=9": true,
	} {
		require.Equal(t, want, acceptsGzip(header), "%q", header)
	}
}

func TestNewGzipFileRefusesWhatIsNotGzip(t *testing.T) {
	for _, body := range [][]byte{nil, []byte("plain text, not compressed at all"), {0x1f, 0x8b}} {
		_, err := newGzipFile(body, "text/plain", cacheAsset)
		require.Error(t, err, "%q", body)
	}
}
