package main

import (
	"fmt"
	"time"
)

// streamsPhase measures, on replica A: posting with no stream open, the
// memory and goroutines of users x perUser idle streams, their heartbeats
// idle and under posting load, posting with them open (posters outside
// and inside the stream holders), and posting again once they closed.
func streamsPhase(o options, f *fixture, r *report) error {
	ps := newPoster(o.a, o.workers)
	logf("warm up")
	ps.closedLoop(f.idlePairs, o.workers, 3*time.Second)
	logf("posting, no streams")
	none := ps.closedLoop(f.idlePairs, o.workers, o.duration)
	noneLoad := load()

	time.Sleep(o.settle)
	cpuIdle0, err := idleCPU(o.pid, o.idle)
	if err != nil {
		return err
	}
	before, err := readMemory(o.pid)
	if err != nil {
		return err
	}
	rtBefore, err := readRuntime(o.a)
	if err != nil {
		return err
	}

	tokens := make([]string, 0, o.users*o.perUser)
	for range o.perUser {
		for _, u := range f.streamUsers {
			tokens = append(tokens, u.token)
		}
	}
	logf("opening %d streams", len(tokens))
	began := time.Now()
	s, err := openStreams(o.a, tokens, o.open)
	if err != nil {
		return err
	}
	openedIn := time.Since(began)
	logf("opened in %s; settling", openedIn.Round(time.Millisecond))
	time.Sleep(o.settle)
	after, err := readMemory(o.pid)
	if err != nil {
		s.close()
		return err
	}
	rtAfter, err := readRuntime(o.a)
	if err != nil {
		s.close()
		return err
	}
	logf("watching idle streams for %s", o.idle)
	idleRec := s.phase()
	cpuIdleN, err := idleCPU(o.pid, o.idle)
	if err != nil {
		s.close()
		return err
	}
	idleLoad := load()
	idleBeats := idleRec.heartbeatIntervals()

	logf("posting, %d streams open (posters hold none)", len(tokens))
	busyRec := s.phase()
	open := ps.closedLoop(f.idlePairs, o.workers, o.duration)
	openLoad := load()
	busyBeats := busyRec.heartbeatIntervals()
	logf("posting, %d streams open (posters hold %d each)", len(tokens), o.perUser)
	fanRec := s.phase()
	fan := ps.closedLoop(f.streamPairs, o.workers, o.duration)
	fanLoad := load()
	fanBeats := fanRec.heartbeatIntervals()
	ended := s.ended.Load()
	s.close()
	logf("streams closed; settling")
	time.Sleep(o.settle)
	closed, err := readMemory(o.pid)
	if err != nil {
		return err
	}
	rtClosed, err := readRuntime(o.a)
	if err != nil {
		return err
	}
	logf("posting, no streams again")
	again := ps.closedLoop(f.idlePairs, o.workers, o.duration)
	againLoad := load()

	n := int64(len(tokens))
	r.line("")
	r.line("### %d idle streams on one replica (%d users x %d)", n, o.users, o.perUser)
	r.line("")
	r.line("| figure | no streams | %d streams | after closing them |", n)
	r.line("|---|---|---|---|")
	r.line("| VmRSS KiB | %d | %d | %d |", before.rss, after.rss, closed.rss)
	r.line("| RssAnon KiB | %d | %d | %d |", before.anon, after.anon, closed.anon)
	r.line("| goroutines | %.0f | %.0f | %.0f |", rtBefore.goroutines, rtAfter.goroutines, rtClosed.goroutines)
	r.line("| Go heap in use KiB | %.0f | %.0f | %.0f |", rtBefore.heapInuse/1024, rtAfter.heapInuse/1024, rtClosed.heapInuse/1024)
	r.line("| Go stacks in use KiB | %.0f | %.0f | %.0f |", rtBefore.stackInuse/1024, rtAfter.stackInuse/1024, rtClosed.stackInuse/1024)
	r.line("| parley_event_streams_open | %.0f | %.0f | %.0f |", rtBefore.streamsOpen, rtAfter.streamsOpen, rtClosed.streamsOpen)
	r.line("| server CPU while idle (%s), %% of one core | %.1f | %.1f | |", o.idle, cpuIdle0, cpuIdleN)
	r.line("")
	r.line("- RSS growth per stream: **%.1f KiB** (VmRSS), %.1f KiB anonymous; %.2f goroutines, %.1f KiB Go heap and %.1f KiB stack per stream",
		float64(after.rss-before.rss)/float64(n), float64(after.anon-before.anon)/float64(n),
		(rtAfter.goroutines-rtBefore.goroutines)/float64(n), (rtAfter.heapInuse-rtBefore.heapInuse)/1024/float64(n),
		(rtAfter.stackInuse-rtBefore.stackInuse)/1024/float64(n))
	r.line("- opening %d streams (%d at a time) took %s; streams the server ended early: %d", n, o.open, openedIn.Round(time.Millisecond), ended)
	r.line("")
	r.line("Heartbeat lateness (interval between two heartbeats of one stream minus %s), all streams:", o.heartbeat)
	r.line("")
	r.line("| while | intervals | p50 ms | p99 ms | max ms | load |")
	r.line("|---|---|---|---|---|---|")
	r.line("| idle, %s | %d | %s | %s |", o.idle, len(idleBeats), spread(lateness(idleBeats, o.heartbeat)), idleLoad)
	r.line("| posting, posters hold no stream | %d | %s | %s |", len(busyBeats), spread(lateness(busyBeats, o.heartbeat)), openLoad)
	r.line("| posting, posters hold streams | %d | %s | %s |", len(fanBeats), spread(lateness(fanBeats, o.heartbeat)), fanLoad)
	r.line("")
	r.line("Posting throughput, %d workers, %s each, in this order:", o.workers, o.duration)
	r.line("")
	r.line("| run | posts/s | p50 ms | p99 ms | max ms | failed | load |")
	r.line("|---|---|---|---|---|---|---|")
	r.line("| no streams | %.0f | %s | %d | %s |", none.rate(), spread(none.latencies), none.failed, noneLoad)
	r.line("| %d idle streams, posters hold none | %.0f | %s | %d | %s |", n, open.rate(), spread(open.latencies), open.failed, openLoad)
	r.line("| %d streams, posters hold %d each (events delivered) | %.0f | %s | %d | %s |", n, o.perUser, fan.rate(), spread(fan.latencies), fan.failed, fanLoad)
	r.line("| no streams again | %.0f | %s | %d | %s |", again.rate(), spread(again.latencies), again.failed, againLoad)
	base := (none.rate() + again.rate()) / 2
	r.line("")
	r.line("- idle streams vs none (mean of the two runs without): **%+.1f%%**; with events delivered to the posters' streams: %+.1f%%",
		(open.rate()/base-1)*100, (fan.rate()/base-1)*100)
	r.line("- message.created events received by the idle streams' clients: %d", s.events.Load())
	for _, t := range []throughput{none, open, fan, again} {
		if t.firstErr != nil {
			r.line("- first error: %v", t.firstErr)
			break
		}
	}
	return nil
}

