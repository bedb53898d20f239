// Command prep readies a seeded benchmark run against a started server: it
// walks each heavy user's conversation list to the cursor of page 1,000,
// and writes pgbench scripts holding the exact list statement the service
// sends, captured through the store's statement hook.
//
//	go run ./test/bench/prep -base-url http://127.0.0.1:18080 -database-url postgres://... -out bench-out
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

// sample is one line of tokens.txt.
type sample struct {
	class, user, account, peer, chat, token string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "prep:", err)
		os.Exit(1)
	}
}

func run() error {
	base := flag.String("base-url", "http://127.0.0.1:18080", "the running server")
	dbURL := flag.String("database-url", os.Getenv("PARLEY_BENCH_DATABASE_URL"), "the seeded database")
	out := flag.String("out", "bench-out", "directory holding tokens.txt; pages.txt and pgbench/ are written there")
	flag.Parse()
	samples, err := readSamples(*out + "/tokens.txt")
	if err != nil {
		return err
	}
	if err := writeDeepPages(*base, samples, *out+"/pages.txt"); err != nil {
		return fmt.Errorf("deep pages: %w", err)
	}
	if err := writePgbench(*dbURL, samples, *out+"/pgbench"); err != nil {
		return fmt.Errorf("pgbench scripts: %w", err)
	}
	return nil
}

func readSamples(path string) ([]sample, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	var out []sample
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		p := strings.Fields(sc.Text())
		if len(p) != 6 {
			return nil, fmt.Errorf("malformed line %q", sc.Text())
		}
		out = append(out, sample{class: p[0], user: p[1], account: p[2], peer: p[3], chat: p[4], token: p[5]})
	}
	return out, sc.Err()
}
