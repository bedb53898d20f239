package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/domain"
)

var (
	userParams     = paramSpec{documents: true}
	userListParams = paramSpec{documents: true, list: true}
	createUserDoc  = documentSpec{typ: typeUser,
		writable: []string{"name", "email", "password"},
		readOnly: []string{"role", "created_at", "updated_at"}}
)

// me answers the current user.
func (h *handler) me(c *gin.Context) { h.withUser(c, true, h.showUser) }

// getUser answers one user of the caller's account.
func (h *handler) getUser(c *gin.Context) { h.withUser(c, false, h.showUser) }

// withUser calls do with the caller and the user a route names: the caller
// themself for the /users/me routes, else the :id path parameter, where an
// id that is not a UUID cannot name a user.
func (h *handler) withUser(c *gin.Context, self bool, do func(*gin.Context, domain.Actor, domain.ID)) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	id := actor.UserID
	if !self {
		var err error
		if id, err = domain.ParseID(c.Param("id")); err != nil {
			h.fail(c, domain.ErrNotFound)
			return
		}
	}
	do(c, actor, id)
}

func (h *handler) showUser(c *gin.Context, actor domain.Actor, id domain.ID) {
	q, ok := h.query(c, userParams)
	if !ok {
		return
	}
	user, err := h.uc.GetUser.Execute(c.Request.Context(), actor, id)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusOK, cd.Single(cd.Primary(userResource(&user, cd.Fields(), &cd.Arena))))
}

// listUsers answers a page of the users of the caller's account.
func (h *handler) listUsers(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, userListParams)
	if !ok {
		return
	}
	page, err := h.uc.ListUsers.Execute(c.Request.Context(), actor, q.list)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	h.page(c, cd, userCollection(page.Items, cd.Fields(), &cd.Arena), page.Next)
}

// createUser lets an account admin add a member.
func (h *handler) createUser(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, userParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, createUserInput)
	if !ok {
		return
	}
	user, err := h.uc.CreateUser.Execute(c.Request.Context(), actor, in)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	res := cd.Primary(userResource(&user, cd.Fields(), &cd.Arena))
	c.Header("Location", res.Links.Self())
	writeDocument(c, http.StatusCreated, cd.Single(res))
}
