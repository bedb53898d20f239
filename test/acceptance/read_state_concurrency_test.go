package acceptance_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestUnreadCountIsExactUnderConcurrentPosts runs its lanes one after the
// other and not in parallel with the rest of the suite: a burst of 100 writes
// on the SQLite lane would hold up the other tests' writes.
func TestUnreadCountIsExactUnderConcurrentPosts(t *testing.T) {
	for _, l := range lanes {
		t.Run(l.name, func(t *testing.T) {
			burstPosts(t, &client{lane: l, http: &http.Client{Timeout: 30 * time.Second}})
		})
	}
}

// burstPosts has one participant post 100 messages at once and checks the
// other's unread count rose by exactly 100.
func burstPosts(t *testing.T, api *client) {
	admin := signUp(t, api, "Ada Lovelace")
	grace := addMember(t, api, admin, "Grace Hopper")
	conv := conversation(t, api, admin, grace)
	chatID := conv.linkage(t, "chat").ID
	convPath := "/api/v1/direct_conversations/" + conv.ID
	before := unreadOf(t, api.get(t, convPath, grace.token).requireStatus(t, http.StatusOK), "")

	var wg sync.WaitGroup
	statuses := make([]int, 100)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A 503 (the request deadline on a loaded machine) means the
			// post was rolled back, so it is sent again; had one been
			// stored after all, the exact count below would fail.
			for try := 0; try < 5; try++ {
				statuses[i] = api.post(t, "/api/v1/chats/"+chatID+"/messages", admin.token,
					attrs("message", map[string]any{"content": "burst " + itoa(i)})).status
				if statuses[i] != http.StatusServiceUnavailable {
					break
				}
			}
		}()
	}
	wg.Wait()
	for i, s := range statuses {
		require.Equal(t, http.StatusCreated, s, "post %d", i)
	}
	require.Equal(t, before+100, unreadOf(t, api.get(t, convPath, grace.token).requireStatus(t, http.StatusOK), ""))
	require.Equal(t, 0, unreadOf(t, api.get(t, convPath, admin.token).requireStatus(t, http.StatusOK), ""))
	require.Equal(t, float64(before+100), unreadCounts(t, api, grace)["messages"])
}
