package httpapi

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSSEWriterFramesEventsAndFlushes(t *testing.T) {
	rec := httptest.NewRecorder()
	s := newSSEWriter(rec)
	require.NoError(t, s.retry(3*time.Second))
	require.NoError(t, s.event(7, "message.created", []byte("{\"a\":1}\n{\"b\":2}")))
	require.NoError(t, s.event(0, "reset", []byte("{}")))
	require.NoError(t, s.heartbeat())
	require.True(t, rec.Flushed)
	require.Equal(t, "retry: 3000\n\n"+
		"id: 7\nevent: message.created\ndata: {\"a\":1}\ndata: {\"b\":2}\n\n"+
		"event: reset\ndata: {}\n\n"+
		": heartbeat\n\n", rec.Body.String())
}

func TestParseLastEventID(t *testing.T) {
	got, err := parseLastEventID("")
	require.NoError(t, err)
	require.Nil(t, got)
	got, err = parseLastEventID(" 42 ")
	require.NoError(t, err)
	require.Equal(t, int64(42), *got)
	for _, bad := range []string{"-1", "x", "1.5"} {
		_, err = parseLastEventID(bad)
		require.Error(t, err, bad)
	}
}
