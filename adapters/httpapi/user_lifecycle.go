package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/adapters/httpapi/middleware"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// updateUserDoc is what PATCH /users/:id accepts: a partial user; discarded_at
// only as null (reactivation), password only with current_password.
var updateUserDoc = documentSpec{typ: typeUser, update: true,
	writable: []string{"name", "email", "role", "password", "current_password"},
	nullable: []string{"discarded_at"},
	readOnly: []string{"created_at", "updated_at"}}

// updateMe edits the current user.
func (h *handler) updateMe(c *gin.Context) { h.withUser(c, true, h.updateUserByID) }

// updateUser edits a user of the caller's account.
func (h *handler) updateUser(c *gin.Context) { h.withUser(c, false, h.updateUserByID) }

// updateUserByID applies the profile part of the document first and the
// password part only when that succeeded, so that a refused edit never
// leaves the password changed and the other tokens refused.
func (h *handler) updateUserByID(c *gin.Context, actor domain.Actor, id domain.ID) {
	q, ok := h.query(c, userParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, updateUserInput)
	if !ok {
		return
	}
	if in.id != nil && *in.id != id.String() {
		h.fail(c, reject(http.StatusConflict, codeConflict, message{key: msgIDMismatch}, "/data/id"))
		return
	}
	ctx := c.Request.Context()
	var user domain.User
	var err error
	if in.password != nil && id != actor.UserID {
		// Only oneself changes a password; a user of another account stays
		// a 404 as everywhere.
		if _, err := h.uc.GetUser.Execute(ctx, actor, id); err != nil {
			h.fail(c, err)
			return
		}
		h.fail(c, domain.ErrForbidden)
		return
	}
	if in.profile != (application.UpdateUserInput{}) || in.password == nil {
		if user, err = h.uc.UpdateUser.Execute(ctx, actor, id, in.profile); err != nil {
			h.fail(c, err)
			return
		}
	}
	if in.password != nil {
		claims, _ := middleware.ClaimsOf(c)
		if user, err = h.uc.ChangePassword.Execute(ctx, claims, *in.password); err != nil {
			h.fail(c, err)
			return
		}
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	writeDocument(c, http.StatusOK, cd.Single(cd.Primary(userResource(&user, cd.Fields(), &cd.Arena))))
}

// deactivateUser lets an admin switch a user's access off.
func (h *handler) deactivateUser(c *gin.Context) {
	h.withUser(c, false, func(c *gin.Context, actor domain.Actor, id domain.ID) {
		if err := h.uc.DeactivateUser.Execute(c.Request.Context(), actor, id); err != nil {
			h.fail(c, err)
			return
		}
		c.Status(http.StatusNoContent)
	})
}
