package httpapi

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	conversationIncludes = append(slices.Clone(application.DirectConversationResource.Relationships),
		includeChatLatestMessage, includeChatLatestMessageAuthor, includeChatBookmark)
	conversationParams     = paramSpec{documents: true, includable: conversationIncludes}
	conversationListParams = paramSpec{documents: true, includable: conversationIncludes, list: true, searchPeer: true, unread: true}
	startConversationDoc   = documentSpec{typ: typeDirectConversation,
		writable: []string{"user_id"},
		readOnly: []string{"first_user_id", "second_user_id", "created_at", "updated_at"}}
)

// startDirectConversation opens the conversation with another user: 201 for
// a new pair, 200 with the existing conversation otherwise.
func (h *handler) startDirectConversation(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, conversationParams)
	if !ok {
		return
	}
	in, ok := readInput(h, c, startConversationInput)
	if !ok {
		return
	}
	in.Actor = actor
	out, err := h.uc.StartDirectConversation.Execute(c.Request.Context(), in)
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	views := []application.DirectConversationView{out.View}
	if !h.loadDetails(c, cd, actor, views) {
		return
	}
	out.View = views[0]
	res := addDirectConversation(cd, &out.View)
	status := http.StatusOK
	if out.Created {
		status = http.StatusCreated
		c.Header("Location", res.Links.Self())
	}
	writeDocument(c, status, cd.Single(res))
}

// getDirectConversation answers one of the caller's conversations.
func (h *handler) getDirectConversation(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, conversationParams)
	if !ok {
		return
	}
	view, err := h.uc.GetDirectConversation.Execute(c.Request.Context(), actor, c.Param("direct_conversation_id"))
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	views := []application.DirectConversationView{view}
	if !h.loadDetails(c, cd, actor, views) {
		return
	}
	writeDocument(c, http.StatusOK, cd.Single(addDirectConversation(cd, &views[0])))
}

// listDirectConversations answers a page of the caller's conversations.
func (h *handler) listDirectConversations(c *gin.Context) {
	actor, ok := h.actor(c)
	if !ok {
		return
	}
	q, ok := h.query(c, conversationListParams)
	if !ok {
		return
	}
	page, err := h.uc.ListDirectConversations.Execute(c.Request.Context(), application.ListDirectConversationsInput{
		Actor: actor, Query: q.list, SearchPeer: q.searchPeer, UnreadOnly: q.unreadOnly,
	})
	if err != nil {
		h.fail(c, err)
		return
	}
	cd := jsonapi.NewCompound(q.fields, q.include)
	if !h.loadDetails(c, cd, actor, page.Items) {
		return
	}
	// Each conversation brings at most its chat, two users, the latest
	// message and the bookmark (the author is one of the two users).
	cd.Expect(6 * len(page.Items))
	data := make([]jsonapi.Resource, len(page.Items))
	for i := range page.Items {
		data[i] = addDirectConversation(cd, &page.Items[i])
	}
	h.page(c, cd, data, page.Next)
}

// loadDetails fills the chat details the request's includes name into
// views, in one statement per kind for all of them, answering the error
// itself.
func (h *handler) loadDetails(c *gin.Context, cd *jsonapi.Compound, actor domain.Actor, views []application.DirectConversationView) bool {
	want := conversationDetails(cd)
	if !want.LatestMessage && !want.Bookmark {
		return true
	}
	if err := h.uc.LoadConversationDetails.Execute(c.Request.Context(), actor, views, want); err != nil {
		h.fail(c, err)
		return false
	}
	return true
}
