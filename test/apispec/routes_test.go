package apispec_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/test/apispec"
)

// placeholderUseCases returns UseCases whose every field is a zero use case:
// enough for the router to build its route table, which is all this test
// reads; no handler runs. A use case added to UseCases and not here makes
// the router's nil check fail, naming it.
func placeholderUseCases(t *testing.T) httpapi.UseCases {
	t.Helper()
	return httpapi.UseCases{
		SignUp:                  &application.SignUp{},
		SignIn:                  &application.SignIn{},
		SignOut:                 &application.SignOut{},
		Authenticate:            &application.Authenticate{},
		GetUser:                 &application.GetUser{},
		ListUsers:               &application.ListUsers{},
		CreateUser:              &application.CreateUser{},
		UpdateUser:              &application.UpdateUser{},
		ChangePassword:          &application.ChangePassword{},
		DeactivateUser:          &application.DeactivateUser{},
		StartDirectConversation: &application.StartDirectConversation{},
		GetDirectConversation:   &application.GetDirectConversation{},
		ListDirectConversations: &application.ListDirectConversations{},
		GetChat:                 &application.GetChat{},
		PostMessage:             &application.PostMessage{},
		ListMessages:            &application.ListMessages{},
		GetMessage:              &application.GetMessage{},
		EditMessage:             &application.EditMessage{},
		WithdrawMessage:         &application.WithdrawMessage{},
		MarkChatRead:            &application.MarkChatRead{},
		GetChatBookmark:         &application.GetChatBookmark{},
		GetUnreadCounts:         &application.GetUnreadCounts{},
		LoadConversationDetails: &application.LoadConversationDetails{},
		IssueEventTicket:        &application.IssueEventTicket{},
		RedeemEventTicket:       &application.RedeemEventTicket{},
		OpenEventStream:         &application.OpenEventStream{},
		DescribeEvent:           &application.DescribeEvent{},
	}
}

// pathParam matches a path parameter in either notation: gin's ":name" or
// "*name" segment, or OpenAPI's "{name}".
var pathParam = regexp.MustCompile(`/(?::[^/]+|\*[^/]+|\{[^/}]+\})`)

// operationKey names an operation by method and path template. Parameter
// names are left out: they never reach the wire, and only their positions
// decide which requests a route serves.
func operationKey(method, path string) string {
	return strings.ToUpper(method) + " " + pathParam.ReplaceAllString(path, "/{}")
}

func TestRoutesMatchDocument(t *testing.T) {
	engine, err := httpapi.NewRouter(placeholderUseCases(t), httpapi.RouterConfig{CursorSecret: []byte("x")},
		httpapi.NewReadiness(nil), zap.NewNop())
	require.NoError(t, err)

	var served []string
	for _, r := range engine.Routes() {
		served = append(served, operationKey(r.Method, r.Path))
	}
	var documented []string
	for path, item := range apispec.Load(t).Document().Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, operationKey(method, path))
		}
	}
	slices.Sort(served)
	slices.Sort(documented)

	var undocumented, unserved []string
	for _, op := range served {
		if !slices.Contains(documented, op) {
			undocumented = append(undocumented, op)
		}
	}
	for _, op := range documented {
		if !slices.Contains(served, op) {
			unserved = append(unserved, op)
		}
	}
	require.Empty(t, undocumented, "routes the router serves but the OpenAPI document does not describe")
	require.Empty(t, unserved, "operations the OpenAPI document describes but the router does not serve")
	require.Len(t, served, len(slices.Compact(slices.Clone(served))), "the router serves an operation twice")
}
