package reliability_test

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

const (
	// soakConcurrency is the number of clients sending at once.
	soakConcurrency = 32
	// soakAccounts and soakMembers shape the data: a few accounts, each with
	// enough users for new pairs to keep appearing.
	soakAccounts = 4
	soakMembers  = 12
)

// soakDuration is PARLEY_SOAK_DURATION, 60s by default.
func soakDuration(t *testing.T) time.Duration {
	t.Helper()
	raw := os.Getenv("PARLEY_SOAK_DURATION")
	if raw == "" {
		return time.Minute
	}
	d, err := time.ParseDuration(raw)
	require.NoError(t, err, "PARLEY_SOAK_DURATION")
	return d
}

// soakWorld is what the clients share: every user by account, and the chats
// each user is known to take part in.
type soakWorld struct {
	accounts [][]user
	mu       sync.Mutex
	chats    map[string][]string
	convs    []string
	messages []string
}

func (w *soakWorld) addConversation(a, b user, convID, chatID string, created bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if created {
		w.convs = append(w.convs, convID)
	}
	for _, u := range []user{a, b} {
		if !slices.Contains(w.chats[u.id], chatID) {
			w.chats[u.id] = append(w.chats[u.id], chatID)
		}
	}
}

func (w *soakWorld) addMessage(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.messages = append(w.messages, id)
}

// chatOf returns one of u's chats, or "" when u has none yet.
func (w *soakWorld) chatOf(u user, r *rand.Rand) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	chats := w.chats[u.id]
	if len(chats) == 0 {
		return ""
	}
	return chats[r.IntN(len(chats))]
}

// TestSoak drives mixed traffic at 32 concurrent clients against PostgreSQL
// for PARLEY_SOAK_DURATION: starting conversations for new and existing
// pairs, posting messages, listing with includes, search and pages, reading
// chats, and a few sign-ins. Every answer must be a success, and every
// conversation and message answered 201 must be in the database afterwards.
func TestSoak(t *testing.T) {
	dbURL := testenv.FreshPostgres(t, "soak")
	duration := soakDuration(t)
	api := startParley(t, dbURL)
	w := &soakWorld{chats: map[string][]string{}}
	for a := range soakAccounts {
		admin := signUp(t, api, fmt.Sprintf("Admin %d", a))
		users := []user{admin}
		for m := range soakMembers {
			users = append(users, addMember(t, api, admin, fmt.Sprintf("Mitglied Ö%d-%d", a, m)))
		}
		w.accounts = append(w.accounts, users)
	}

	rec := &recorder{}
	ctx, cancel := context.WithTimeout(context.Background(), duration)
	defer cancel()
	started := time.Now()
	var wg sync.WaitGroup
	for c := range soakConcurrency {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(c), uint64(started.UnixNano())))
			for ctx.Err() == nil {
				soakStep(api, w, rec, r)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(started)

	outcomes := rec.all()
	statuses := map[string]int{}
	latencies := make([]time.Duration, 0, len(outcomes))
	var failures []string
	for _, o := range outcomes {
		latencies = append(latencies, o.latency)
		key := fmt.Sprintf("%s %d", o.op, o.status)
		if o.err != nil {
			key = o.op + " transport error"
		}
		statuses[key]++
		if (o.err != nil || o.status >= 300) && len(failures) < 20 {
			failures = append(failures, fmt.Sprintf("%s: %d %s %v", o.op, o.status, o.code, o.err))
		}
	}
	slices.Sort(latencies)
	require.NotEmpty(t, latencies, "no request was sent")
	t.Logf("soak: %d requests in %s (%.0f req/s) at concurrency %d; p50 %s, p99 %s, max %s",
		len(outcomes), elapsed.Round(time.Millisecond), float64(len(outcomes))/elapsed.Seconds(), soakConcurrency,
		percentile(latencies, 50), percentile(latencies, 99), latencies[len(latencies)-1].Round(time.Millisecond))
	for _, k := range slices.Sorted(maps.Keys(statuses)) {
		t.Logf("  %-40s %d", k, statuses[k])
	}
	t.Logf("created: %d conversations, %d messages", len(w.convs), len(w.messages))
	require.Empty(t, failures, "every request of the soak must succeed")

	db := openSQL(t, dbURL)
	requireAllPresent(t, db, "direct_conversations", w.convs)
	requireAllPresent(t, db, "messages", w.messages)
	requireWholeAggregates(t, db)
}

