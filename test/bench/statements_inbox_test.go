package bench_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// inboxTarget is the one request that draws an inbox screen: peer, last
// message with its author, unread count and read marker.
const inboxTarget = "/api/v1/direct_conversations?include=chat.latest_message.author,chat.bookmark,first_user,second_user"

// TestInboxStatementCount pins the cost of an inbox page with every nested
// include: the page's own statement, one for the latest messages with their
// authors and one for the caller's bookmarks, whatever the page holds.
func TestInboxStatementCount(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			s := startStack(t, databaseURL(t, dialect))
			token := s.signUp(t)
			s.startConversations(t, token, 10)
			var list struct {
				Data []struct {
					Relationships struct {
						Chat struct {
							Data struct{ ID string } `json:"data"`
						} `json:"chat"`
					} `json:"relationships"`
				} `json:"data"`
			}
			rec := s.do(http.MethodGet, listTarget, token, "")
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &list))
			require.Len(t, list.Data, 10)
			for _, c := range list.Data {
				rec := s.do(http.MethodPost, "/api/v1/chats/"+c.Relationships.Chat.Data.ID+"/messages", token,
					`{"data":{"type":"message","attributes":{"content":"hello"}}}`)
				require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
			}
			s.statements()
			rec = s.do(http.MethodGet, inboxTarget, token, "")
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			require.Len(t, s.statements(), 3)
			var doc struct {
				Data     []json.RawMessage `json:"data"`
				Included []json.RawMessage `json:"included"`
			}
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
			// Per conversation its chat, latest message, bookmark (moved by
			// the post) and peer, plus the caller once.
			require.Len(t, doc.Included, 4*len(doc.Data)+1)
		})
	}
}
