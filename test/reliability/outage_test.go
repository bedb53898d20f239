package reliability_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/test/testenv"
)

// Bounds of the outage contract.
const (
	// maxOutageAnswer is the longest any request may take while the database
	// is down: it must fail fast, never hang.
	maxOutageAnswer = 6 * time.Second
	// maxRecovery is how soon after the database is back every request must
	// succeed again, without restarting Parley.
	maxRecovery = 5 * time.Second
)

// TestDatabaseOutage stops PostgreSQL under traffic and starts it again.
// While it is down every request answers 503 service_unavailable quickly and
// /readyz is 503; once it is back everything succeeds again within
// maxRecovery on the same Parley process, and no aggregate was left
// half-written.
func TestDatabaseOutage(t *testing.T) {
	pg := newCluster(t)
	api := startParley(t, pg.url())
	admin := signUp(t, api, "Ada Lovelace")
	var members []user
	for i := range 6 {
		members = append(members, addMember(t, api, admin, fmt.Sprintf("Member %d", i)))
	}
	first := api.must(t, http.StatusCreated, http.MethodPost, "/api/v1/direct_conversations", admin.token,
		document("direct_conversation", map[string]any{"user_id": members[0].id}))
	convID, chatID, err := conversationOf(first)
	require.NoError(t, err)
	message := document("message", map[string]any{"content": "still there?"})
	api.must(t, http.StatusCreated, http.MethodPost, "/api/v1/chats/"+chatID+"/messages", admin.token, message)

	requests := map[string]func() (*answer, error){
		"get_conversation": func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/direct_conversations/"+convID+"?include=chat", admin.token, nil)
		},
		"list_messages": func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/chats/"+chatID+"/messages?page[size]=5&include=author", members[0].token, nil)
		},
		"post_message": func() (*answer, error) {
			return api.send(http.MethodPost, "/api/v1/chats/"+chatID+"/messages", members[0].token, message)
		},
		"start_conversation": func() (*answer, error) {
			peer := members[rand.IntN(len(members))]
			return api.send(http.MethodPost, "/api/v1/direct_conversations", admin.token,
				document("direct_conversation", map[string]any{"user_id": peer.id}))
		},
		"list_conversations": func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/direct_conversations?search_peer=member&include=second_user", admin.token, nil)
		},
		"me": func() (*answer, error) {
			return api.send(http.MethodGet, "/api/v1/users/me", members[1].token, nil)
		},
	}
	var ops []string
	for op := range requests {
		ops = append(ops, op)
	}

	rec := &recorder{}
	ctx, stopTraffic := context.WithCancel(context.Background())
	defer stopTraffic()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; ctx.Err() == nil; i++ {
				op := ops[i%len(ops)]
				_, _ = rec.record(op, requests[op])
				time.Sleep(20 * time.Millisecond)
			}
		})
	}

	// Polling bounds: each phase lasts until the traffic has seen it.
	const wait, tick = 20 * time.Second, 20 * time.Millisecond
	succeeded := func(status int) bool { return status < 300 }
	unavailable := func(status int) bool { return status == http.StatusServiceUnavailable }
	testenv.Eventually(t, wait, tick, func() bool { return rec.covered(ops, time.Time{}, succeeded) },
		"the traffic did not get going")
	pg.stop(t)
	down := time.Now()
	testenv.Eventually(t, maxOutageAnswer, tick, func() bool {
		ready, err := api.send(http.MethodGet, "/readyz", "", nil)
		return err == nil && ready.status == http.StatusServiceUnavailable && ready.code() == "service_unavailable"
	}, "/readyz does not report the outage")
	testenv.Eventually(t, wait, tick, func() bool { return rec.covered(ops, down, unavailable) },
		"not every kind of request was answered while the database was down")
	restarting := time.Now()
	pg.start(t)
	up := time.Now()

	recovered := waitForRecovery(t, api, requests, up)
	t.Logf("database down for %s; restart took %s; every request succeeds again %s after the database accepted connections",
		restarting.Sub(down).Round(time.Millisecond), up.Sub(restarting).Round(time.Millisecond), recovered.Sub(up).Round(time.Microsecond))
	testenv.Eventually(t, wait, tick, func() bool { return rec.covered(ops, recovered, succeeded) },
		"the traffic did not go on after recovery")
	stopTraffic()
	wg.Wait()

	requireOutageContract(t, rec.all(), down, restarting, recovered)
	requireWholeAggregates(t, openSQL(t, pg.url()))
}

// waitForRecovery sends every kind of request, and /readyz, until all of
// them succeed in one round, and returns when that round started. It fails
// when that takes longer than maxRecovery after up.
func waitForRecovery(t *testing.T, api *client, requests map[string]func() (*answer, error), up time.Time) time.Time {
	t.Helper()
	var round time.Time
	testenv.Eventually(t, time.Until(up.Add(maxRecovery)), 50*time.Millisecond, func() bool {
		round = time.Now()
		ok := true
		if a, err := api.send(http.MethodGet, "/readyz", "", nil); err != nil || a.status != http.StatusOK {
			ok = false
		}
		for _, do := range requests {
			if a, err := do(); err != nil || a.status >= 300 {
				ok = false
			}
		}
		return ok
	}, "Parley did not recover from the database outage in time")
	return round
}

// requireOutageContract checks every outcome: no transport failure or hang,
// nothing but success or 503 service_unavailable, only 503 while the database
// was down and only success after recovery.
func requireOutageContract(t *testing.T, outcomes []outcome, down, restarting, recovered time.Time) {
	t.Helper()
	var during, after, unavailable int
	var slowest time.Duration
	for _, o := range outcomes {
		require.NoError(t, o.err, "%s at %s", o.op, o.start.Format(time.StampMilli))
		require.Less(t, o.latency, maxOutageAnswer, "%s took %s", o.op, o.latency)
		switch {
		case o.status == http.StatusServiceUnavailable:
			require.Equal(t, "service_unavailable", o.code, o.op)
			unavailable++
		case o.status >= 300:
			t.Fatalf("%s answered %d %s", o.op, o.status, o.code)
		}
		if o.start.After(down) && o.end.Before(restarting) {
			during++
			require.Equal(t, http.StatusServiceUnavailable, o.status, "%s while the database was down", o.op)
			slowest = max(slowest, o.latency)
		}
		if o.start.After(recovered) {
			after++
			require.Less(t, o.status, 300, "%s after recovery", o.op)
		}
	}
	require.Positive(t, during, "no request was sent while the database was down")
	require.Positive(t, after, "no request was sent after recovery")
	t.Logf("%d requests: %d while down (all 503, slowest %s), %d answered 503 in all, %d after recovery (all succeeded)",
		len(outcomes), during, slowest.Round(time.Millisecond), unavailable, after)
}
