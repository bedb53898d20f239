package reliability_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
	"github.com/parley-chat/parley/test/testenv"
)

// lockAllTables holds an exclusive lock on every table of the schema until
// the test ends, so that any statement touching them waits: the stand-in for
// a database that stopped answering.
func lockAllTables(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	conn, err := openSQL(t, dbURL).Conn(ctx)
	require.NoError(t, err)
	tx, err := conn.BeginTx(ctx, nil)
	require.NoError(t, err)
	_, err = tx.ExecContext(ctx, `LOCK TABLE accounts, users, direct_conversations, chats, chat_memberships,
		messages, revoked_tokens IN ACCESS EXCLUSIVE MODE`)
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = tx.Rollback()
		_ = conn.Close()
	})
}

// TestRepositoryDeadline proves that every repository and read-model call is
// bounded by the store's QueryTimeout even when its caller set no deadline,
// that a shorter deadline of the caller wins, and that a statement cut off
// this way is domain.ErrUnavailable.
func TestRepositoryDeadline(t *testing.T) {
	dbURL := testenv.FreshPostgres(t, "deadline")
	// Setup runs on a store with the default timeout, so that a busy machine
	// cannot fail it; the calls under test use a short one.
	setup, err := gormstore.Open(context.Background(), gormstore.Options{URL: dbURL})
	require.NoError(t, err)
	t.Cleanup(func() { _ = setup.Close() })
	require.NoError(t, gormstore.Migrate(context.Background(), setup))
	const timeout = 300 * time.Millisecond
	store, err := gormstore.Open(context.Background(), gormstore.Options{URL: dbURL, QueryTimeout: timeout})
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Close() })

	now := time.Now()
	account, err := domain.NewAccount("Acme", now)
	require.NoError(t, err)
	draft := domain.UserDraft{Name: "Ada", Email: "ada@acme.test", Password: password}
	ada := domain.NewUser(account.ID, draft, domain.RoleAdmin, "hash", now)
	require.NoError(t, gormstore.NewUsers(setup).CreateWithAccount(context.Background(), account, ada))
	actor := domain.Actor{AccountID: account.ID, UserID: ada.ID, Role: domain.RoleAdmin}
	draft.Email = "bob@acme.test"
	bob := domain.NewUser(account.ID, draft, domain.RoleMember, "hash", now)
	agg, err := domain.StartDirectConversation(actor, bob, now)
	require.NoError(t, err)
	msg, err := domain.NewMessage(agg.Chat.ID, ada.ID, "hello", now)
	require.NoError(t, err)
	list := application.ListQuery{Size: 10, Sort: application.UserListSchema.DefaultSort}

	calls := []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"users_create_with_account", func(ctx context.Context) error {
			other, _ := domain.NewAccount("Other", now)
			return gormstore.NewUsers(store).CreateWithAccount(ctx, other, domain.NewUser(other.ID, draft, domain.RoleAdmin, "hash", now))
		}},
		{"users_create", func(ctx context.Context) error { return gormstore.NewUsers(store).Create(ctx, bob) }},
		{"users_by_id", func(ctx context.Context) error {
			_, err := gormstore.NewUsers(store).ByID(ctx, account.ID, ada.ID)
			return err
		}},
		{"users_by_email", func(ctx context.Context) error {
			_, err := gormstore.NewUsers(store).ByEmail(ctx, ada.Email)
			return err
		}},
		{"user_reads_list", func(ctx context.Context) error {
			_, err := gormstore.NewUserReads(store).List(ctx, actor, list)
			return err
		}},
		{"direct_conversations_create", func(ctx context.Context) error {
			return gormstore.NewDirectConversations(store).Create(ctx, agg)
		}},
		{"direct_conversation_reads_list", func(ctx context.Context) error {
			q := application.DirectConversationQuery{ListQuery: application.ListQuery{
				Size: 10, Sort: application.DirectConversationListSchema.DefaultSort}, SearchPeer: "b"}
			_, err := gormstore.NewDirectConversationReads(store).List(ctx, actor, q)
			return err
		}},
		{"direct_conversation_reads_get", func(ctx context.Context) error {
			_, err := gormstore.NewDirectConversationReads(store).Get(ctx, actor, agg.Conversation.ID)
			return err
		}},
		{"direct_conversation_reads_get_with_peer", func(ctx context.Context) error {
			_, err := gormstore.NewDirectConversationReads(store).GetWithPeer(ctx, actor, bob.ID)
			return err
		}},
		{"chat_reads_get", func(ctx context.Context) error {
			_, err := gormstore.NewChatReads(store).Get(ctx, actor, agg.Chat.ID)
			return err
		}},
		{"chat_memberships_find", func(ctx context.Context) error {
			_, err := gormstore.NewChatMemberships(store).Find(ctx, account.ID, agg.Chat.ID, ada.ID)
			return err
		}},
		{"messages_post", func(ctx context.Context) error { return gormstore.NewMessages(store).Post(ctx, msg) }},
		{"message_reads_list", func(ctx context.Context) error {
			_, err := gormstore.NewMessageReads(store).List(ctx, agg.Chat.ID, application.ListQuery{
				Size: 10, Sort: application.MessageListSchema.DefaultSort})
			return err
		}},
		{"revoked_tokens_revoke", func(ctx context.Context) error {
			return gormstore.NewRevokedTokens(store).Revoke(ctx, domain.RevokedToken{ID: "t", ExpiresAt: now.Add(time.Hour), RevokedAt: now})
		}},
		{"revoked_tokens_since", func(ctx context.Context) error {
			_, err := gormstore.NewRevokedTokens(store).RevokedSince(ctx, time.Time{}, now)
			return err
		}},
		{"revoked_tokens_delete_expired", func(ctx context.Context) error {
			return gormstore.NewRevokedTokens(store).DeleteExpired(ctx, now)
		}},
	}

	lockAllTables(t, dbURL)
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			err := c.call(context.Background())
			elapsed := time.Since(start)
			require.ErrorIs(t, err, domain.ErrUnavailable)
			require.GreaterOrEqual(t, elapsed, timeout, "failed before the deadline: %v", err)
			require.Less(t, elapsed, timeout+2*time.Second)
		})
	}
	t.Run("caller_deadline_wins", func(t *testing.T) {
		// The setup store allows 5 s per call; the caller's 50 ms must win.
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := gormstore.NewUsers(setup).ByEmail(ctx, ada.Email)
		require.ErrorIs(t, err, domain.ErrUnavailable)
		require.Less(t, time.Since(start), 2*time.Second)
	})
}

