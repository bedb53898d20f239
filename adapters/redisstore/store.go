// Package redisstore keeps rate-limit counters in Redis, so that every replica
// of Parley draws on one budget per client, and carries event wake-ups
// between replicas over Redis pub/sub (event_bus.go).
//
// The counters are kept by two small Lua scripts, so that counting and
// setting the expiry are one atomic step however many replicas count at
// once. The keys and scripts match those of the limiter library's own Redis
// driver: replicas using either can share one Redis during a rolling update.
// The client is redigo, which costs the binary a tenth of what a full-featured
// client does for the three commands the store sends.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/ulule/limiter/v3"
	"github.com/ulule/limiter/v3/drivers/store/common"
)

// Pool sizes: one rate-limit check is one short round trip per request, so a
// few idle connections serve a busy replica; the cap bounds what a replica
// may hold open on a Redis shared with others.
const (
	maxIdleConns   = 16
	maxActiveConns = 64
	idleTimeout    = 4 * time.Minute
)

// incrementScript adds ARGV[1] to the counter KEYS[1], starts its window of
// ARGV[2] milliseconds when this was the first hit, and answers the count
// and the milliseconds left in the window.
var incrementScript = redis.NewScript(1, `
local count = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local value = redis.call("incrby", KEYS[1], ARGV[1])
if value == count then
	if ttl > 0 then
		redis.call("pexpire", KEYS[1], ARGV[2])
	end
	return {value, ttl}
end
return {value, redis.call("pttl", KEYS[1])}
`)

// peekScript answers the counter KEYS[1] and the milliseconds left in its
// window without counting.
var peekScript = redis.NewScript(1, `
local value = redis.call("get", KEYS[1])
if value == false then
	return {0, 0}
end
return {tonumber(value), redis.call("pttl", KEYS[1])}
`)

// Store is a limiter.Store backed by Redis; the HTTP adapter's rate-limit
// middleware consumes it.
type Store struct {
	pool    *redis.Pool
	prefix  string
	timeout time.Duration
}

// Open connects to the Redis server named by url (redis:// or rediss://),
// checks that it answers within timeout, and returns the store. Every call
// of the store, waiting for a pooled connection included, is bounded by
// timeout, so a Redis that hangs costs a request at most that long. Keys
// are prefixed with prefix so several services can share one Redis.
func Open(ctx context.Context, rawURL, prefix string, timeout time.Duration) (*Store, error) {
	if err := checkURL(rawURL); err != nil {
		return nil, fmt.Errorf("parse redis url: %w", err)
	}
	dialOptions := []redis.DialOption{
		redis.DialConnectTimeout(timeout),
		redis.DialReadTimeout(timeout),
		redis.DialWriteTimeout(timeout),
		redis.DialTLSHandshakeTimeout(timeout),
	}
	pool := &redis.Pool{
		DialContext: func(ctx context.Context) (redis.Conn, error) {
			return redis.DialURLContext(ctx, rawURL, dialOptions...)
		},
		MaxIdle:     maxIdleConns,
		MaxActive:   maxActiveConns,
		IdleTimeout: idleTimeout,
		Wait:        true,
	}
	s := &Store{pool: pool, prefix: prefix, timeout: timeout}
	if err := s.Ping(ctx); err != nil {
		_ = pool.Close()
		return nil, fmt.Errorf("ping redis: %w", err)
	}
	return s, nil
}

// checkURL refuses what redigo would only refuse at the first dial, so that a
// mistyped URL is reported as such rather than as an unreachable server.
func checkURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return errors.New("malformed url")
	}
	switch u.Scheme {
	case "redis", "rediss":
		return nil
	default:
		return fmt.Errorf("unsupported scheme %q (want redis:// or rediss://)", u.Scheme)
	}
}

// Ping reports whether Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	return s.with(ctx, func(ctx context.Context, conn redis.Conn) error {
		_, err := redis.DoContext(conn, ctx, "PING")
		return err
	})
}

// Close releases the connection pool.
func (s *Store) Close() error {
	return s.pool.Close()
}

// Get counts one request of key against rate and returns the state after it.
func (s *Store) Get(ctx context.Context, key string, rate limiter.Rate) (limiter.Context, error) {
	return s.Increment(ctx, key, 1, rate)
}

// Increment counts count requests of key against rate and returns the state
// after them.
func (s *Store) Increment(ctx context.Context, key string, count int64, rate limiter.Rate) (limiter.Context, error) {
	return s.eval(ctx, incrementScript, rate, s.key(key), count, rate.Period.Milliseconds())
}

// Peek returns the state of key against rate without counting.
func (s *Store) Peek(ctx context.Context, key string, rate limiter.Rate) (limiter.Context, error) {
	return s.eval(ctx, peekScript, rate, s.key(key))
}

// Reset forgets the requests counted for key.
func (s *Store) Reset(ctx context.Context, key string, rate limiter.Rate) (limiter.Context, error) {
	err := s.with(ctx, func(ctx context.Context, conn redis.Conn) error {
		_, err := redis.DoContext(conn, ctx, "DEL", s.key(key))
		return err
	})
	if err != nil {
		return limiter.Context{}, err
	}
	now := time.Now()
	return common.GetContextFromState(now, rate, now.Add(rate.Period), 0), nil
}

// eval runs script (EVALSHA, falling back to EVAL once Redis has forgotten
// it) and turns its {count, milliseconds left} answer into limiter state.
func (s *Store) eval(ctx context.Context, script *redis.Script, rate limiter.Rate, keysAndArgs ...any) (limiter.Context, error) {
	var reply []int64
	err := s.with(ctx, func(ctx context.Context, conn redis.Conn) error {
		var err error
		reply, err = redis.Int64s(script.DoContext(ctx, conn, keysAndArgs...))
		return err
	})
	if err != nil {
		return limiter.Context{}, err
	}
	if len(reply) != 2 {
		return limiter.Context{}, fmt.Errorf("rate-limit script answered %d values, want 2", len(reply))
	}
	count, ttl := reply[0], reply[1]
	now := time.Now()
	expiration := now.Add(rate.Period)
	if ttl > 0 {
		expiration = now.Add(time.Duration(ttl) * time.Millisecond)
	}
	return common.GetContextFromState(now, rate, expiration, count), nil
}

// with runs fn on a pooled connection within the store's timeout; a
// connection that failed is closed rather than returned, which redigo does
// on Close. Bounding the wait for a connection matters when Redis hangs:
// otherwise requests would queue for the pool for as long as their own
// deadline allows.
func (s *Store) with(ctx context.Context, fn func(context.Context, redis.Conn) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	conn, err := s.pool.GetContext(ctx)
	if err != nil {
		return err
	}
	err = fn(ctx, conn)
	if closeErr := conn.Close(); err == nil && closeErr != nil {
		err = closeErr
	}
	return err
}

func (s *Store) key(key string) string {
	return s.prefix + ":" + key
}

var _ limiter.Store = (*Store)(nil)
