package bench_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// listTarget is the request the list benchmarks and statement counts use:
// a full page with every relationship included.
const listTarget = "/api/v1/direct_conversations?include=chat,first_user,second_user"

// TestListStatementCount pins the cost of a conversation page at the HTTP
// edge: whatever the page holds and whatever it includes, the request sends
// exactly one SQL statement (token checks send none).
func TestListStatementCount(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			s := startStack(t, databaseURL(t, dialect))
			token := s.signUp(t)
			s.startConversations(t, token, 25)
			for _, target := range []string{listTarget, listTarget + "&search_peer=m%C3%BCller&page[size]=5"} {
				s.statements()
				rec := s.do(http.MethodGet, target, token, "")
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
				require.Len(t, s.statements(), 1, target)
				var doc struct {
					Data     []json.RawMessage `json:"data"`
					Included []json.RawMessage `json:"included"`
					Links    struct{ Next *string }
				}
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
				require.NotEmpty(t, doc.Data)
				require.Len(t, doc.Included, 2*len(doc.Data)+1)
				require.NotNil(t, doc.Links.Next)
			}
		})
	}
}

// TestStartDirectConversationWrites checks what starting a conversation
// writes: a new pair inserts the conversation, its chat, two memberships and
// its event (the outbox row, both streams' positions, both recipients) and
// nothing else; a pair that already has one writes no row at all.
func TestStartDirectConversationWrites(t *testing.T) {
	s := startStack(t, databaseURL(t, "sqlite"))
	token := s.signUp(t)
	s.startConversations(t, token, 1)
	rec := s.do(http.MethodGet, listTarget, token, "")
	var doc struct {
		Data []struct {
			Attributes struct {
				SecondUserID string `json:"second_user_id"`
			} `json:"attributes"`
		} `json:"data"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	require.Len(t, doc.Data, 1)
	peer := doc.Data[0].Attributes.SecondUserID

	t.Run("existing_pair", func(t *testing.T) {
		s.statements()
		rec := s.do(http.MethodPost, "/api/v1/direct_conversations", token,
			`{"data":{"type":"direct_conversation","attributes":{"user_id":"`+peer+`"}}}`)
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		sent := s.statements()
		require.Len(t, sent, 1)
		require.Empty(t, writes(sent))
	})
	t.Run("new_pair", func(t *testing.T) {
		s.statements()
		s.startConversations(t, token, 1)
		require.Equal(t, []string{
			"INSERT INTO users", // the peer, created by the admin first
			"INSERT INTO direct_conversations", "INSERT INTO chats",
			"INSERT INTO chat_memberships", "INSERT INTO chat_memberships",
			"INSERT INTO events", "INSERT INTO event_streams", "INSERT INTO event_recipients",
		}, writes(s.statements()))
	})
}

// writes returns the leading words of the statements that change data.
func writes(sent []string) []string {
	var out []string
	for _, sql := range sent {
		words := strings.Fields(sql)
		if len(words) >= 3 && (words[0] == "INSERT" || words[0] == "UPDATE" || words[0] == "DELETE") {
			// GORM quotes the table name; the dialect's quotes do not matter here.
			out = append(out, words[0]+" "+words[1]+" "+strings.Trim(words[2], "`\""))
		}
	}
	return out
}
