// Package memstore keeps Parley's data in process memory behind the same ports
// as the SQL stores. It serves tests and single-process demos; everything is
// lost when the process ends.
package memstore

import (
	"context"
	"slices"
	"sync"

	"github.com/parley-chat/parley/domain"
)

// Store is one shared in-memory database. All repositories and read models
// built on the same Store see the same data. It is safe for concurrent use;
// every write is atomic.
type Store struct {
	mu            sync.RWMutex
	accounts      map[domain.ID]domain.Account
	users         map[domain.ID]domain.User
	emails        map[string]domain.ID
	conversations map[domain.ID]domain.DirectConversation
	pairs         map[pairKey]domain.ID
	chats         map[domain.ID]domain.Chat
	chatOf        map[domain.ID]domain.ID
	memberships   map[domain.ID][]domain.ChatMembership
	messages      map[domain.ID]domain.Message
	chatMessages  map[domain.ID][]domain.ID
	revoked       map[string]domain.RevokedToken
	tickets       map[string]domain.EventTicket
	bookmarks     map[memberKey]domain.ChatBookmark
	unread        map[memberKey]int
	streams       map[domain.ID]*eventStream
	eventHook     func(recipients []domain.ID)
}

// memberKey identifies one member's read state of one chat.
type memberKey struct {
	chat, user domain.ID
}

// pairKey identifies the unordered pair of a direct conversation inside an
// account.
type pairKey struct {
	account   domain.ID
	low, high domain.ID
}

func newPairKey(account, a, b domain.ID) pairKey {
	low, high := domain.OrderedPair(a, b)
	return pairKey{account: account, low: low, high: high}
}

// New returns an empty store.
func New() *Store {
	return &Store{
		accounts:      map[domain.ID]domain.Account{},
		users:         map[domain.ID]domain.User{},
		emails:        map[string]domain.ID{},
		conversations: map[domain.ID]domain.DirectConversation{},
		pairs:         map[pairKey]domain.ID{},
		chats:         map[domain.ID]domain.Chat{},
		chatOf:        map[domain.ID]domain.ID{},
		memberships:   map[domain.ID][]domain.ChatMembership{},
		messages:      map[domain.ID]domain.Message{},
		chatMessages:  map[domain.ID][]domain.ID{},
		revoked:       map[string]domain.RevokedToken{},
		tickets:       map[string]domain.EventTicket{},
		bookmarks:     map[memberKey]domain.ChatBookmark{},
		unread:        map[memberKey]int{},
		streams:       map[domain.ID]*eventStream{},
	}
}

// Ping reports whether the store answers, which it always does.
func (s *Store) Ping(context.Context) error { return nil }

// Counts is how many records of each kind a store holds.
type Counts struct {
	Accounts            int
	Users               int
	DirectConversations int
	Chats               int
	ChatMemberships     int
	Messages            int
}

// Counts returns the number of records of each kind, so that tests can check
// that a failed write left nothing behind.
func (s *Store) Counts() Counts {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := Counts{
		Accounts:            len(s.accounts),
		Users:               len(s.users),
		DirectConversations: len(s.conversations),
		Chats:               len(s.chats),
		Messages:            len(s.messages),
	}
	for _, ms := range s.memberships {
		c.ChatMemberships += len(ms)
	}
	return c
}

// copyChat returns c without sharing its latest-message pointer.
func copyChat(c domain.Chat) domain.Chat {
	if c.LatestMessageID != nil {
		id := *c.LatestMessageID
		c.LatestMessageID = &id
	}
	return c
}

// copyMembership returns m without sharing its rights slice.
func copyMembership(m domain.ChatMembership) domain.ChatMembership {
	m.Rights = slices.Clone(m.Rights)
	return m
}
