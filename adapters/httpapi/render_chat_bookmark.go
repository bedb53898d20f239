package httpapi

import (
	"strconv"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/domain"
)

// bookmarkSuffix ends a bookmark's own path after its chat's path.
const bookmarkSuffix = "/bookmark"

// chatBookmarkResource renders a bookmark. A caller only ever sees their own
// bookmarks, one per chat, so the resource's id is its chat's id and its
// self link is the chat's bookmark path.
func chatBookmarkResource(b *domain.ChatBookmark, fs jsonapi.Fieldsets, ar *jsonapi.Arena) jsonapi.Resource {
	set := fs.Of(typeChatBookmark)
	chatID := b.ChatID.String()
	a := jsonapi.NewObject(ar, set, 160)
	a.Str("chat_id", chatID)
	a.Str("user_id", b.UserID.String())
	a.Time("updated_at", b.UpdatedAt)
	return jsonapi.Resource{Type: typeChatBookmark, ID: chatID, Attributes: a.Done(),
		Links: jsonapi.SelfLink(chatsPath+chatID, bookmarkSuffix)}
}

// unreadMeta is the meta object of a chat or direct conversation: how many
// of its messages are unread for the caller.
func unreadMeta(n int) []byte {
	b := make([]byte, 0, 24)
	b = append(b, `{"unread_count":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '}')
}
