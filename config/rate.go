package config

import (
	"strconv"
	"strings"
	"time"
)

// Rate is a budget of Limit requests per Period for one client.
type Rate struct {
	Limit  int64
	Period time.Duration
}

// String formats r the way the environment spells it, such as "300/1m0s".
func (r Rate) String() string {
	return strconv.FormatInt(r.Limit, 10) + "/" + r.Period.String()
}

// parseRate reads "N/duration", such as "300/60s" or "5/20s": a positive
// whole number of requests per positive duration.
func parseRate(name, raw string) (Rate, error) {
	const want = `(want N/duration, such as "300/60s")`
	n, d, ok := strings.Cut(strings.TrimSpace(raw), "/")
	if !ok {
		return Rate{}, invalid(name, "invalid rate %q %s", raw, want)
	}
	limit, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
	if err != nil || limit <= 0 {
		return Rate{}, invalid(name, "invalid request count in %q %s", raw, want)
	}
	period, err := time.ParseDuration(strings.TrimSpace(d))
	if err != nil || period <= 0 {
		return Rate{}, invalid(name, "invalid period in %q %s", raw, want)
	}
	return Rate{Limit: limit, Period: period}, nil
}
