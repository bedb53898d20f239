package httpapi

import (
	"context"
	"errors"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// typeEventTicket is the resource type of an event ticket.
const typeEventTicket = "event_ticket"

// eventTicketResource renders a ticket as issued: its secret is shown this
// once. Its id is the stored hash, which reveals nothing.
func eventTicketResource(t application.IssuedEventTicket, ar *jsonapi.Arena) jsonapi.Resource {
	a := jsonapi.NewObject(ar, nil, 160)
	a.Str("ticket", t.Secret)
	a.Time("expires_at", t.ExpiresAt)
	return jsonapi.Resource{Type: typeEventTicket, ID: t.ID, Attributes: a.Done()}
}

// eventRenderer returns how a stream of actor renders its events: the
// JSON:API document of the subject as it is now, as the routes that read
// it would answer. A subject the recipient may no longer see renders as
// nil, and the event is skipped.
func (h *handler) eventRenderer(actor domain.Actor) eventRenderer {
	return func(ctx context.Context, e domain.Event) ([]byte, error) {
		subject, err := h.uc.DescribeEvent.Execute(ctx, actor, e)
		if errors.Is(err, domain.ErrNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		cd := jsonapi.NewCompound(nil, nil)
		var res jsonapi.Resource
		switch {
		case subject.Message != nil:
			res = cd.Primary(messageResource(subject.Message, cd.Fields(), &cd.Arena))
		case subject.Conversation != nil:
			res = addDirectConversation(cd, subject.Conversation)
		case subject.Bookmark != nil:
			res = cd.Primary(eventBookmarkResource(subject.Bookmark, actor, cd))
		default:
			return nil, nil
		}
		doc := cd.Single(res)
		return doc.AppendJSON(nil), nil
	}
}

// eventBookmarkResource renders a bookmark for a stream. The recipient's
// own bookmark is the resource GET /chats/:id/bookmark answers; a peer's
// (a read receipt) has no address of its own, so it is named by its chat
// and user and carries no self link.
func eventBookmarkResource(b *domain.ChatBookmark, actor domain.Actor, cd *jsonapi.Compound) jsonapi.Resource {
	res := chatBookmarkResource(b, cd.Fields(), &cd.Arena)
	if b.UserID != actor.UserID {
		res.ID = b.ChatID.String() + "_" + b.UserID.String()
		res.Links = jsonapi.ResourceLinks{}
	}
	return res
}
