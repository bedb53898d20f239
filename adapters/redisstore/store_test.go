package redisstore_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/stretchr/testify/require"
	"github.com/ulule/limiter/v3"

	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/test/testenv"
)

// open returns a store on the test Redis with a prefix of its own, and a
// plain connection for looking at what the store wrote.
func open(t *testing.T) (*redisstore.Store, redis.Conn, string) {
	t.Helper()
	url := testenv.RedisURL(t)
	prefix := "parley-test-" + t.Name() + "-" + time.Now().Format("150405.000000000")
	s, err := redisstore.Open(context.Background(), url, prefix, 2*time.Second)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	conn, err := redis.DialURL(url)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return s, conn, prefix
}

func TestStoreSharesOneBudget(t *testing.T) {
	a, _, prefix := open(t)
	ctx := context.Background()
	// A second store stands for a second replica: both draw on one budget.
	b, err := redisstore.Open(ctx, testenv.RedisURL(t), prefix, 2*time.Second)
	require.NoError(t, err)
	defer func() { _ = b.Close() }()
	require.NoError(t, a.Ping(ctx))

	rate := limiter.Rate{Period: time.Minute, Limit: 5}
	for i := range 5 {
		s := a
		if i%2 == 1 {
			s = b
		}
		c, err := s.Get(ctx, "203.0.113.7", rate)
		require.NoError(t, err)
		require.False(t, c.Reached, "request %d", i+1)
		require.Equal(t, int64(5-i-1), c.Remaining)
		require.Equal(t, int64(5), c.Limit)
	}
	c, err := b.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.True(t, c.Reached)
	require.Zero(t, c.Remaining)
	other, err := a.Get(ctx, "198.51.100.1", rate)
	require.NoError(t, err)
	require.False(t, other.Reached, "another client has its own budget")
}

func TestStoreKeysExpireWithTheWindow(t *testing.T) {
	s, conn, prefix := open(t)
	ctx := context.Background()
	rate := limiter.Rate{Period: 30 * time.Second, Limit: 10}

	before := time.Now()
	c, err := s.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(9), c.Remaining)
	require.InDelta(t, before.Add(30*time.Second).Unix(), c.Reset, 1)

	// The counter is one Redis key under the prefix, with the window as TTL:
	// the layout the limiter library's own Redis driver uses.
	key := prefix + ":203.0.113.7"
	n, err := redis.Int64(conn.Do("GET", key))
	require.NoError(t, err)
	require.Equal(t, int64(1), n)
	ttl, err := redis.Int64(conn.Do("PTTL", key))
	require.NoError(t, err)
	require.Greater(t, ttl, int64(28_000))
	require.LessOrEqual(t, ttl, int64(30_000))

	// Later hits keep the window the first one started.
	_, err = conn.Do("PEXPIRE", key, 5_000)
	require.NoError(t, err)
	c, err = s.Increment(ctx, "203.0.113.7", 3, rate)
	require.NoError(t, err)
	require.Equal(t, int64(6), c.Remaining)
	require.LessOrEqual(t, c.Reset, time.Now().Add(6*time.Second).Unix())
}

func TestStorePeekAndReset(t *testing.T) {
	s, conn, prefix := open(t)
	ctx := context.Background()
	rate := limiter.Rate{Period: time.Minute, Limit: 3}

	c, err := s.Peek(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(3), c.Remaining, "an unseen client has its whole budget")
	exists, err := redis.Bool(conn.Do("EXISTS", prefix+":203.0.113.7"))
	require.NoError(t, err)
	require.False(t, exists, "peeking writes nothing")

	for range 3 {
		_, err = s.Get(ctx, "203.0.113.7", rate)
		require.NoError(t, err)
	}
	c, err = s.Peek(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Zero(t, c.Remaining)
	require.False(t, c.Reached, "the third request was still within the budget")
	c, err = s.Peek(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.False(t, c.Reached, "peeking does not count")

	c, err = s.Reset(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(3), c.Remaining)
	c, err = s.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(2), c.Remaining, "a reset client starts a new window")
}

func TestStoreSurvivesAScriptFlush(t *testing.T) {
	s, conn, _ := open(t)
	ctx := context.Background()
	rate := limiter.Rate{Period: time.Minute, Limit: 5}
	_, err := s.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)

	// A restarted or failed-over Redis has no scripts cached: the store must
	// send them again rather than fail every request.
	_, err = conn.Do("SCRIPT", "FLUSH")
	require.NoError(t, err)
	c, err := s.Get(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(3), c.Remaining)
	_, err = conn.Do("SCRIPT", "FLUSH")
	require.NoError(t, err)
	c, err = s.Peek(ctx, "203.0.113.7", rate)
	require.NoError(t, err)
	require.Equal(t, int64(3), c.Remaining)
}

