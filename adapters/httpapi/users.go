package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

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
func (h *handler) me(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	h.showUser(c, actor, actor.UserID)
}

// getUser answers one user of the caller's account; an id that is not a
// UUID cannot name one.
func (h *handler) getUser(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		h.fail(c, domain.ErrNotFound)
		return
	}
	h.showUser(c, actor, id)
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
	cd := newCompound(q)
	writeDocument(c, http.StatusOK, cd.single(cd.primary(userResource(&user, cd.fields, &cd.arena))))
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
	cd := newCompound(q)
	h.page(c, cd, userCollection(page.Items, cd.fields, &cd.arena), page.Next)
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
	cd := newCompound(q)
	res := cd.primary(userResource(&user, cd.fields, &cd.arena))
	c.Header("Location", res.Links.Self())
	writeDocument(c, http.StatusCreated, cd.single(res))
}