// soakStep sends one request of the mix, chosen at random with weights.
func soakStep(api *client, w *soakWorld, rec *recorder, r *rand.Rand) {
	users := w.accounts[r.IntN(len(w.accounts))]
	me := users[r.IntN(len(users))]
	switch n := r.IntN(100); {
	case n < 20:
		peer := users[r.IntN(len(users))]
		if peer.id == me.id {
			return
		}
		a, err := rec.record("start_conversation", func() (*answer, error) {
			return api.send(http.MethodPost, "/api/v1/direct_conversations", me.token,
				document("direct_conversation", map[string]any{"user_id": peer.id}))
		})
		if err == nil && (a.status == http.StatusCreated || a.status == http.StatusOK) {
			if convID, chatID, err := conversationOf(a); err == nil {
				w.addConversation(me, peer, convID, chatID, a.status == http.StatusCreated)
			}
		}
	case n < 50:
		chatID := w.chatOf(me, r)
		if chatID == "" {
			return
		}
		a, err := rec.record("post_message", func() (*answer, error) {
			return api.send(http.MethodPost, "/api/v1/chats/"+chatID+"/messages", me.token,
				document("message", map[string]any{"content": fmt.Sprintf("soak message %d", r.Uint64())}))
		})
		if err == nil && a.status == http.StatusCreated {
			if res, err := a.resource(); err == nil {
				w.addMessage(res.ID)
			}
		}
	case n < 70:
		query := "?include=chat,first_user,second_user&page[size]=5"
		if r.IntN(2) == 0 {
			query += "&search_peer=" + url.QueryEscape([]string{"mitglied", "ö1", "ADMIN", "-"}[r.IntN(4)])
		}
		a, err := rec.record("list_conversations", func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/direct_conversations"+query, me.token, nil)
		})
		if err == nil && a.status == http.StatusOK && a.doc.Links["next"] != nil {
			next := *a.doc.Links["next"]
			_, _ = rec.record("list_conversations_next", func() (*answer, error) {
				return api.send(http.MethodGet, pathOf(next), me.token, nil)
			})
		}
	case n < 82:
		chatID := w.chatOf(me, r)
		if chatID == "" {
			return
		}
		_, _ = rec.record("list_messages", func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/chats/"+chatID+"/messages?include=author&page[size]=10", me.token, nil)
		})
	case n < 94:
		chatID := w.chatOf(me, r)
		if chatID == "" {
			return
		}
		_, _ = rec.record("get_chat", func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/chats/"+chatID+"?include=chat_memberships,latest_message", me.token, nil)
		})
	case n < 99:
		_, _ = rec.record("list_users", func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/users?sort=-created_at&filter[name]=ct:mitglied&page[size]=5", me.token, nil)
		})
	default:
		if r.IntN(10) != 0 {
			return
		}
		_, _ = rec.record("sign_in", func() (*answer, error) {
			return api.send(http.MethodPost, "/api/v1/sign_in", "", document("session", map[string]any{
				"email": me.email, "password": password,
			}))
		})
	}
}

// pathOf keeps the path and query of an absolute or relative link.
func pathOf(link string) string {
	if u, err := url.Parse(link); err == nil {
		return u.RequestURI()
	}
	return link
}

// percentile returns the p-th percentile of sorted latencies.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)].Round(100 * time.Microsecond)
}