// idleCPU returns the share of one core pid used over d, in percent.
func idleCPU(pid int, d time.Duration) (float64, error) {
	c0, err := cpuTime(pid)
	if err != nil {
		return 0, err
	}
	t0 := time.Now()
	time.Sleep(d)
	c1, err := cpuTime(pid)
	if err != nil {
		return 0, err
	}
	return float64(c1-c0) / float64(time.Since(t0)) * 100, nil
}

// latencyPhase posts at a fixed rate on replica A and times each message's
// event on the peer's stream on A and on B, from the post's 201.
func latencyPhase(o options, f *fixture, r *report) error {
	tokens := make([]string, 0, len(f.latencyPairs))
	for _, p := range f.latencyPairs {
		tokens = append(tokens, p.peer.token)
	}
	replicas := []struct{ name, base string }{{"same replica (A)", o.a}}
	if o.b != "" {
		replicas = append(replicas, struct{ name, base string }{"other replica (B)", o.b})
	}
	var open []*streams
	for _, rep := range replicas {
		s, err := openStreams(rep.base, tokens, o.open)
		if err != nil {
			for _, s := range open {
				s.close()
			}
			return err
		}
		open = append(open, s)
	}
	defer func() {
		for _, s := range open {
			s.close()
		}
	}()
	ps := newPoster(o.a, o.rate)
	logf("warm up")
	ps.closedLoop(f.latencyPairs, 4, 2*time.Second)
	time.Sleep(time.Second)
	// Only the events of the measured posts count.
	recs := make([]*recorder, 0, len(open))
	for _, s := range open {
		recs = append(recs, s.phase())
	}
	logf("posting %d/s on A for %s", o.rate, o.latencyDuration)
	began := time.Now()
	sent, failed, firstErr := ps.fixedRate(f.latencyPairs, o.rate, o.latencyDuration)
	took := time.Since(began)
	postLoad := load()
	time.Sleep(2 * time.Second) // the last events' way to B includes a poll
	r.line("")
	r.line("### Delivery latency at %d posts/s (%s, %d pairs; posts on A, the peer's stream on A and on B)", o.rate, o.latencyDuration, len(f.latencyPairs))
	r.line("")
	r.line("- %d posts answered 201 in %s (%.0f/s), %d failed; load average %s", len(sent), took.Round(time.Millisecond), float64(len(sent))/took.Seconds(), failed, postLoad)
	if firstErr != nil {
		r.line("- first error: %v", firstErr)
	}
	r.line("")
	r.line("| stream on | events | missing | before the 201 | p50 ms | p99 ms | max ms |")
	r.line("|---|---|---|---|---|---|---|")
	for i, rep := range replicas {
		var lat []time.Duration
		missing, early := 0, 0
		for _, p := range sent {
			at, ok := recs[i].arrival(p.id)
			if !ok {
				missing++
				continue
			}
			d := at.Sub(p.at)
			if d < 0 {
				early++
				d = 0
			}
			lat = append(lat, d)
		}
		r.line("| %s | %d | %d | %d | %s |", rep.name, len(lat), missing, early, spread(lat))
	}
	r.line("")
	r.line("Latency is from the 201 reaching the client to the event's frame reaching the client; an event that came before its 201 counts as 0.")
	if len(sent) == 0 {
		return fmt.Errorf("no post succeeded")
	}
	return nil
}
