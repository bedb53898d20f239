package config

import (
	"net/url"
	"strings"
)

// AnyOrigin in PARLEY_CORS_ALLOWED_ORIGINS allows every web origin.
const AnyOrigin = "*"

// parseCORSOrigins reads PARLEY_CORS_ALLOWED_ORIGINS: a comma-separated list
// of web origins (scheme://host[:port], http or https, no path), or "*"
// alone for any origin. Empty means no CORS at all.
func parseCORSOrigins(raw string) ([]string, error) {
	const name = "PARLEY_CORS_ALLOWED_ORIGINS"
	var origins []string
	for part := range strings.SplitSeq(raw, ",") {
		o := strings.TrimSpace(part)
		if o == "" {
			continue
		}
		if o == AnyOrigin {
			origins = append(origins, o)
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, invalid(name, "invalid origin %q (want scheme://host[:port])", o)
		}
		origins = append(origins, strings.ToLower(o))
	}
	if len(origins) > 1 {
		for _, o := range origins {
			if o == AnyOrigin {
				return nil, invalid(name, "%q must stand alone", AnyOrigin)
			}
		}
	}
	return origins, nil
}
