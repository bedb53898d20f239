package gormstore

import (
	"strings"

	"github.com/parley-chat/parley/application"
)

// viewColumn is one column of a direct conversation view statement. The
// view reads only what a direct conversation, its chat and its two users
// show: no pair key, no password hash, no folded copies; from the
// member's own row only the unread count.
type viewColumn int

// The view's columns. The users' columns follow userViewColumn from
// vcFirstUser and vcSecondUser.
const (
	vcConvID viewColumn = iota
	vcConvAccountID
	vcConvFirstUserID
	vcConvSecondUserID
	vcConvCreatedAt
	vcConvUpdatedAt
	vcChatID
	vcChatAccountID
	vcChatContextType
	vcChatContextID
	vcChatLatestMessageID
	vcChatCreatedAt
	vcChatUpdatedAt
	vcUnreadCount
	vcFirstUser
	vcSecondUser = vcFirstUser + viewColumn(ucCount)
	vcCount      = vcSecondUser + viewColumn(ucCount)
)

// userViewColumn is one column of a user inside a view.
type userViewColumn int

// A user's columns in a view, in the order of viewUserNames.
const (
	ucID userViewColumn = iota
	ucAccountID
	ucName
	ucEmail
	ucRole
	ucCreatedAt
	ucUpdatedAt
	ucDiscardedAt
	ucCount
)

var viewUserNames = [ucCount]string{"id", "account_id", "name", "email", "role", "created_at", "updated_at", "discarded_at"}

// viewColumnNames names every column as selected: table alias and column.
// The result column is called alias_column, which is also the name an
// embedded row with that prefix scans.
var viewColumnNames = func() [vcCount][2]string {
	n := [vcCount][2]string{
		vcConvID: {"c", "id"}, vcConvAccountID: {"c", "account_id"},
		vcConvFirstUserID: {"c", "first_user_id"}, vcConvSecondUserID: {"c", "second_user_id"},
		vcConvCreatedAt: {"c", "created_at"}, vcConvUpdatedAt: {"c", "updated_at"},
		vcChatID: {"ch", "id"}, vcChatAccountID: {"ch", "account_id"}, vcChatContextType: {"ch", "context_type"},
		vcChatContextID: {"ch", "context_id"}, vcChatLatestMessageID: {"ch", "latest_message_id"},
		vcChatCreatedAt: {"ch", "created_at"}, vcChatUpdatedAt: {"ch", "updated_at"},
		vcUnreadCount: {"m", "unread_count"},
	}
	for i, name := range viewUserNames {
		n[vcFirstUser+viewColumn(i)] = [2]string{"u1", name}
		n[vcSecondUser+viewColumn(i)] = [2]string{"u2", name}
	}
	return n
}()

// resultName is the name of column c in the statement's result.
func (c viewColumn) resultName() string { return viewColumnNames[c][0] + "_" + viewColumnNames[c][1] }

// viewSelect renders the select list of the given columns.
func viewSelect(cols []viewColumn) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = viewColumnNames[c][0] + "." + viewColumnNames[c][1] + " AS " + c.resultName()
	}
	return strings.Join(parts, ", ")
}

// allViewColumns lists every view column once, in declaration order.
func allViewColumns() []viewColumn {
	cols := make([]viewColumn, vcCount)
	for i := range cols {
		cols[i] = viewColumn(i)
	}
	return cols
}

// conversationViewFrom joins a member's inbox row to the conversation, its
// chat and both users; the statements add WHERE, ORDER BY and LIMIT.
const conversationViewFrom = `
FROM chat_memberships m
JOIN direct_conversations c ON c.id = m.direct_conversation_id
JOIN chats ch ON ch.id = m.chat_id
JOIN users u1 ON u1.id = c.first_user_id
JOIN users u2 ON u2.id = c.second_user_id`

var conversationViewSelect = "SELECT " + viewSelect(allViewColumns()) + conversationViewFrom

// conversationView is a view row as GORM scans it on SQLite, by the result
// names of viewColumnNames.
type conversationView struct {
	Conv   conversationRow `gorm:"embedded;embeddedPrefix:c_"`
	Chat   chatRow         `gorm:"embedded;embeddedPrefix:ch_"`
	First  userRow         `gorm:"embedded;embeddedPrefix:u1_"`
	Second userRow         `gorm:"embedded;embeddedPrefix:u2_"`
	Member memberUnread    `gorm:"embedded;embeddedPrefix:m_"`
}

// memberUnread is the reading member's unread count of the chat.
type memberUnread struct {
	UnreadCount int `gorm:"column:unread_count"`
}

func (v conversationView) domain() application.DirectConversationView {
	return application.DirectConversationView{
		Conversation: v.Conv.domain(), Chat: v.Chat.domain(),
		FirstUser: v.First.domain(), SecondUser: v.Second.domain(),
		UnreadCount: v.Member.UnreadCount,
	}
}
