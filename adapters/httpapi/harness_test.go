package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// testAPI is the router over a fake world.
type testAPI struct {
	world    *world
	engine   *gin.Engine
	useCases UseCases
}

// uc returns the use cases the test API runs on, to build further routers.
func (a *testAPI) uc(t *testing.T) UseCases {
	t.Helper()
	return a.useCases
}

func newTestAPI(t *testing.T) *testAPI {
	t.Helper()
	w := &world{tokens: map[string]application.TokenClaims{}}
	users, convs, chats, msgs, tokens := fakeUsers{w}, fakeConvs{w}, fakeChats{w}, fakeMessages{w}, fakeTokens{w}
	clock := fixedClock{}
	revoked := application.NewRevocationList(fakeRevoked{}, clock)
	signIn, err := application.NewSignIn(users, fakeHasher{}, tokens, clock)
	require.NoError(t, err)
	uc := UseCases{
		SignUp:                  application.NewSignUp(users, fakeHasher{}, tokens, clock),
		SignIn:                  signIn,
		SignOut:                 application.NewSignOut(fakeRevoked{}, revoked, clock),
		Authenticate:            application.NewAuthenticate(tokens, revoked, clock),
		GetUser:                 application.NewGetUser(users),
		ListUsers:               application.NewListUsers(users),
		CreateUser:              application.NewCreateUser(users, fakeHasher{}, clock),
		UpdateUser:              application.NewUpdateUser(fakeLifecycle{users}, revoked, nopAudit{}, clock),
		ChangePassword:          application.NewChangePassword(fakeLifecycle{users}, fakeHasher{}, revoked, nopAudit{}, clock),
		DeactivateUser:          application.NewDeactivateUser(fakeLifecycle{users}, revoked, nopAudit{}, clock),
		StartDirectConversation: application.NewStartDirectConversation(users, convs, convs, clock),
		GetDirectConversation:   application.NewGetDirectConversation(convs),
		ListDirectConversations: application.NewListDirectConversations(convs),
		GetChat:                 application.NewGetChat(chats),
		PostMessage:             application.NewPostMessage(chats, msgs, clock),
		ListMessages:            application.NewListMessages(chats, msgs),
		GetMessage:              application.NewGetMessage(chats, msgs),
		EditMessage:             application.NewEditMessage(chats, msgs, clock),
		WithdrawMessage:         application.NewWithdrawMessage(chats, msgs, clock),
		// The read-state use cases run against real stores in the
		// acceptance tests; here they only need to exist.
		MarkChatRead:            application.NewMarkChatRead(nil, clock),
		GetChatBookmark:         application.NewGetChatBookmark(nil, nil),
		GetUnreadCounts:         application.NewGetUnreadCounts(nil),
		LoadConversationDetails: application.NewLoadConversationDetails(nil),
		// The event use cases run against real stores and a real hub in the
		// acceptance tests.
		IssueEventTicket:  application.NewIssueEventTicket(noTickets{}, clock),
		RedeemEventTicket: application.NewRedeemEventTicket(noTickets{}, nil, clock),
		OpenEventStream:   application.NewOpenEventStream(closedHub(), application.NewAuthenticate(tokens, revoked, clock)),
		DescribeEvent:     application.NewDescribeEvent(nil, nil, nil, nil),
	}
	engine, err := NewRouter(uc, RouterConfig{CursorSecret: []byte("test secret")}, NewReadiness(nil), zap.NewNop())
	require.NoError(t, err)
	return &testAPI{world: w, engine: engine, useCases: uc}
}

// call is one request to the test API.
type call struct {
	method, path, token, body string
	headers                   map[string]string
}

// decoded is a resource object as a client reads it.
type decoded struct {
	Type          string          `json:"type"`
	ID            string          `json:"id"`
	Attributes    json.RawMessage `json:"attributes"`
	Relationships json.RawMessage `json:"relationships"`
	Links         *struct {
		Self string `json:"self"`
	} `json:"links"`
}

// reply is a recorded response with its decoded document.
type reply struct {
	status int
	header http.Header
	raw    string
	doc    struct {
		Data     json.RawMessage `json:"data"`
		Included []decoded       `json:"included"`
		Links    map[string]*string
		Errors   []jsonapi.ErrorObject `json:"errors"`
	}
}

func (a *testAPI) do(t *testing.T, c call) *reply {
	t.Helper()
	var req *http.Request
	if c.body != "" {
		req = httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", mediaType)
	} else {
		req = httptest.NewRequest(c.method, c.path, nil)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	a.engine.ServeHTTP(rec, req)
	r := &reply{status: rec.Code, header: rec.Header(), raw: rec.Body.String()}
	if r.raw != "" {
		require.Equal(t, mediaType, r.header.Get("Content-Type"), r.raw)
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &r.doc), r.raw)
	}
	return r
}

// requireError checks status, code and, when given, the source of the first
// error object.
func (r *reply) requireError(t *testing.T, status int, code, source string) {
	t.Helper()
	require.Equal(t, status, r.status, r.raw)
	require.NotEmpty(t, r.doc.Errors, r.raw)
	e := r.doc.Errors[0]
	require.Equal(t, code, e.Code, r.raw)
	require.NotEmpty(t, e.Title, r.raw)
	if source == "" {
		return
	}
	require.NotNil(t, e.Source, r.raw)
	if strings.HasPrefix(source, "/") {
		require.Equal(t, source, e.Source.Pointer, r.raw)
	} else {
		require.Equal(t, source, e.Source.Parameter, r.raw)
	}
}

func (r *reply) one(t *testing.T) decoded {
	t.Helper()
	var res decoded
	require.NoError(t, json.Unmarshal(r.doc.Data, &res), r.raw)
	return res
}

func (r *reply) many(t *testing.T) []decoded {
	t.Helper()
	var res []decoded
	require.NoError(t, json.Unmarshal(r.doc.Data, &res), r.raw)
	return res
}

// person is a signed-up user and their token.
type person struct {
	id    string
	token string
}

func (a *testAPI) signUp(t *testing.T, name, email string) person {
	t.Helper()
	body := `{"data":{"type":"user","attributes":{"account_name":"Acme","name":"` + name +
		`","email":"` + email + `","password":"secret123"}}}`
	r := a.do(t, call{method: http.MethodPost, path: "/api/v1/sign_up", body: body})
	require.Equal(t, http.StatusCreated, r.status, r.raw)
	token, ok := strings.CutPrefix(r.header.Get("Authorization"), "Bearer ")
	require.True(t, ok)
	return person{id: r.one(t).ID, token: token}
}

func (a *testAPI) addMember(t *testing.T, admin person, name, email string) person {
	t.Helper()
	body := `{"data":{"type":"user","attributes":{"name":"` + name + `","email":"` + email + `","password":"secret123"}}}`
	r := a.do(t, call{method: http.MethodPost, path: "/api/v1/users", token: admin.token, body: body})
	require.Equal(t, http.StatusCreated, r.status, r.raw)
	id := r.one(t).ID
	uid, err := domain.ParseID(id)
	require.NoError(t, err)
	tok, err := fakeTokens{a.world}.Issue(domain.Actor{AccountID: a.world.accountOf(uid), UserID: uid, Role: domain.RoleMember}, testNow)
	require.NoError(t, err)
	return person{id: id, token: tok.Value}
}
