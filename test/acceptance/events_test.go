package acceptance_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestEventsReachBothParticipantsAndNoOneElse follows one conversation's
// life on the participants' streams, while a colleague and a stranger
// listen too and receive only what concerns them.
func TestEventsReachBothParticipantsAndNoOneElse(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		bob := addMember(t, api, ann, "Bob")
		carol := addMember(t, api, ann, "Carol")
		stranger := signUp(t, api, "Stranger")
		annS := openEvents(t, api, streamOptions{token: ann.token})
		annPhone := openEvents(t, api, streamOptions{token: ann.token})
		bobS := openEvents(t, api, streamOptions{token: bob.token})
		carolS := openEvents(t, api, streamOptions{token: carol.token})
		strangerS := openEvents(t, api, streamOptions{token: stranger.token})
		select {
		case r := <-annS.retry:
			require.NotEmpty(t, r, "the stream starts with a retry hint")
		case <-time.After(5 * time.Second):
			require.FailNow(t, "no retry hint")
		}

		conv := conversation(t, api, ann, bob)
		chatID := conv.linkage(t, "chat").ID
		for _, s := range []*eventStream{annS, annPhone, bobS} {
			e := s.next(t)
			require.Equal(t, "direct_conversation.created", e.name)
			res := e.resource(t)
			require.Equal(t, "direct_conversation", res.Type)
			require.Equal(t, conv.ID, res.ID)
		}

		msg := postMessage(t, api, bob, chatID, "hello Ann")
		for _, s := range []*eventStream{annS, annPhone, bobS} {
			e := s.next(t)
			require.Equal(t, "message.created", e.name)
			res := e.resource(t)
			require.Equal(t, msg.ID, res.ID)
			require.Equal(t, "hello Ann", res.str("content"))
			require.Equal(t, "/api/v1/messages/"+msg.ID, res.Links["self"])
		}

		api.do(t, request{method: http.MethodPut, path: "/api/v1/chats/" + chatID + "/bookmark", token: ann.token}).
			requireStatus(t, http.StatusCreated)
		own := annS.next(t)
		require.Equal(t, "chat_bookmark.updated", own.name)
		require.Equal(t, chatID, own.resource(t).ID, "the reader's own bookmark is the one GET /bookmark answers")
		receipt := bobS.next(t)
		require.Equal(t, "chat_bookmark.updated", receipt.name)
		res := receipt.resource(t)
		require.Equal(t, ann.id, res.str("user_id"), "the peer sees a read receipt")
		require.Equal(t, chatID+"_"+ann.id, res.ID)

		api.do(t, request{method: http.MethodPatch, path: "/api/v1/messages/" + msg.ID, token: bob.token,
			body: map[string]any{"data": map[string]any{"type": "message", "id": msg.ID, "attributes": map[string]any{"content": "hello, Ann"}}}}).
			requireStatus(t, http.StatusOK)
		edited := annS.nextNamed(t, "message.updated").resource(t)
		require.Equal(t, "hello, Ann", edited.str("content"))
		api.do(t, request{method: http.MethodDelete, path: "/api/v1/messages/" + msg.ID, token: bob.token}).
			requireStatus(t, http.StatusNoContent)
		gone := bobS.nextNamed(t, "message.deleted").resource(t)
		require.Nil(t, gone.Attributes["content"], "a withdrawn message is a tombstone")

		// Carol's and the stranger's first events are their own: nothing of
		// Ann and Bob's conversation reached them.
		own2 := conversation(t, api, carol, ann)
		first := carolS.next(t)
		require.Equal(t, "direct_conversation.created", first.name)
		require.Equal(t, own2.ID, first.resource(t).ID)
		peer := signUpPeer(t, api, stranger)
		theirs := conversation(t, api, stranger, peer)
		require.Equal(t, theirs.ID, strangerS.next(t).resource(t).ID)
	})
}

// signUpPeer adds a member to admin's account.
func signUpPeer(t *testing.T, api *client, admin person) person {
	t.Helper()
	return addMember(t, api, admin, "Peer")
}

