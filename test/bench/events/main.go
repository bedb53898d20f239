// Command events measures Parley's event stream against running servers:
// memory and heartbeats of many idle streams on one replica, message
// posting throughput with and without them, and the delivery latency from
// a post's 201 to the event on the peer's stream on the same and on
// another replica. It prints a Markdown report; scripts/bench-events.sh
// builds and starts the servers and runs it.
//
//	go run ./test/bench/events -a http://127.0.0.1:18090 -b http://127.0.0.1:18091 \
//	    -pid 1234 -database-url postgres://... -jwt-secret ...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

// options are the command-line settings of one run.
type options struct {
	a, b, databaseURL, secret, phases string
	pid                               int
	users, perUser, open              int
	workers, rate, latencyPairs       int
	heartbeat, settle, idle, duration time.Duration
	latencyDuration                   time.Duration
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "events:", err)
		os.Exit(1)
	}
}

func run() error {
	var o options
	flag.StringVar(&o.a, "a", "http://127.0.0.1:18090", "base URL of replica A (holds the idle streams, takes the posts)")
	flag.StringVar(&o.b, "b", "", "base URL of replica B over the same database (cross-replica latency); empty skips it")
	flag.IntVar(&o.pid, "pid", 0, "process id of replica A, for its memory and CPU")
	flag.StringVar(&o.databaseURL, "database-url", "", "PostgreSQL URL of the seeded database")
	flag.StringVar(&o.secret, "jwt-secret", "", "the servers' PARLEY_JWT_SECRET")
	flag.StringVar(&o.phases, "phases", "streams,latency", "what to measure: streams (memory, heartbeats, throughput), latency")
	flag.IntVar(&o.users, "users", 500, "users holding idle streams")
	flag.IntVar(&o.perUser, "per-user", 10, "idle streams per user")
	flag.IntVar(&o.open, "open-parallel", 50, "streams being opened at a time")
	flag.IntVar(&o.workers, "workers", 16, "concurrent posters of the throughput runs")
	flag.IntVar(&o.rate, "rate", 200, "posts per second of the latency run")
	flag.IntVar(&o.latencyPairs, "latency-pairs", 100, "poster and peer pairs of the latency run")
	flag.DurationVar(&o.heartbeat, "heartbeat", 2*time.Second, "the servers' PARLEY_EVENTS_HEARTBEAT")
	flag.DurationVar(&o.settle, "settle", 5*time.Second, "pause before a memory reading")
	flag.DurationVar(&o.idle, "idle", 12*time.Second, "how long the idle streams are watched for heartbeats")
	flag.DurationVar(&o.duration, "duration", 15*time.Second, "length of each throughput run")
	flag.DurationVar(&o.latencyDuration, "latency-duration", 15*time.Second, "length of the fixed-rate latency run")
	flag.Parse()
	if o.databaseURL == "" || o.secret == "" {
		return fmt.Errorf("-database-url and -jwt-secret are required")
	}
	f, err := loadFixture(context.Background(), o.databaseURL, []byte(o.secret), o.users, o.latencyPairs)
	if err != nil {
		return err
	}
	r := &report{}
	r.line("- replica A %s, replica B %s; heartbeat %s; load average at start %s", o.a, orNone(o.b), o.heartbeat, load())
	if strings.Contains(o.phases, "streams") {
		if o.pid == 0 {
			return fmt.Errorf("-pid is required for the streams phase")
		}
		if err := streamsPhase(o, f, r); err != nil {
			return err
		}
	}
	if strings.Contains(o.phases, "latency") {
		if err := latencyPhase(o, f, r); err != nil {
			return err
		}
	}
	r.print()
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s events: %s\n", time.Now().UTC().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// report gathers the Markdown lines printed at the end.
type report struct{ lines []string }

func (r *report) line(format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
}

func (r *report) print() {
	for _, l := range r.lines {
		fmt.Println(l)
	}
}
