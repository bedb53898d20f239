package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

const messageBody = `{"data":{"type":"message","attributes":{"content":"Event benchmark message"}}}`

// poster posts messages to one replica.
type poster struct {
	base   string
	client *http.Client
}

func newPoster(base string, conns int) *poster {
	return &poster{base: base, client: &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: conns, DisableCompression: true,
	}}}
}

// post sends one message as p.poster into its chat and returns the new
// message's id and when its 201 arrived.
func (ps *poster) post(p pair) (string, time.Time, error) {
	req, err := http.NewRequest(http.MethodPost, ps.base+"/api/v1/chats/"+p.poster.chat+"/messages", bytes.NewBufferString(messageBody))
	if err != nil {
		return "", time.Time{}, err
	}
	req.Header.Set("Authorization", "Bearer "+p.poster.token)
	req.Header.Set("Content-Type", "application/vnd.api+json")
	req.Header.Set("Accept", "application/vnd.api+json")
	resp, err := ps.client.Do(req)
	if err != nil {
		return "", time.Time{}, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	at := time.Now()
	if err != nil {
		return "", at, err
	}
	if resp.StatusCode != http.StatusCreated {
		return "", at, fmt.Errorf("POST messages: %d %.200s", resp.StatusCode, body)
	}
	var d struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &d); err != nil {
		return "", at, err
	}
	return d.Data.ID, at, nil
}

// throughput is the outcome of a closed-loop posting run.
type throughput struct {
	ok, failed int64
	elapsed    time.Duration
	latencies  []time.Duration
	firstErr   error
}

func (t throughput) rate() float64 { return float64(t.ok) / t.elapsed.Seconds() }

// closedLoop runs workers that each post as fast as the server answers for
// d, rotating through pairs.
func (ps *poster) closedLoop(pairs []pair, workers int, d time.Duration) throughput {
	var ok, failed atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	var firstErr error
	var wg sync.WaitGroup
	begin := time.Now()
	deadline := begin.Add(d)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := w; time.Now().Before(deadline); i += workers {
				sent := time.Now()
				_, at, err := ps.post(pairs[i%len(pairs)])
				if err != nil {
					failed.Add(1)
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					continue
				}
				ok.Add(1)
				mine = append(mine, at.Sub(sent))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return throughput{ok: ok.Load(), failed: failed.Load(), elapsed: time.Since(begin), latencies: lat, firstErr: firstErr}
}

// sentPost is one post of a fixed-rate run: its message id and the time
// its 201 arrived.
type sentPost struct {
	id string
	at time.Time
}

// fixedRate posts at rate per second for d (open loop: a slow answer does
// not delay the next post), rotating through pairs.
func (ps *poster) fixedRate(pairs []pair, rate int, d time.Duration) ([]sentPost, int64, error) {
	var mu sync.Mutex
	var sent []sentPost
	var failed atomic.Int64
	var firstErr error
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	n := rate * int(d/time.Second)
	for i := range n {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, at, err := ps.post(pairs[i%len(pairs)])
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed.Add(1)
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			sent = append(sent, sentPost{id: id, at: at})
		}()
	}
	wg.Wait()
	return sent, failed.Load(), firstErr
}
