package main

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is Linux's USER_HZ, the unit of utime and stime in
// /proc/<pid>/stat.
const clockTicks = 100

// memory is what /proc/<pid>/status says of a process, in KiB.
type memory struct{ rss, anon int64 }

func readMemory(pid int) (memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	defer func() { _ = f.Close() }()
	var m memory
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(fields[1], 10, 64)
		switch fields[0] {
		case "VmRSS:":
			m.rss = n
		case "RssAnon:":
			m.anon = n
		}
	}
	return m, sc.Err()
}

// cpuTime is the user plus system time pid has used.
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name may hold spaces; the fields after it are fixed.
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 13 {
		return 0, fmt.Errorf("short /proc/%d/stat", pid)
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks, nil
}

// runtimeStats are the Go runtime figures the server's /metrics exposes.
type runtimeStats struct {
	goroutines, heapInuse, stackInuse float64
	streamsOpen                       float64
}

func readRuntime(base string) (runtimeStats, error) {
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		return runtimeStats{}, err
	}
	defer func() { _ = resp.Body.Close() }()
	var r runtimeStats
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			continue
		}
		switch name {
		case "go_goroutines":
			r.goroutines = v
		case "go_memstats_heap_inuse_bytes":
			r.heapInuse = v
		case "go_memstats_stack_inuse_bytes":
			r.stackInuse = v
		case "parley_event_streams_open":
			r.streamsOpen = v
		}
	}
	return r, sc.Err()
}

// load is the machine's load average over the last minute.
func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}
