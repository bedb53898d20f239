package httpapi

import (
	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// messageResource renders a message with linkage to its author. Messages
// have no endpoint of their own, so no self link.
func messageResource(m *domain.Message, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	set := fs.Of(typeMessage)
	author := m.AuthorID.String()
	a := jsonapi.NewObject(ar, set, 128+len(m.Content))
	a.Str("content", m.Content)
	a.Str("chat_id", m.ChatID.String())
	a.Str("author_id", author)
	a.Time("created_at", m.CreatedAt)
	r := jsonapi.NewObject(ar, set, 96)
	r.ToOne("author", typeUser, author)
	return jsonapi.Resource{Type: typeMessage, ID: m.ID.String(), Attributes: a.Done(), Relationships: r.Done()}
}

// addMessage renders v as primary data and includes its author when asked.
func addMessage(cd *jsonapi.Compound, v *application.MessageView) jsonapi.Resource {
	res := cd.Primary(messageResource(&v.Message, cd.Fields(), &cd.Arena))
	if cd.Wants("author") {
		cd.Add(typeUser, v.Author.ID.String(), func() jsonapi.Resource { return userResource(&v.Author, cd.Fields(), &cd.Arena) })
	}
	return res
}
