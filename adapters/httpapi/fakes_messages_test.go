package httpapi

import (
	"context"

	"github.com/parley-chat/parley/domain"
)

// Find returns the message with id in any account; the membership lookup
// that follows keeps other accounts out.
func (m fakeMessages) Find(_ context.Context, _, id domain.ID) (domain.Message, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, msg := range m.messages {
		if msg.ID == id {
			return msg, nil
		}
	}
	return domain.Message{}, domain.ErrNotFound
}

// Edit replaces the stored message.
func (m fakeMessages) Edit(_ context.Context, msg domain.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.messages {
		if m.messages[i].ID == msg.ID {
			m.messages[i] = msg
			return nil
		}
	}
	return domain.ErrNotFound
}

// Withdraw replaces the stored message with its tombstone.
func (m fakeMessages) Withdraw(_ context.Context, msg domain.Message) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.messages {
		if m.messages[i].ID == msg.ID {
			was := m.messages[i].Withdrawn()
			m.messages[i] = msg
			return !was, nil
		}
	}
	return false, domain.ErrNotFound
}
