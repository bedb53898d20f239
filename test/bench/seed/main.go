// Command seed loads the benchmark dataset into an empty PostgreSQL
// database: accounts, users with varied names, direct conversations with a
// skewed fan-out and their chats and memberships, messages in most of them
// and the bookmarks and unread counts those leave. It checks the read state
// against the rules the stores keep. It then signs tokens for a
// sample of users and writes them, labelled by class, for the load scripts.
//
//	go run ./test/bench/seed -database-url postgres://... -scale 0.01 -out bench-out
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

// options are the command-line settings of one seed run.
type options struct {
	databaseURL string
	scale       float64
	secret      string
	out         string
	seed        int64
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

func run() error {
	opts := options{}
	flag.StringVar(&opts.databaseURL, "database-url", os.Getenv("PARLEY_BENCH_DATABASE_URL"), "PostgreSQL URL of an empty database (PARLEY_BENCH_DATABASE_URL)")
	flag.Float64Var(&opts.scale, "scale", envFloat("SCALE", 1), "dataset scale: 1 is 100,000 users and about 1,000,000 conversations (SCALE)")
	flag.StringVar(&opts.secret, "jwt-secret", os.Getenv("PARLEY_JWT_SECRET"), "the server's PARLEY_JWT_SECRET, to sign tokens with")
	flag.StringVar(&opts.out, "out", "bench-out", "directory for tokens.txt and peers.txt")
	flag.Int64Var(&opts.seed, "seed", 1, "random seed of the generated names and fan-out")
	flag.Parse()
	if opts.databaseURL == "" || opts.secret == "" {
		return fmt.Errorf("-database-url and -jwt-secret are required")
	}
	if opts.scale <= 0 || opts.scale > 10 {
		return fmt.Errorf("scale %v is out of range (0, 10]", opts.scale)
	}
	ctx := context.Background()
	start := time.Now()
	db, err := connect(ctx, opts.databaseURL)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	plan := newPlan(opts.scale, opts.seed)
	steps := []struct {
		name string
		do   func(context.Context) error
	}{
		{"users", func(ctx context.Context) error { return db.loadUsers(ctx, plan) }},
		{"conversations", func(ctx context.Context) error { return db.loadConversations(ctx, plan) }},
		{"analyze", db.analyze},
		{"check", db.check},
		{"tokens", func(ctx context.Context) error { return db.writeSamples(ctx, plan, []byte(opts.secret), opts.out) }},
	}
	for _, s := range steps {
		began := time.Now()
		if err := s.do(ctx); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		fmt.Printf("seed: %-13s %8.1fs\n", s.name, time.Since(began).Seconds())
	}
	fmt.Printf("seed: done in %.1fs\n", time.Since(start).Seconds())
	return nil
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}
