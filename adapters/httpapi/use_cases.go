package httpapi

import (
	"errors"

	"github.com/parley-chat/parley/application"
)

// UseCases are the application use cases the handlers drive. This struct is
// the one list of them at the edge: bootstrap fills it from the graph and
// the tests from fakes.
type UseCases struct {
	SignUp                  *application.SignUp
	SignIn                  *application.SignIn
	SignOut                 *application.SignOut
	Authenticate            *application.Authenticate
	GetUser                 *application.GetUser
	ListUsers               *application.ListUsers
	CreateUser              *application.CreateUser
	UpdateUser              *application.UpdateUser
	ChangePassword          *application.ChangePassword
	DeactivateUser          *application.DeactivateUser
	StartDirectConversation *application.StartDirectConversation
	GetDirectConversation   *application.GetDirectConversation
	ListDirectConversations *application.ListDirectConversations
	GetChat                 *application.GetChat
	PostMessage             *application.PostMessage
	ListMessages            *application.ListMessages
	GetMessage              *application.GetMessage
	EditMessage             *application.EditMessage
	WithdrawMessage         *application.WithdrawMessage
	MarkChatRead            *application.MarkChatRead
	GetChatBookmark         *application.GetChatBookmark
	GetUnreadCounts         *application.GetUnreadCounts
	LoadConversationDetails *application.LoadConversationDetails
	IssueEventTicket        *application.IssueEventTicket
	RedeemEventTicket       *application.RedeemEventTicket
	OpenEventStream         *application.OpenEventStream
	DescribeEvent           *application.DescribeEvent
}

// check reports the first use case that is missing, so that a wiring
// mistake stops the start instead of failing a request later.
func (uc UseCases) check() error {
	for _, f := range []struct {
		name    string
		missing bool
	}{
		{"SignUp", uc.SignUp == nil},
		{"SignIn", uc.SignIn == nil},
		{"SignOut", uc.SignOut == nil},
		{"Authenticate", uc.Authenticate == nil},
		{"GetUser", uc.GetUser == nil},
		{"ListUsers", uc.ListUsers == nil},
		{"CreateUser", uc.CreateUser == nil},
		{"UpdateUser", uc.UpdateUser == nil},
		{"ChangePassword", uc.ChangePassword == nil},
		{"DeactivateUser", uc.DeactivateUser == nil},
		{"StartDirectConversation", uc.StartDirectConversation == nil},
		{"GetDirectConversation", uc.GetDirectConversation == nil},
		{"ListDirectConversations", uc.ListDirectConversations == nil},
		{"GetChat", uc.GetChat == nil},
		{"PostMessage", uc.PostMessage == nil},
		{"ListMessages", uc.ListMessages == nil},
		{"GetMessage", uc.GetMessage == nil},
		{"EditMessage", uc.EditMessage == nil},
		{"WithdrawMessage", uc.WithdrawMessage == nil},
		{"MarkChatRead", uc.MarkChatRead == nil},
		{"GetChatBookmark", uc.GetChatBookmark == nil},
		{"GetUnreadCounts", uc.GetUnreadCounts == nil},
		{"LoadConversationDetails", uc.LoadConversationDetails == nil},
		{"IssueEventTicket", uc.IssueEventTicket == nil},
		{"RedeemEventTicket", uc.RedeemEventTicket == nil},
		{"OpenEventStream", uc.OpenEventStream == nil},
		{"DescribeEvent", uc.DescribeEvent == nil},
	} {
		if f.missing {
			return errors.New("use case " + f.name + " is missing")
		}
	}
	return nil
}
