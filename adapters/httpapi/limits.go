package httpapi

import "time"

// The edge's defaults and limits, each defined here only: bootstrap passes
// these constants on rather than repeating their values, and a zero body
// limit, request timeout (RouterConfig) or read-header timeout
// (ServerConfig) falls back to them.
const (
	// DefaultMaxBodyBytes is the request body limit (1 MiB), as the
	// OpenAPI document in apidocs describes it.
	DefaultMaxBodyBytes int64 = 1 << 20
	// DefaultReadHeaderTimeout bounds how long a client may take to send
	// its request line and headers, so that a client trickling headers
	// cannot hold a connection forever.
	DefaultReadHeaderTimeout = 5 * time.Second
	// DefaultWriteTimeout bounds writing a response; DefaultRequestTimeout
	// stays under it.
	DefaultWriteTimeout = 30 * time.Second
	// DefaultRequestTimeout bounds a request's context when RouterConfig
	// sets no RequestTimeout. It stays under DefaultWriteTimeout, so that a
	// request cut off by its deadline is still answered with a 503 rather
	// than a dropped connection.
	DefaultRequestTimeout = 25 * time.Second
)
