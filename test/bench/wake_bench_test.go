package bench_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"gorm.io/gorm"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/redisstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// The cross-replica wake-up, measured on two gormstore stores on one
// PostgreSQL database, as two replicas are (docs/BENCHMARKS.md, "Events:
// wake-up between replicas"). Store a posts; store b runs the watchers a
// replica runs. The variants:
//
//   - off: no wake-up at all (the outbox rows are still written);
//   - poll: b polls every 150 ms, as before the push;
//   - notify_in_tx: a NOTIFY inside each posting transaction (a GORM
//     callback on a's events insert), b LISTENs;
//   - notify_after_commit: what the service does without Redis, a
//     WakeRelay on a publishing with pg_notify after commit, b LISTENs and
//     polls every second;
//   - redis: what it does with PARLEY_REDIS_URL, the relay PUBLISHes and b
//     subscribes and polls every second.
var wakeVariants = []string{"off", "poll", "notify_in_tx", "notify_after_commit", "redis"}

const (
	wakeConversations = 256
	wakePostWorkers   = 16
	wakeRate          = 200
	wakeLatencyRun    = 10 * time.Second
)

// wakeWorld is the two stores and the conversations posted into.
type wakeWorld struct {
	url   string
	a, b  *gormstore.Store
	chats []domain.ID
	// authors[i] posts into chats[i]; peers[i] is the recipient whose
	// wake-up on b is timed.
	authors, peers []domain.ID
	peerOf         map[domain.ID]int
}

func newWakeWorld(tb testing.TB) *wakeWorld {
	tb.Helper()
	ctx := context.Background()
	url := databaseURL(tb, "postgres")
	open := func() *gormstore.Store {
		s, err := gormstore.Open(ctx, gormstore.Options{URL: url})
		require.NoError(tb, err)
		tb.Cleanup(func() { _ = s.Close() })
		return s
	}
	w := &wakeWorld{url: url, a: open(), b: open(), peerOf: map[domain.ID]int{}}
	require.NoError(tb, gormstore.Migrate(ctx, w.a))
	now := time.Now().UTC()
	acc, err := domain.NewAccount("Bench", now)
	require.NoError(tb, err)
	users := gormstore.NewUsers(w.a)
	admin := domain.NewUser(acc.ID, domain.UserDraft{Name: "Admin", Email: "admin@bench.test"}, domain.RoleAdmin, "hash", now)
	require.NoError(tb, users.CreateWithAccount(ctx, acc, admin))
	for i := range wakeConversations {
		author := domain.NewUser(acc.ID, domain.UserDraft{Name: "A", Email: fmt.Sprintf("a%d@bench.test", i)}, domain.RoleMember, "hash", now)
		peer := domain.NewUser(acc.ID, domain.UserDraft{Name: "P", Email: fmt.Sprintf("p%d@bench.test", i)}, domain.RoleMember, "hash", now)
		require.NoError(tb, users.Create(ctx, author))
		require.NoError(tb, users.Create(ctx, peer))
		agg, err := domain.StartDirectConversation(domain.Actor{AccountID: acc.ID, UserID: author.ID}, peer, now)
		require.NoError(tb, err)
		require.NoError(tb, gormstore.NewDirectConversations(w.a).Create(ctx, agg))
		w.chats = append(w.chats, agg.Chat.ID)
		w.authors = append(w.authors, author.ID)
		w.peers = append(w.peers, peer.ID)
		w.peerOf[peer.ID] = i
	}
	return w
}

// post commits one message into conversation i through store a.
func (w *wakeWorld) post(ctx context.Context, i int) error {
	msg, err := domain.NewMessage(w.chats[i], w.authors[i], "wake bench", time.Now().UTC())
	if err != nil {
		return err
	}
	return gormstore.NewMessages(w.a).Post(ctx, msg)
}

// wire sets variant up: a's hook calls commit with each commit's
// recipients (plus what the variant publishes), b's watchers call wake. It
// returns once b's watchers are ready; they stop, and are waited for, when
// tb ends, before what they use closes.
func (w *wakeWorld) wire(tb testing.TB, ctx context.Context, variant string, commit, wake func([]domain.ID)) {
	tb.Helper()
	ctx, cancel := context.WithCancel(ctx)
	var running sync.WaitGroup
	background := func(fn func()) {
		running.Add(1)
		go func() { defer running.Done(); fn() }()
	}
	tb.Cleanup(func() { cancel(); running.Wait() })
	w.a.SetEventHook(commit)
	if variant == "off" {
		return
	}
	poller := gormstore.NewEventPoller(w.b, 150*time.Millisecond)
	var push interface {
		application.EventWatcher
		Listening() bool
	}
	switch variant {
	case "notify_in_tx":
		require.NoError(tb, w.a.DB().Callback().Create().After("gorm:create").Register("bench:notify", notifyInTransaction))
		tb.Cleanup(func() { _ = w.a.DB().Callback().Create().Remove("bench:notify") })
		push = gormstore.NewEventListener(w.url, "replica-b")
	case "notify_after_commit":
		relay := application.NewWakeRelay(gormstore.NotifyEvents(w.a))
		background(func() { relay.Run(ctx) })
		w.a.SetEventHook(func(r []domain.ID) { commit(r); relay.Notify(r) })
		push = gormstore.NewEventListener(w.url, "replica-b")
	case "redis":
		url := testenv.RedisURL(tb)
		store, err := redisstore.Open(ctx, url, fmt.Sprintf("parley-bench-%d", time.Now().UnixNano()), time.Second)
		require.NoError(tb, err)
		tb.Cleanup(func() { cancel(); running.Wait(); _ = store.Close() })
		var bus *redisstore.EventBus
		relay := application.NewWakeRelay(func(ctx context.Context, p string) error { return bus.Publish(ctx, p) })
		bus = redisstore.NewEventBus(store, url, relay.Origin())
		background(func() { relay.Run(ctx) })
		w.a.SetEventHook(func(r []domain.ID) { commit(r); relay.Notify(r) })
		push = redisstore.NewEventBus(store, url, "replica-b")
	}
	if push != nil {
		poller.SetIdleInterval(time.Second, push.Listening)
		background(func() { _ = push.Watch(ctx, wake) })
		testenv.Eventually(tb, 5*time.Second, time.Millisecond, push.Listening)
	}
	background(func() { _ = poller.Watch(ctx, wake) })
	<-poller.Marked()
}

