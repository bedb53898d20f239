package reliability_test

import (
	"sync"
	"time"
)

// outcome is what one request of a load loop got.
type outcome struct {
	op      string
	start   time.Time
	end     time.Time
	status  int
	code    string
	latency time.Duration
	err     error
}

// recorder collects outcomes from many goroutines.
type recorder struct {
	mu       sync.Mutex
	outcomes []outcome
}

// record runs one request and keeps its outcome.
func (r *recorder) record(op string, do func() (*answer, error)) (*answer, error) {
	start := time.Now()
	a, err := do()
	o := outcome{op: op, start: start, end: time.Now(), err: err}
	if a != nil {
		o.status, o.code, o.latency = a.status, a.code(), a.latency
	} else {
		o.latency = o.end.Sub(start)
	}
	r.mu.Lock()
	r.outcomes = append(r.outcomes, o)
	r.mu.Unlock()
	return a, err
}

// all returns a copy of the outcomes so far.
func (r *recorder) all() []outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]outcome(nil), r.outcomes...)
}

// covered reports whether every op in ops has an outcome that started after
// since and whose status satisfies want.
func (r *recorder) covered(ops []string, since time.Time, want func(status int) bool) bool {
	seen := map[string]bool{}
	for _, o := range r.all() {
		if o.err == nil && o.start.After(since) && want(o.status) {
			seen[o.op] = true
		}
	}
	return len(seen) == len(ops)
}
