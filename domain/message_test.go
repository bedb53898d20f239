package domain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestNewMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content string
		want    string
		problem []domain.Problem
	}{
		{"plain", "hello", "hello", nil},
		{"trimmed", "  hello\n\t", "hello", nil},
		{"inner_white_space_kept", "a  b\nc", "a  b\nc", nil},
		{"empty", "", "", problem("content", domain.RuleRequired)},
		{"only_white_space", " \n\t ", "", problem("content", domain.RuleRequired)},
		{"10000_characters_after_trimming", " " + strings.Repeat("x", 10000) + "\n", strings.Repeat("x", 10000), nil},
		{"10000_multibyte_characters", strings.Repeat("ü", 10000), strings.Repeat("ü", 10000), nil},
		{"10000_four_byte_characters", strings.Repeat("😀", 10000), strings.Repeat("😀", 10000), nil},
		{"10001_characters", strings.Repeat("x", 10001), "", problem("content", domain.RuleTooLong)},
		{"10001_multibyte_characters", strings.Repeat("ü", 10001), "", problem("content", domain.RuleTooLong)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			chat, author := domain.NewID(), domain.NewID()
			now := fixedTime()
			msg, err := domain.NewMessage(chat, author, tt.content, now)
			require.Equal(t, tt.problem, problemsOf(t, err))
			if tt.problem != nil {
				return
			}
			require.Equal(t, tt.want, msg.Content)
			require.NotEqual(t, domain.NilID, msg.ID)
			require.Equal(t, chat, msg.ChatID)
			require.Equal(t, author, msg.AuthorID)
			require.Equal(t, time.UTC, msg.CreatedAt.Location())
			require.Equal(t, domain.Timestamp(now), msg.CreatedAt)
		})
	}
}