func TestStoreFailsWhenRedisGoesAway(t *testing.T) {
	s, _, _ := open(t)
	ctx := context.Background()
	require.NoError(t, s.Close())
	_, err := s.Get(ctx, "203.0.113.7", limiter.Rate{Period: time.Minute, Limit: 5})
	require.Error(t, err, "a closed pool must report failure, not count nothing")
}

func TestStoreHonoursTheCallersDeadline(t *testing.T) {
	s, _, _ := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Get(ctx, "203.0.113.7", limiter.Rate{Period: time.Minute, Limit: 5})
	require.ErrorIs(t, err, context.Canceled)
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := redisstore.Open(context.Background(), "redis://127.0.0.1:1/0", "x", 200*time.Millisecond)
	require.ErrorContains(t, err, "ping redis")
	for _, bad := range []string{"http://nope", "127.0.0.1:6379", "redis://[::1"} {
		_, err = redisstore.Open(context.Background(), bad, "x", time.Second)
		require.ErrorContains(t, err, "parse redis url", bad)
	}
}

// hangingRedis is a server that completes the handshake and answers PING,
// then reads every further command and never answers it: a Redis stuck
// behind a full network buffer or a long blocking script.
func hangingRedis(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer func() { _ = conn.Close() }()
				r := bufio.NewReader(conn)
				for {
					args, err := readCommand(r)
					if err != nil {
						return
					}
					switch strings.ToUpper(args[0]) {
					case "PING":
						_, _ = conn.Write([]byte("+PONG\r\n"))
					case "CLIENT":
						_, _ = conn.Write([]byte("+OK\r\n"))
					}
				}
			}()
		}
	}()
	return "redis://" + ln.Addr().String()
}

// readCommand reads one RESP array of bulk strings.
func readCommand(r *bufio.Reader) ([]string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "*")))
	if err != nil || n < 1 {
		return nil, fmt.Errorf("bad array header %q", line)
	}
	args := make([]string, n)
	for i := range args {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		size, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(header, "$")))
		if err != nil {
			return nil, fmt.Errorf("bad bulk header %q", header)
		}
		buf := make([]byte, size+2)
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		args[i] = string(buf[:size])
	}
	return args, nil
}

func TestAHangingRedisCostsARequestAtMostTheTimeout(t *testing.T) {
	const timeout = 500 * time.Millisecond
	s, err := redisstore.Open(context.Background(), hangingRedis(t), "x", timeout)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })

	// More callers than the pool holds connections: those that wait for a
	// connection must give up within the timeout too, not queue behind the
	// hung ones for as long as their own deadline allows.
	const callers = 80
	durations := make(chan time.Duration, callers)
	errs := make(chan error, callers)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for range callers {
		go func() {
			begin := time.Now()
			_, err := s.Get(ctx, "203.0.113.7", limiter.Rate{Period: time.Minute, Limit: 5})
			durations <- time.Since(begin)
			errs <- err
		}()
	}
	for range callers {
		require.Error(t, <-errs)
		// Without a bound on the wait, the callers beyond the pool's size
		// would take two timeouts: one waiting, one on their own command.
		require.Less(t, <-durations, timeout*3/2, "a caller waited beyond the store's timeout")
	}
}

func TestTheURLPathSelectsTheDatabase(t *testing.T) {
	base := testenv.RedisURL(t)
	u, err := url.Parse(base)
	require.NoError(t, err)
	u.Path = "/5"
	prefix := "parley-test-db-" + time.Now().Format("150405.000000000")
	s, err := redisstore.Open(context.Background(), u.String(), prefix, 2*time.Second)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	_, err = s.Get(context.Background(), "203.0.113.7", limiter.Rate{Period: time.Minute, Limit: 5})
	require.NoError(t, err)

	for db, want := range map[string]bool{"/5": true, "/0": false} {
		u.Path = db
		conn, err := redis.DialURL(u.String())
		require.NoError(t, err)
		exists, err := redis.Bool(conn.Do("EXISTS", prefix+":203.0.113.7"))
		require.NoError(t, err)
		require.Equal(t, want, exists, "database %s", db)
		_ = conn.Close()
	}
}
