package httpapi

import (
	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/application"
)

// requestInput turns a create document into the use case's typed input:
// spec says what the document may hold, and bind, the one place where the
// attribute names meet the input's fields, fills the input from the
// writable attributes that were sent. Handlers add what comes from the
// path or the caller (the actor, a chat id).
type requestInput[T any] struct {
	spec documentSpec
	bind func(attrs map[string]string) T
}

// The inputs of the create endpoints.
var (
	signUpInput = requestInput[application.SignUpInput]{signUpDocument,
		func(a map[string]string) application.SignUpInput {
			return application.SignUpInput{AccountName: a["account_name"], Name: a["name"], Email: a["email"], Password: a["password"]}
		}}
	signInInput = requestInput[application.SignInInput]{signInDocument,
		func(a map[string]string) application.SignInInput {
			return application.SignInInput{Email: a["email"], Password: a["password"]}
		}}
	createUserInput = requestInput[application.CreateUserInput]{createUserDoc,
		func(a map[string]string) application.CreateUserInput {
			return application.CreateUserInput{Name: a["name"], Email: a["email"], Password: a["password"]}
		}}
	startConversationInput = requestInput[application.StartDirectConversationInput]{startConversationDoc,
		func(a map[string]string) application.StartDirectConversationInput {
			return application.StartDirectConversationInput{UserID: a["user_id"]}
		}}
	postMessageInput = requestInput[application.PostMessageInput]{postMessageDoc,
		func(a map[string]string) application.PostMessageInput {
			return application.PostMessageInput{Content: a["content"]}
		}}
)

// readInput reads the request document against in's spec into the typed
// input, answering the error itself.
func readInput[T any](h *handler, c *gin.Context, in requestInput[T]) (T, bool) {
	attrs, err := readDocument(c.Request, in.spec)
	if err != nil {
		h.fail(c, err)
		var zero T
		return zero, false
	}
	return in.bind(attrs), true
}

// userUpdate is a PATCH /users document: the profile edit, the password
// change when password or current_password was sent, and data.id if given.
type userUpdate struct {
	id       *string
	profile  application.UpdateUserInput
	password *application.ChangePasswordInput
}

// updateUserInput reads an update document; absent attributes stay nil.
var updateUserInput = requestInput[userUpdate]{updateUserDoc,
	func(a map[string]string) userUpdate {
		field := func(name string) *string {
			if v, ok := a[name]; ok {
				return &v
			}
			return nil
		}
		_, reactivate := a["discarded_at"]
		u := userUpdate{id: field("id"), profile: application.UpdateUserInput{
			Name: field("name"), Email: field("email"), Role: field("role"), Reactivate: reactivate}}
		_, pw := a["password"]
		_, cur := a["current_password"]
		if pw || cur {
			u.password = &application.ChangePasswordInput{CurrentPassword: a["current_password"], Password: a["password"]}
		}
		return u
	}}
