package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
)

var (
	signUpDocument = documentSpec{typ: typeUser,
		writable: []string{"account_name", "name", "email", "password"},
		readOnly: []string{"role", "created_at", "updated_at"}}
	signInDocument = documentSpec{typ: typeSession, writable: []string{"email", "password"}}
	sessionParams  = paramSpec{documents: true}
)

// signUp creates an account with its first user and signs them in.
func (h *handler) signUp(c *gin.Context) {
	q, ok := h.query(c, sessionParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, signUpInput)
	if !ok {
		return
	}
	session, err := h.uc.SignUp.Execute(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeSession(c, http.StatusCreated, q, session)
}

// signIn checks credentials and hands out a token.
func (h *handler) signIn(c *gin.Context) {
	q, ok := h.query(c, sessionParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, signInInput)
	if !ok {
		return
	}
	session, err := h.uc.SignIn.Execute(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	h.writeSession(c, http.StatusOK, q, session)
}

// writeSession answers with the signed-in user and the token in the
// Authorization response header.
func (h *handler) writeSession(c *gin.Context, status int, q queryParams, s application.Session) {
	cd := jsonapi.NewCompound(q.fields, q.include)
	res := cd.Primary(userResource(&s.User, cd.Fields(), &cd.Arena))
	c.Header("Authorization", "Bearer "+s.Token.Value)
	c.Header("Cache-Control", "no-store")
	if status == http.StatusCreated {
		c.Header("Location", res.Links.Self())
	}
	writeDocument(c, status, cd.Single(res))
}

// signOut revokes the presented token.
func (h *handler) signOut(c *gin.Context) {
	if _, ok := h.query(c, paramSpec{}); !ok {
		return
	}
	claims, ok := middleware.ClaimsOf(c)
	if !ok {
		h.fail(c, middleware.ErrNoClaims)
		return
	}
	if err := h.uc.SignOut.Execute(c.Request.Context(), claims); err != nil {
		h.fail(c, err)
		return
	}
	writeNoContent(c)
}
