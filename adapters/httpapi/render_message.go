package httpapi

import (
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// messageResource renders a message with linkage to its author. Messages
// have no endpoint of their own, so no self link.
func messageResource(m *domain.Message, fs fieldsets, ar *arena) resource {
	set := fs.of(typeMessage)
	author := m.AuthorID.String()
	a := newObject(ar, set, 128+len(m.Content))
	a.str("content", m.Content)
	a.str("chat_id", m.ChatID.String())
	a.str("author_id", author)
	a.time("created_at", m.CreatedAt)
	r := newObject(ar, set, 96)
	r.toOne("author", typeUser, author)
	return resource{Type: typeMessage, ID: m.ID.String(), Attributes: a.done(), Relationships: r.done()}
}

// addMessage renders v as primary data and includes its author when asked.
func (cd *compound) addMessage(v *application.MessageView) resource {
	res := cd.primary(messageResource(&v.Message, cd.fields, &cd.arena))
	if cd.wants("author") {
		cd.add(typeUser, v.Author.ID.String(), func() resource { return userResource(&v.Author, cd.fields, &cd.arena) })
	}
	return res
}
