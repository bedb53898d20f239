package domain

import (
	"context"
	"time"
)

// EventName says what an event tells its recipients.
type EventName string

// The events a stream carries.
const (
	EventMessageCreated            EventName = "message.created"
	EventMessageUpdated            EventName = "message.updated"
	EventMessageDeleted            EventName = "message.deleted"
	EventDirectConversationCreated EventName = "direct_conversation.created"
	EventChatBookmarkUpdated       EventName = "chat_bookmark.updated"
)

// Event is one committed change as a recipient's stream sees it. It holds
// the ids of its subject, not a rendered document: the edge renders the
// current state when it delivers, so a rename since is visible.
//
// Seq is the event's position in the recipient's own stream: 1, 2, 3, ...
// without gaps, assigned in the transaction that writes the change, so a
// later Seq of a recipient always commits later. It is what a client sends
// back as Last-Event-ID.
type Event struct {
	Seq        int64
	Recipient  ID
	Name       EventName
	ChatID     ID
	SubjectID  ID // the message, conversation or bookmark owner's user id
	OccurredAt time.Time
}

// EventDraft is an event before it is written: one per change, with every
// recipient it goes to. The store stamps it with the time it writes it,
// which retention and delivery latency count from (a bookmark's own time
// may lie far in the past).
type EventDraft struct {
	Name       EventName
	ChatID     ID
	SubjectID  ID
	Recipients []ID
}

// EventLog reads the events the stores appended with their changes.
type EventLog interface {
	// After returns up to limit events of recipient with Seq > after, in
	// Seq order.
	After(ctx context.Context, recipient ID, after int64, limit int) ([]Event, error)
	// Horizon returns the oldest Seq of recipient still retained (next, the
	// Seq the next event will get, when none is retained) and next. A
	// client that last saw Seq s has lost events iff s+1 < oldest.
	Horizon(ctx context.Context, recipient ID) (oldest, next int64, err error)
	// Purge deletes the events that occurred before cutoff and returns how
	// many recipient rows went.
	Purge(ctx context.Context, cutoff time.Time) (int64, error)
}

// MessageCreatedEvent is the event of posting msg; its recipients are the
// chat's members, which the store reads in the posting transaction.
func MessageCreatedEvent(msg Message) EventDraft {
	return EventDraft{Name: EventMessageCreated, ChatID: msg.ChatID, SubjectID: msg.ID}
}

// MessageUpdatedEvent is the event of editing msg, to the chat's members.
func MessageUpdatedEvent(msg Message) EventDraft {
	return EventDraft{Name: EventMessageUpdated, ChatID: msg.ChatID, SubjectID: msg.ID}
}

// MessageDeletedEvent is the event of withdrawing msg, to the chat's
// members; the subject stays readable as a tombstone.
func MessageDeletedEvent(msg Message) EventDraft {
	return EventDraft{Name: EventMessageDeleted, ChatID: msg.ChatID, SubjectID: msg.ID}
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