// TestEventIDsIncreaseAndResumeWithLastEventID disconnects a client, posts
// two messages while it is away, and resumes: it gets exactly those two.
func TestEventIDsIncreaseAndResumeWithLastEventID(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		bob := addMember(t, api, ann, "Bob")
		annS := openEvents(t, api, streamOptions{token: ann.token})
		chatID := conversation(t, api, ann, bob).linkage(t, "chat").ID
		created := annS.next(t)
		first := postMessage(t, api, bob, chatID, "one")
		seen := annS.next(t)
		require.Equal(t, first.ID, seen.resource(t).ID)
		a, _ := strconv.Atoi(created.id)
		b, err := strconv.Atoi(seen.id)
		require.NoError(t, err)
		require.Greater(t, b, a, "ids increase within the caller's stream")
		annS.close()

		missed := []string{postMessage(t, api, bob, chatID, "two").ID, postMessage(t, api, bob, chatID, "three").ID}
		resumed := openEvents(t, api, streamOptions{token: ann.token, lastEventID: seen.id})
		got := []string{resumed.next(t).resource(t).ID, resumed.next(t).resource(t).ID}
		require.Equal(t, missed, got)
		// Nothing else was queued: the next event is the one posted now.
		marker := postMessage(t, api, bob, chatID, "four")
		last := resumed.next(t)
		require.Equal(t, marker.ID, last.resource(t).ID)
		resumed.close()

		// A browser cannot send the header with a new EventSource, nor reuse
		// its ticket: it takes a fresh ticket and names the id in the query.
		away := postMessage(t, api, bob, chatID, "five").ID
		secret := api.post(t, "/api/v1/event_tickets", ann.token, nil).requireStatus(t, http.StatusCreated).one(t).str("ticket")
		browser := openEvents(t, api, streamOptions{query: "ticket=" + secret + "&last_event_id=" + last.id})
		require.Equal(t, away, browser.next(t).resource(t).ID)
		api.do(t, request{method: http.MethodGet, path: "/api/v1/events?last_event_id=x", token: ann.token,
			headers: map[string]string{"Accept": "text/event-stream"}}).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "last_event_id")
	})
}

// TestEventStreamAuthentication covers tickets, tokens in URLs and the
// other ways in that must be refused.
func TestEventStreamAuthentication(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		bob := addMember(t, api, ann, "Bob")

		r := api.post(t, "/api/v1/event_tickets", ann.token, nil).requireStatus(t, http.StatusCreated)
		require.Equal(t, "no-store", r.header.Get("Cache-Control"))
		ticket := r.one(t)
		require.Equal(t, "event_ticket", ticket.Type)
		secret := ticket.str("ticket")
		require.NotEmpty(t, secret)
		expires, err := time.Parse(time.RFC3339Nano, ticket.str("expires_at"))
		require.NoError(t, err)
		require.WithinDuration(t, time.Now().Add(time.Minute), expires, 10*time.Second)

		s := openEvents(t, api, streamOptions{query: "ticket=" + secret})
		conversation(t, api, bob, ann)
		require.Equal(t, "direct_conversation.created", s.next(t).name, "a ticket opens the holder's stream")

		_, used := tryEvents(t, api, streamOptions{query: "ticket=" + secret})
		require.Equal(t, http.StatusUnauthorized, used.StatusCode, "a ticket is single use")
		_, unknown := tryEvents(t, api, streamOptions{query: "ticket=not-a-ticket"})
		require.Equal(t, http.StatusUnauthorized, unknown.StatusCode)

		api.post(t, "/api/v1/event_tickets", ann.token, map[string]any{"data": map[string]any{"type": "event_ticket"}}).
			requireStatus(t, http.StatusCreated)
		api.post(t, "/api/v1/event_tickets", ann.token, map[string]any{"data": map[string]any{"type": "message"}}).
			requireError(t, http.StatusConflict, "conflict", "/data/type")
		api.post(t, "/api/v1/event_tickets", "", nil).requireError(t, http.StatusUnauthorized, "unauthorized", "")

		other := api.post(t, "/api/v1/event_tickets", ann.token, nil).requireStatus(t, http.StatusCreated).one(t).str("ticket")
		both := api.do(t, request{method: http.MethodGet, path: "/api/v1/events?ticket=" + other, token: ann.token,
			headers: map[string]string{"Accept": "text/event-stream"}})
		both.requireError(t, http.StatusBadRequest, "invalid_parameter", "ticket")
		for _, name := range []string{"access_token", "token"} {
			api.do(t, request{method: http.MethodGet, path: "/api/v1/events?" + name + "=" + ann.token,
				headers: map[string]string{"Accept": "text/event-stream"}}).
				requireError(t, http.StatusBadRequest, "invalid_parameter", name)
		}
		api.do(t, request{method: http.MethodGet, path: "/api/v1/events", headers: map[string]string{"Accept": "text/event-stream"}}).
			requireError(t, http.StatusUnauthorized, "unauthorized", "")
		badID := api.do(t, request{method: http.MethodGet, path: "/api/v1/events", token: ann.token,
			headers: map[string]string{"Accept": "text/event-stream", "Last-Event-ID": "seven"}}).
			requireError(t, http.StatusBadRequest, "invalid_parameter", "")
		require.Equal(t, "Last-Event-ID", badID.Source.Header)
		api.do(t, request{method: http.MethodGet, path: "/api/v1/events", token: ann.token,
			headers: map[string]string{"Accept": mediaType}}).
			requireError(t, http.StatusNotAcceptable, "not_acceptable", "")

		// HEAD answers the stream's headers and opens nothing; it uses up a
		// ticket as a GET would.
		head := send(t, http.MethodHead, api.lane.base+"/api/v1/events", map[string]string{"Authorization": "Bearer " + ann.token})
		require.Equal(t, http.StatusOK, head.status)
		require.Equal(t, "text/event-stream; charset=utf-8", head.header.Get("Content-Type"))
		require.Equal(t, "no-store", head.header.Get("Cache-Control"))
		require.Empty(t, head.body)
		headTicket := api.post(t, "/api/v1/event_tickets", ann.token, nil).requireStatus(t, http.StatusCreated).one(t).str("ticket")
		require.Equal(t, http.StatusOK, send(t, http.MethodHead, api.lane.base+"/api/v1/events?ticket="+headTicket, nil).status)
		require.Equal(t, http.StatusUnauthorized, send(t, http.MethodHead, api.lane.base+"/api/v1/events?ticket="+headTicket, nil).status)
		require.Equal(t, http.StatusUnauthorized, send(t, http.MethodHead, api.lane.base+"/api/v1/events", nil).status)
	})
}

