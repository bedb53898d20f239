package domain

// MessageCreatedEvent is the event of posting msg; its recipients are the
// chat's members, which the store reads in the posting transaction.
func MessageCreatedEvent(msg Message) EventDraft {
	return EventDraft{Name: EventMessageCreated, ChatID: msg.ChatID, SubjectID: msg.ID}
}

// DirectConversationCreatedEvent is the event of starting agg, to both
// participants (the starter's other devices learn of it too).
func DirectConversationCreatedEvent(agg DirectConversationAggregate) EventDraft {
	c := agg.Conversation
	return EventDraft{
		Name:       EventDirectConversationCreated,
		ChatID:     agg.Chat.ID,
		SubjectID:  c.ID,
		Recipients: []ID{c.FirstUserID, c.SecondUserID},
	}
}

// ChatBookmarkUpdatedEvent is the event of b being created or moved
// forward; its recipients are the chat's members. The subject is the
// bookmark's owner: a bookmark is identified by its chat and user.
func ChatBookmarkUpdatedEvent(b ChatBookmark) EventDraft {
	return EventDraft{Name: EventChatBookmarkUpdated, ChatID: b.ChatID, SubjectID: b.UserID}
}
