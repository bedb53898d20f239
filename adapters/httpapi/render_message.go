package httpapi

import (
	"time"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// messagesPath is the prefix of a message's own path; the path adds its id.
const messagesPath = "/api/v1/messages/"

// messageResource renders a message with linkage to its author and its
// self link. A tombstone renders content as null.
func messageResource(m *domain.Message, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	set := fs.Of(typeMessage)
	author := m.AuthorID.String()
	id := m.ID.String()
	a := jsonapi.NewObject(ar, set, 192+len(m.Content))
	if m.Withdrawn() {
		a.Null("content")
	} else {
		a.Str("content", m.Content)
	}
	a.Str("chat_id", m.ChatID.String())
	a.Str("author_id", author)
	a.Time("created_at", m.CreatedAt)
	optionalTime(&a, "edited_at", m.EditedAt)
	optionalTime(&a, "discarded_at", m.DiscardedAt)
	r := jsonapi.NewObject(ar, set, 96)
	r.ToOne("author", typeUser, author)
	return jsonapi.Resource{Type: typeMessage, ID: id, Attributes: a.Done(), Relationships: r.Done(),
		Links: jsonapi.SelfLink(messagesPath, id)}
}

// optionalTime renders t, or null when there is none.
func optionalTime(o *jsonapi.Object, name string, t *time.Time) {
	if t == nil {
		o.Null(name)
		return
	}
	o.Time(name, *t)
}

// addMessage renders v as primary data and includes its author when asked.
func addMessage(cd *jsonapi.Compound, v *application.MessageView) jsonapi.Resource {
	res := cd.Primary(messageResource(&v.Message, cd.Fields(), &cd.Arena))
	if cd.Wants("author") {
		cd.Add(typeUser, v.Author.ID.String(), func() jsonapi.Resource { return userResource(&v.Author, cd.Fields(), &cd.Arena) })
	}
	return res
}