// notifyInTransaction is the NOTIFY inside the posting transaction: GORM
// runs it on the transaction's connection right after the events row.
func notifyInTransaction(db *gorm.DB) {
	if db.Statement.Table != "events" || db.Error != nil {
		return
	}
	_, err := db.Statement.ConnPool.ExecContext(db.Statement.Context, "SELECT pg_notify($1, $2)", gormstore.EventChannel, "bench|*")
	if err != nil {
		_ = db.AddError(err)
	}
}

// BenchmarkWakePostingThroughput posts from 16 goroutines through store a
// with each variant and reports posts per second.
func BenchmarkWakePostingThroughput(b *testing.B) {
	w := newWakeWorld(b)
	for _, variant := range wakeVariants {
		b.Run(variant, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w.wire(b, ctx, variant, func([]domain.ID) {}, func([]domain.ID) {})
			defer w.a.SetEventHook(nil)
			var next atomic.Int64
			b.SetParallelism(max(1, wakePostWorkers/runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := w.post(ctx, int(next.Add(1))%wakeConversations); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "posts/s")
		})
	}
}

// BenchmarkWakeLatency posts 200 messages a second for 10 s through store
// a and times, per post, from its commit (a's event hook) to the first
// wake-up on b naming its peer (or waking everyone). Run it with
// -benchtime 1x: a run is a fixed duration, not b.N posts.
func BenchmarkWakeLatency(b *testing.B) {
	w := newWakeWorld(b)
	for _, variant := range wakeVariants[1:] {
		b.Run(variant, func(b *testing.B) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			t := &wakeTimer{w: w, committed: map[int]wakeEntry{}}
			w.wire(b, ctx, variant, t.commit, t.wake)
			defer w.a.SetEventHook(nil)
			t.reset()
			b.ResetTimer()
			var posts sync.WaitGroup
			tick := time.NewTicker(time.Second / wakeRate)
			end := time.After(wakeLatencyRun)
			for i := 0; ; i++ {
				select {
				case <-tick.C:
					posts.Add(1)
					t.begin(i % wakeConversations)
					go func(i int) {
						defer posts.Done()
						if err := w.post(ctx, i%wakeConversations); err != nil {
							b.Error(err)
						}
					}(i)
					continue
				case <-end:
				}
				break
			}
			tick.Stop()
			posts.Wait()
			testenv.Eventually(b, 5*time.Second, 10*time.Millisecond, func() bool { return t.pending() == 0 },
				"every post woke b")
			p50, p99, n := t.percentiles()
			b.ReportMetric(float64(p50.Microseconds())/1000, "p50_ms")
			b.ReportMetric(float64(p99.Microseconds())/1000, "p99_ms")
			b.ReportMetric(float64(n), "posts")
		})
	}
}

// wakeTimer pairs a's commits with b's wake-ups. A post's entry is made
// before it is sent and stamped by a's event hook at its commit. A wake-up
// naming the peer settles it even before the stamp (b may see the commit
// before a's hook runs; the latency is then counted from the post's start,
// a little more than it was); a "wake every stream" settles only stamped
// entries, so it cannot settle a post that has not committed yet.
type wakeTimer struct {
	w         *wakeWorld
	mu        sync.Mutex
	committed map[int]wakeEntry
	latencies []time.Duration
}

type wakeEntry struct {
	at      time.Time
	stamped bool
}

func (t *wakeTimer) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.committed, t.latencies = map[int]wakeEntry{}, nil
}

// begin makes the entry of a post into conversation i.
func (t *wakeTimer) begin(i int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.committed[i] = wakeEntry{at: time.Now()}
}

func (t *wakeTimer) commit(recipients []domain.ID) {
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, u := range recipients {
		if i, ok := t.w.peerOf[u]; ok {
			if e, waiting := t.committed[i]; waiting && !e.stamped {
				t.committed[i] = wakeEntry{at: now, stamped: true}
			}
		}
	}
}

func (t *wakeTimer) wake(recipients []domain.ID) {
	now := time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	take := func(i int) {
		t.latencies = append(t.latencies, now.Sub(t.committed[i].at))
		delete(t.committed, i)
	}
	if recipients == nil {
		for i, e := range t.committed {
			if e.stamped {
				take(i)
			}
		}
		return
	}
	for _, u := range recipients {
		if i, ok := t.w.peerOf[u]; ok {
			if _, waiting := t.committed[i]; waiting {
				take(i)
			}
		}
	}
}

func (t *wakeTimer) pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.committed)
}

func (t *wakeTimer) percentiles() (p50, p99 time.Duration, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	l := slices.Clone(t.latencies)
	slices.Sort(l)
	if len(l) == 0 {
		return 0, 0, 0
	}
	return l[len(l)/2], l[min(len(l)-1, len(l)*99/100)], len(l)
}
