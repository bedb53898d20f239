// Package contract_test runs one suite per port against every implementation:
// memstore, gormstore on a temporary SQLite file and gormstore on PostgreSQL
// (when PARLEY_TEST_DATABASE_URL is set; required when CI is set).
package contract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// counts is how many rows of the aggregate's tables a store holds.
type counts struct {
	Conversations, Chats, Memberships, Messages int
}

// ports is one persistence: every port implementation over one fresh store.
type ports struct {
	name          string
	users         domain.UserRepository
	userReads     application.UserReadModel
	conversations domain.DirectConversationRepository
	convReads     application.DirectConversationReadModel
	chatReads     application.ChatReadModel
	members       domain.ChatMembershipRepository
	messages      domain.MessageRepository
	messageReads  application.MessageReadModel
	revoked       domain.RevokedTokenRepository
	tickets       domain.EventTicketRepository
	bookmarks     domain.ChatBookmarkRepository
	unread        application.UnreadCountsReadModel
	details       application.ConversationDetailsReadModel
	events        domain.EventLog
	setEventHook  func(hook func(recipients []domain.ID))
	counts        func(t *testing.T) counts
}

// laneNames lists the persistences in the order tests run them.
var laneNames = []string{"memstore", "sqlite", "postgres"}

// eachLane runs test once per persistence, each on a fresh store. Without
// PARLEY_TEST_DATABASE_URL the postgres lane skips, or fails under CI.
func eachLane(t *testing.T, test func(t *testing.T, p ports)) {
	t.Helper()
	for _, name := range laneNames {
		t.Run(name, func(t *testing.T) {
			if name == "postgres" {
				testenv.PostgresBaseURL(t)
			}
			test(t, openLane(t, name))
		})
	}
}

// allLanes opens every available persistence at once, for tests that compare
// their answers. The postgres lane is left out when not configured, and is
// required under CI.
func allLanes(t *testing.T) []ports {
	t.Helper()
	lanes := []ports{openLane(t, "memstore"), openLane(t, "sqlite")}
	if os.Getenv(testenv.PostgresURLVar) != "" || os.Getenv("CI") != "" {
		lanes = append(lanes, openLane(t, "postgres"))
	}
	return lanes
}

func openLane(t *testing.T, name string) ports {
	t.Helper()
	switch name {
	case "memstore":
		return memstorePorts()
	case "sqlite":
		return gormPorts(t, name, "sqlite:"+filepath.Join(t.TempDir(), "contract.db"))
	default:
		return gormPorts(t, name, testenv.FreshPostgres(t, "contract"))
	}
}

func memstorePorts() ports {
	s := memstore.New()
	return ports{
		name:          "memstore",
		users:         memstore.NewUsers(s),
		userReads:     memstore.NewUserReads(s),
		conversations: memstore.NewDirectConversations(s),
		convReads:     memstore.NewDirectConversationReads(s),
		chatReads:     memstore.NewChatReads(s),
		members:       memstore.NewChatMemberships(s),
		messages:      memstore.NewMessages(s),
		messageReads:  memstore.NewMessageReads(s),
		revoked:       memstore.NewRevokedTokens(s),
		tickets:       memstore.NewEventTickets(s),
		bookmarks:     memstore.NewChatBookmarks(s),
		unread:        memstore.NewUnreadCounts(s),
		details:       memstore.NewConversationDetails(s),
		events:        memstore.NewEventLog(s),
		setEventHook:  s.SetEventHook,
		counts: func(*testing.T) counts {
			c := s.Counts()
			return counts{Conversations: c.DirectConversations, Chats: c.Chats, Memberships: c.ChatMemberships, Messages: c.Messages}
		},
	}
}

func gormPorts(t *testing.T, name, url string) ports {
	t.Helper()
	s, err := gormstore.Open(context.Background(), gormstore.Options{URL: url})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	require.NoError(t, gormstore.Migrate(context.Background(), s))
	return ports{
		name:          name,
		users:         gormstore.NewUsers(s),
		userReads:     gormstore.NewUserReads(s),
		conversations: gormstore.NewDirectConversations(s),
		convReads:     gormstore.NewDirectConversationReads(s),
		chatReads:     gormstore.NewChatReads(s),
		members:       gormstore.NewChatMemberships(s),
		messages:      gormstore.NewMessages(s),
		messageReads:  gormstore.NewMessageReads(s),
		revoked:       gormstore.NewRevokedTokens(s),
		tickets:       gormstore.NewEventTickets(s),
		bookmarks:     gormstore.NewChatBookmarks(s),
		unread:        gormstore.NewUnreadCounts(s),
		details:       gormstore.NewConversationDetails(s),
		events:        gormstore.NewEventLog(s),
		setEventHook:  s.SetEventHook,
		counts: func(t *testing.T) counts {
			t.Helper()
			count := func(table string) int {
				var n int64
				require.NoError(t, s.DB().Raw("SELECT count(*) FROM "+table).Scan(&n).Error)
				return int(n)
			}
			return counts{
				Conversations: count("direct_conversations"),
				Chats:         count("chats"),
				Memberships:   count("chat_memberships"),
				Messages:      count("messages"),
			}
		},
	}
}
