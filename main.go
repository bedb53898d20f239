// Command parley serves Parley's JSON:API over HTTP, applies the database
// migrations and exits, or checks a running server's readiness.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
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

// commands are the subcommands run accepts; serve is the default.
var commands = []string{"serve", "migrate", "healthcheck"}

// helpCommands print the usage to standard output and succeed.
var helpCommands = []string{"help", "-h", "-help", "--help"}

const usage = `usage: parley [serve | migrate | healthcheck | help]

  serve        serve the HTTP API (the default)
  migrate      apply pending database migrations and exit
  healthcheck  exit 0 when the server on PARLEY_HTTP_ADDR answers /readyz
               with 200, 1 otherwise (a container health check)
  help         print this text (also -h, --help)

Configuration is read from PARLEY_* environment variables.
`

func main() {
	os.Exit(run(os.Args[1:], os.Environ(), os.Stdout, os.Stderr))
}

func run(args, environ []string, stdout, stderr io.Writer) int {
	command := "serve"
	if len(args) > 0 {
		command = args[0]
	}
	switch {
	case slices.Contains(helpCommands, command):
		_, _ = fmt.Fprint(stdout, usage)
		return exitOK
	case !slices.Contains(commands, command):
		_, _ = fmt.Fprintf(stderr, "parley: unknown command %q\n\n%s", command, usage)
		return exitUsage
	case len(args) > 1:
		_, _ = fmt.Fprintf(stderr, "parley: %s takes no arguments\n\n%s", command, usage)
		return exitUsage
	}
	cfg, err := config.Load(config.FromEnviron(environ))
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitUsage
	}
	switch command {
	case "migrate":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		err = bootstrap.Migrate(ctx, cfg)
	case "healthcheck":
		err = bootstrap.Healthcheck(context.Background(), cfg)
	default:
		err = bootstrap.Run(cfg)
	}
	if err != nil {
		_, _ = fmt.Fprintf(stderr, "parley: %v\n", err)
		return exitFailed
	}
	return exitOK
}