// TestRequestDeadline proves the same through HTTP: with the database
// holding every statement, each kind of request answers 503
// service_unavailable with Retry-After once the service's query timeout
// (5 s) has passed, instead of hanging.
func TestRequestDeadline(t *testing.T) {
	dbURL := testenv.FreshPostgres(t, "deadline")
	api := startParley(t, dbURL)
	admin := signUp(t, api, "Ada Lovelace")
	member := addMember(t, api, admin, "Bob")
	convID, chatID, err := conversationOf(api.must(t, http.StatusCreated, http.MethodPost, "/api/v1/direct_conversations",
		admin.token, document("direct_conversation", map[string]any{"user_id": member.id})))
	require.NoError(t, err)
	message := document("message", map[string]any{"content": "hello"})
	requests := []struct {
		name, method, path string
		body               any
	}{
		{"sign_in", http.MethodPost, "/api/v1/sign_in", document("session", map[string]any{"email": admin.email, "password": password})},
		{"me", http.MethodGet, "/api/v1/users/me", nil},
		{"list_users", http.MethodGet, "/api/v1/users", nil},
		{"get_user", http.MethodGet, "/api/v1/users/" + member.id, nil},
		{"create_user", http.MethodPost, "/api/v1/users", document("user", map[string]any{"name": "Cy", "email": "cy." + unique() + "@acme.test", "password": password})},
		{"start_conversation", http.MethodPost, "/api/v1/direct_conversations", document("direct_conversation", map[string]any{"user_id": member.id})},
		{"list_conversations", http.MethodGet, "/api/v1/direct_conversations?include=chat", nil},
		{"get_conversation", http.MethodGet, "/api/v1/direct_conversations/" + convID, nil},
		{"get_chat", http.MethodGet, "/api/v1/chats/" + chatID + "?include=latest_message", nil},
		{"list_messages", http.MethodGet, "/api/v1/chats/" + chatID + "/messages", nil},
		{"post_message", http.MethodPost, "/api/v1/chats/" + chatID + "/messages", message},
		{"sign_out", http.MethodDelete, "/api/v1/sign_out", nil},
	}

	lockAllTables(t, dbURL)
	answers := make([]*answer, len(requests))
	errs := make([]error, len(requests))
	var wg sync.WaitGroup
	for i, r := range requests {
		wg.Go(func() { answers[i], errs[i] = api.send(r.method, r.path, admin.token, r.body) })
	}
	wg.Wait()
	for i, r := range requests {
		require.NoError(t, errs[i], r.name)
		a := answers[i]
		require.Equal(t, http.StatusServiceUnavailable, a.status, "%s: %s", r.name, a.raw)
		require.Equal(t, "service_unavailable", a.code(), r.name)
		require.NotEmpty(t, a.header.Get("Retry-After"), r.name)
		require.GreaterOrEqual(t, a.latency, 4*time.Second, "%s failed before the query timeout", r.name)
		require.Less(t, a.latency, 7*time.Second, r.name)
		require.NotContains(t, string(a.raw), "LOCK", r.name)
	}
}
