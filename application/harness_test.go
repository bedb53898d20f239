package application_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// testClock is a clock that moves only when told to.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// testHasher is a fast, unsalted stand-in for the slow password hash.
type testHasher struct{}

const hashPrefix = "sha256:"

func (testHasher) Hash(password string) (string, error) {
	sum := sha256.Sum256([]byte(password))
	return hashPrefix + hex.EncodeToString(sum[:]), nil
}

func (h testHasher) Verify(hash, password string) (bool, error) {
	if !strings.HasPrefix(hash, hashPrefix) {
		return false, errors.New("malformed hash")
	}
	want, _ := h.Hash(password)
	return hash == want, nil
}

// testTokens issues opaque tokens and remembers what they stand for.
type testTokens struct {
	ttl    time.Duration
	mu     sync.Mutex
	issued map[string]application.TokenClaims
}

func newTestTokens() *testTokens {
	return &testTokens{ttl: time.Hour, issued: map[string]application.TokenClaims{}}
}

func (tt *testTokens) Issue(actor domain.Actor, now time.Time) (application.IssuedToken, error) {
	id := domain.NewID().String()
	claims := application.TokenClaims{Actor: actor, ID: id, ExpiresAt: now.Add(tt.ttl), IssuedAt: now}
	value := "token-" + id
	tt.mu.Lock()
	defer tt.mu.Unlock()
	tt.issued[value] = claims
	return application.IssuedToken{Value: value, ID: id, ExpiresAt: claims.ExpiresAt}, nil
}

func (tt *testTokens) Verify(token string, now time.Time) (application.TokenClaims, error) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	claims, ok := tt.issued[token]
	if !ok {
		return application.TokenClaims{}, fmt.Errorf("unknown token: %w", domain.ErrUnauthenticated)
	}
	if !now.Before(claims.ExpiresAt) {
		return application.TokenClaims{}, fmt.Errorf("token expired: %w", domain.ErrUnauthenticated)
	}
	return claims, nil
}

// harness is every use case wired over one memstore.
type harness struct {
	store        *memstore.Store
	clock        *testClock
	tokens       *testTokens
	revokedRepo  *memstore.RevokedTokens
	revocations  *application.RevocationList
	conversation *memstore.DirectConversations

	signUp       *application.SignUp
	signIn       *application.SignIn
	signOut      *application.SignOut
	authenticate *application.Authenticate
	createUser   *application.CreateUser
	getUser      *application.GetUser
	listUsers    *application.ListUsers
	start        *application.StartDirectConversation
	getConv      *application.GetDirectConversation
	listConv     *application.ListDirectConversations
	getChat      *application.GetChat
	post         *application.PostMessage
	listMessages *application.ListMessages
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	s := memstore.New()
	clock := newTestClock()
	tokens := newTestTokens()
	users := memstore.NewUsers(s)
	convReads := memstore.NewDirectConversationReads(s)
	members := memstore.NewChatMemberships(s)
	revokedRepo := memstore.NewRevokedTokens(s)
	revocations := application.NewRevocationList(revokedRepo, clock)
	signIn, err := application.NewSignIn(users, testHasher{}, tokens, clock)
	require.NoError(t, err)
	return &harness{
		store:        s,
		clock:        clock,
		tokens:       tokens,
		revokedRepo:  revokedRepo,
		revocations:  revocations,
		conversation: memstore.NewDirectConversations(s),
		signUp:       application.NewSignUp(users, testHasher{}, tokens, clock),
		signIn:       signIn,
		signOut:      application.NewSignOut(revokedRepo, revocations, clock),
		authenticate: application.NewAuthenticate(tokens, revocations, clock),
		createUser:   application.NewCreateUser(users, testHasher{}, clock),
		getUser:      application.NewGetUser(users),
		listUsers:    application.NewListUsers(memstore.NewUserReads(s)),
		start:        application.NewStartDirectConversation(users, memstore.NewDirectConversations(s), convReads, clock),
		getConv:      application.NewGetDirectConversation(convReads),
		listConv:     application.NewListDirectConversations(convReads),
		getChat:      application.NewGetChat(memstore.NewChatReads(s)),
		post:         application.NewPostMessage(members, memstore.NewMessages(s), clock),
		listMessages: application.NewListMessages(members, memstore.NewMessageReads(s)),
	}
}

func actorOf(u domain.User) domain.Actor {
	return domain.Actor{AccountID: u.AccountID, UserID: u.ID, Role: u.Role}
}

// account signs up a new account whose admin is called name, and returns the
// admin as an actor.
func (h *harness) account(t *testing.T, name string) domain.Actor {
	t.Helper()
	email := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "-" + domain.NewID().String()[:8] + "@parley.test"
	s, err := h.signUp.Execute(context.Background(), application.SignUpInput{
		AccountName: name + " Inc", Name: name, Email: email, Password: "password1",
	})
	require.NoError(t, err)
	return actorOf(s.User)
}

// member adds a member called name to admin's account.
func (h *harness) member(t *testing.T, admin domain.Actor, name string) domain.User {
	t.Helper()
	email := "m-" + domain.NewID().String() + "@parley.test"
	u, err := h.createUser.Execute(context.Background(), admin, application.CreateUserInput{Name: name, Email: email, Password: "password1"})
	require.NoError(t, err)
	return u
}

// startWith starts (or finds) the conversation of actor with peer.
func (h *harness) startWith(t *testing.T, actor domain.Actor, peer domain.ID) application.DirectConversationView {
	t.Helper()
	out, err := h.start.Execute(context.Background(), application.StartDirectConversationInput{Actor: actor, UserID: peer.String()})
	require.NoError(t, err)
	return out.View
}

// problemsOf returns the problems of a *domain.ValidationError.
func problemsOf(t *testing.T, err error) []domain.Problem {
	t.Helper()
	var ve *domain.ValidationError
	require.True(t, errors.As(err, &ve), "want a validation error, got %v", err)
	return ve.Problems
}

func ptr[T any](v T) *T { return &v }
