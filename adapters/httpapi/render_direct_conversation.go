package httpapi

import (
	"github.com/parley-chat/parley/application"
)

// directConversationPath is the path of a direct conversation resource.
func directConversationPath(id string) string { return "/api/v1/direct_conversations/" + id }

// directConversationResource renders a direct conversation with linkage to
// its chat and both users; user_id is write-only and never rendered.
func directConversationResource(v *application.DirectConversationView, fs fieldsets) resource {
	conv := &v.Conversation
	set := fs.of(typeDirectConversation)
	first, second := conv.FirstUserID.String(), conv.SecondUserID.String()
	a := newObject(set, 160)
	a.str("first_user_id", first)
	a.str("second_user_id", second)
	a.time("created_at", conv.CreatedAt)
	a.time("updated_at", conv.UpdatedAt)
	r := newObject(set, 256)
	r.toOne("chat", typeChat, v.Chat.ID.String())
	r.toOne("first_user", typeUser, first)
	r.toOne("second_user", typeUser, second)
	id := conv.ID.String()
	return resource{Type: typeDirectConversation, ID: id, Attributes: a.done(), Relationships: r.done(),
		Links: &resourceLinks{Self: directConversationPath(id)}}
}

// addDirectConversation renders v as primary data and includes what the
// client asked for.
func (cd *compound) addDirectConversation(v *application.DirectConversationView) resource {
	res := cd.primary(directConversationResource(v, cd.fields))
	if cd.wants("chat") {
		cd.add(typeChat, v.Chat.ID.String(), func() resource { return chatResource(&v.Chat, nil, cd.fields) })
	}
	if cd.wants("first_user") {
		cd.add(typeUser, v.FirstUser.ID.String(), func() resource { return userResource(&v.FirstUser, cd.fields) })
	}
	if cd.wants("second_user") {
		cd.add(typeUser, v.SecondUser.ID.String(), func() resource { return userResource(&v.SecondUser, cd.fields) })
	}
	return res
}
