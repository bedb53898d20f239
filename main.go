// Command parley serves Parley's JSON:API over HTTP, or applies the database
// migrations and exits.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/parley-chat/parley/bootstrap"
	"github.com/parley-chat/parley/config"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

const usage = `usage: parley [serve | migrate]

  serve     serve the HTTP API (the default)
  migrate   apply pending database migrations and exit

Configuration is read from PARLEY_* environment variables.
`

func main() {
	os.Exit(run(os.Args[1:], os.Environ(), os.Stderr))
}

func run(args, environ []string, stderr io.Writer) int {
	command := "serve"
	if len(args) > 0 {
		command = args[0]
	}
	if len(args) > 1 || (command != "serve" && command != "migrate") {
		_, _ = fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cfg, err := config.Load(config.FromEnviron(environ))
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitUsage
	}
	if command == "migrate" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err = bootstrap.Migrate(ctx, cfg)
	} else {
		err = bootstrap.Run(cfg)
	}
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitFailed
	}
	return exitOK
}
