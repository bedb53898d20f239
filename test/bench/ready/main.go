// Command ready starts a server, polls its readiness URL every millisecond
// and prints the child's pid and how long it took from exec to the first 200.
// The server keeps running after ready exits.
//
//	go run ./test/bench/ready -url http://127.0.0.1:18080/readyz -log server.log -- ./parley
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ready:", err)
		os.Exit(1)
	}
}

func run() error {
	url := flag.String("url", "http://127.0.0.1:18080/readyz", "readiness URL to poll")
	logPath := flag.String("log", "server.log", "file for the server's output")
	timeout := flag.Duration("timeout", time.Minute, "how long to wait for readiness")
	flag.Parse()
	if flag.NArg() == 0 {
		return fmt.Errorf("no command given")
	}
	logFile, err := os.Create(*logPath)
	if err != nil {
		return err
	}
	defer func() { _ = logFile.Close() }()
	client := &http.Client{Timeout: 100 * time.Millisecond}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	begin := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	for time.Since(begin) < *timeout {
		if resp, err := client.Get(*url); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				fmt.Printf("%d %.1f\n", cmd.Process.Pid, float64(time.Since(begin).Microseconds())/1000)
				return cmd.Process.Release()
			}
		}
		time.Sleep(time.Millisecond)
	}
	_ = cmd.Process.Kill()
	return fmt.Errorf("not ready after %s", *timeout)
}
