package httpapi

import (
	"encoding/hex"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// directConversationsPath is the path prefix of direct conversation
// resources; a conversation's own path adds its id.
const directConversationsPath = "/api/v1/direct_conversations/"

// conversationIDs are a view's ids as text, formatted once: the resource,
// its linkage and the included resources all repeat them.
type conversationIDs struct {
	conv, chat, first, second string
}

// idsOf formats the four ids into one string and slices it: four strings per
// conversation were the largest share of a list page's allocations.
func idsOf(v *application.DirectConversationView) conversationIDs {
	var buf [4 * uuidLength]byte
	b := appendUUID(buf[:0], v.Conversation.ID)
	b = appendUUID(b, v.Chat.ID)
	b = appendUUID(b, v.Conversation.FirstUserID)
	b = appendUUID(b, v.Conversation.SecondUserID)
	all := string(b)
	return conversationIDs{conv: all[:uuidLength], chat: all[uuidLength : 2*uuidLength],
		first: all[2*uuidLength : 3*uuidLength], second: all[3*uuidLength:]}
}

// directConversationResource renders a direct conversation with linkage to
// its chat and both users; user_id is write-only and never rendered.
func directConversationResource(v *application.DirectConversationView, ids conversationIDs, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	conv := &v.Conversation
	set := fs.Of(typeDirectConversation)
	a := jsonapi.NewObject(ar, set, 224)
	a.Str("first_user_id", ids.first)
	a.Str("second_user_id", ids.second)
	a.Time("created_at", conv.CreatedAt)
	a.Time("updated_at", conv.UpdatedAt)
	r := jsonapi.NewObject(ar, set, 256)
	r.ToOne("chat", typeChat, ids.chat)
	r.ToOne("first_user", typeUser, ids.first)
	r.ToOne("second_user", typeUser, ids.second)
	return jsonapi.Resource{Type: typeDirectConversation, ID: ids.conv, Attributes: a.Done(), Relationships: r.Done(),
		Links: jsonapi.SelfLink(directConversationsPath, ids.conv), Meta: unreadMeta(v.UnreadCount)}
}

// addDirectConversation renders v as primary data and includes what the
// client asked for.
func addDirectConversation(cd *jsonapi.Compound, v *application.DirectConversationView) jsonapi.Resource {
	ids := idsOf(v)
	res := cd.Primary(directConversationResource(v, ids, cd.Fields(), &cd.Arena))
	if wantsChat(cd) {
		addConversationChat(cd, v, ids)
	}
	if cd.Wants("first_user") {
		cd.Add(typeUser, ids.first, func() jsonapi.Resource { return userResourceWithID(&v.FirstUser, ids.first, cd.Fields(), &cd.Arena) })
	}
	if cd.Wants("second_user") {
		cd.Add(typeUser, ids.second, func() jsonapi.Resource { return userResourceWithID(&v.SecondUser, ids.second, cd.Fields(), &cd.Arena) })
	}
	return res
}

// uuidLength is the length of an id in its canonical text form.
const uuidLength = 36

// appendUUID appends id in the canonical form uuid.UUID.String writes
// (lower-case hex, 8-4-4-4-12), so that several ids can share one
// allocation.
func appendUUID(b []byte, id domain.ID) []byte {
	var text [uuidLength]byte
	hex.Encode(text[0:8], id[0:4])
	text[8] = '-'
	hex.Encode(text[9:13], id[4:6])
	text[13] = '-'
	hex.Encode(text[14:18], id[6:8])
	text[18] = '-'
	hex.Encode(text[19:23], id[8:10])
	text[23] = '-'
	hex.Encode(text[24:], id[10:])
	return append(b, text[:]...)
}
