package acceptance_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestMessagesOrderAndNewer pages through a chat's messages oldest and newest
// first and asks, as a client that has some of them, for what is newer.
func TestMessagesOrderAndNewer(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		admin := signUp(t, api, "Ada Lovelace")
		grace := addMember(t, api, admin, "Grace Hopper")
		chatID := conversation(t, api, admin, grace).linkage(t, "chat").ID
		path := "/api/v1/chats/" + chatID + "/messages"
		for i := range 7 {
			postMessage(t, api, grace, chatID, "message "+strconv.Itoa(i))
		}

		newest := collect(t, api, path+"?page[size]=2", grace.token)
		oldest := collect(t, api, path+"?sort=created_at&page[size]=2&include=author", grace.token)
		require.Len(t, oldest, 7, "every message once")
		require.Equal(t, ids(newest), reversed(ids(oldest)), "oldest first is newest first backwards, tie-break included")
		for i := 1; i < len(oldest); i++ {
			require.False(t, createdAt(t, oldest[i]).Before(createdAt(t, oldest[i-1])), "oldest first")
		}
		explicit := collect(t, api, path+"?sort=-created_at&page[size]=3", grace.token)
		require.Equal(t, ids(newest), ids(explicit), "-created_at is the default")

		known := oldest[3]
		since := url.QueryEscape("gt:" + known.str("created_at"))
		var want []string
		for _, m := range oldest {
			if createdAt(t, m).After(createdAt(t, known)) {
				want = append(want, m.ID)
			}
		}
		require.NotEmpty(t, want)
		got := collect(t, api, path+"?sort=created_at&page[size]=2&filter[created_at]="+since, grace.token)
		require.Equal(t, want, ids(got), "what is newer than the known message, each once, the filter kept by links.next")

		fresh := postMessage(t, api, admin, chatID, "one more")
		latest := url.QueryEscape("gt:" + oldest[len(oldest)-1].str("created_at"))
		got = collect(t, api, path+"?sort=created_at&filter[created_at]="+latest, grace.token)
		require.Equal(t, []string{fresh.ID}, ids(got), "a later request sees the new message and only it")

		until := url.QueryEscape("lte:" + known.str("created_at"))
		got = collect(t, api, path+"?page[size]=2&filter[created_at]="+until, grace.token)
		for _, m := range got {
			require.False(t, createdAt(t, m).After(createdAt(t, known)))
		}
		require.Contains(t, ids(got), known.ID)

		r := api.get(t, path+"?sort=created_at&page[size]=2", grace.token).requireStatus(t, http.StatusOK)
		next := pathOf(t, *r.doc.Links["next"])
		cursor, err := url.ParseQuery(next[len(path)+1:])
		require.NoError(t, err)
		api.get(t, path+"?sort=-created_at&page[after]="+url.QueryEscape(cursor.Get("page[after]")), grace.token).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "page[after]")
		for _, bad := range []string{"gt:yesterday", "ct:2025", "gt:", "in:2025-01-01T00:00:00Z,soon"} {
			api.get(t, path+"?filter[created_at]="+url.QueryEscape(bad), grace.token).
				requireError(t, http.StatusBadRequest, "invalid_parameter", "filter[created_at]")
		}
		api.get(t, path+"?sort=created_at,-created_at", grace.token).requireError(t, http.StatusBadRequest, "invalid_parameter", "sort")
	})
}

func createdAt(t *testing.T, r resource) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, r.str("created_at"))
	require.NoError(t, err)
	return at
}

func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
