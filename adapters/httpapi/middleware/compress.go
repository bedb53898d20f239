package middleware

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// CompressMinBytes is the size over which answers are gzip-compressed when
// the client accepts it; smaller ones gain too little to pay the CPU.
const CompressMinBytes = 1024

// acceptsGzip reports whether Accept-Encoding allows gzip: named with a
// q above 0, or "*" with a q above 0 when gzip is not named. No header, or
// only identity, means no compression.
func acceptsGzip(values []string) bool {
	star, named := false, false
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			ok := qualityAboveZero(params)
			switch coding {
			case "gzip", "x-gzip":
				if !ok {
					return false
				}
				named = true
			case "*":
				star = ok
			}
		}
	}
	return named || star
}

// qualityAboveZero reads the q parameter of one Accept-Encoding element;
// a missing or unreadable q counts as 1.
func qualityAboveZero(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err != nil || q > 0
	}
	return true
}

// gzipWriters keeps compressors between answers: each holds about 1 MB of
// state that would otherwise be allocated per answer.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// gzipBytes compresses body at the default level.
func gzipBytes(body []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(body) / 4)
	zw, _ := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&out)
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