// TestEventStreamLimits: ten streams per user, the eleventh is 429; an
// unknown Last-Event-ID starts with a reset.
func TestEventStreamLimits(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		for range 10 {
			openEvents(t, api, streamOptions{token: ann.token})
		}
		eleventh := api.do(t, request{method: http.MethodGet, path: "/api/v1/events", token: ann.token,
			headers: map[string]string{"Accept": "text/event-stream"}})
		eleventh.requireError(t, http.StatusTooManyRequests, "too_many_streams", "")

		bob := signUp(t, api, "Bob")
		s := openEvents(t, api, streamOptions{token: bob.token, lastEventID: "999999"})
		e := s.next(t)
		require.Equal(t, "reset", e.name, "a Last-Event-ID the log does not know means: refetch")
		require.Equal(t, "{}", e.data)
	})
}

// TestEventStreamsEndWhenTheTokenStopsHolding: sign-out and deactivation
// end the streams within a second; so does a ticket's token's sign-out.
func TestEventStreamsEndWhenTheTokenStopsHolding(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		bob := addMember(t, api, ann, "Bob")

		byHeader := openEvents(t, api, streamOptions{token: bob.token})
		secret := api.post(t, "/api/v1/event_tickets", bob.token, nil).requireStatus(t, http.StatusCreated).one(t).str("ticket")
		byTicket := openEvents(t, api, streamOptions{query: "ticket=" + secret})
		annS := openEvents(t, api, streamOptions{token: ann.token})
		api.do(t, request{method: http.MethodDelete, path: "/api/v1/sign_out", token: bob.token}).requireStatus(t, http.StatusNoContent)
		byHeader.requireEnds(t, time.Second+500*time.Millisecond)
		byTicket.requireEnds(t, time.Second+500*time.Millisecond)

		carol := addMember(t, api, ann, "Carol")
		carolS := openEvents(t, api, streamOptions{token: carol.token})
		api.do(t, request{method: http.MethodDelete, path: "/api/v1/users/" + carol.id, token: ann.token}).requireStatus(t, http.StatusNoContent)
		carolS.requireEnds(t, time.Second+500*time.Millisecond)

		// Ann's stream was not touched by either.
		dave := addMember(t, api, ann, "Dave")
		conv := conversation(t, api, dave, ann)
		require.Equal(t, conv.ID, annS.next(t).resource(t).ID)

		// The metrics say why streams ended; a stream's length is kept out of
		// the request-duration histogram, whose figures it would drown.
		metrics := send(t, http.MethodGet, api.lane.base+"/metrics", nil)
		require.Equal(t, http.StatusOK, metrics.status)
		text := string(metrics.body)
		require.Regexp(t, `parley_event_stream_disconnects_total\{cause="revoked"\} [1-9]`, text)
		require.Contains(t, text, "parley_event_streams_open")
		require.Contains(t, text, `parley_http_requests_total{method="GET",route="/api/v1/events",status="200"}`)
		require.NotRegexp(t, `parley_http_request_duration_seconds_count\{method="GET",route="/api/v1/events",status="200"\} [1-9]`, text)
	})
}

// TestResumingAfterALongAbsence: more missed events than a stream buffers
// still arrive whole, in order, paced by the reader.
func TestResumingAfterALongAbsence(t *testing.T) {
	eachLane(t, func(t *testing.T, api *client) {
		ann := signUp(t, api, "Ann")
		bob := addMember(t, api, ann, "Bob")
		annS := openEvents(t, api, streamOptions{token: ann.token})
		chatID := conversation(t, api, ann, bob).linkage(t, "chat").ID
		last := annS.next(t).id
		annS.close()
		var missed []string
		for i := range 150 {
			missed = append(missed, postMessage(t, api, bob, chatID, "missed "+strconv.Itoa(i)).ID)
		}
		resumed := openEvents(t, api, streamOptions{token: ann.token, lastEventID: last})
		got := make([]string, 0, len(missed))
		for range missed {
			got = append(got, resumed.next(t).resource(t).ID)
		}
		require.Equal(t, missed, got)
	})
}
