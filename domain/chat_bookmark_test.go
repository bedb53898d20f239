package domain_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestNewChatBookmark(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 14, 9, 26, 53, 589793123, time.UTC)
	chat, user := domain.NewID(), domain.NewID()
	for _, tc := range []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"past_is_kept", now.Add(-time.Hour), now.Add(-time.Hour)},
		{"future_counts_as_now", now.Add(time.Hour), now},
		{"zero_means_now", time.Time{}, now},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := domain.NewChatBookmark(chat, user, tc.at, now)
			require.Equal(t, domain.ChatBookmark{ChatID: chat, UserID: user, UpdatedAt: domain.Timestamp(tc.want)}, b)
		})
	}
}

func TestUnread(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	me, other := domain.NewID(), domain.NewID()
	mark := &domain.ChatBookmark{UpdatedAt: now}
	for _, tc := range []struct {
		name   string
		author domain.ID
		at     time.Time
		b      *domain.ChatBookmark
		want   bool
	}{
		{"others_without_bookmark", other, now, nil, true},
		{"own_never", me, now.Add(time.Hour), nil, false},
		{"others_after_bookmark", other, now.Add(time.Microsecond), mark, true},
		{"others_at_bookmark", other, now, mark, false},
		{"others_before_bookmark", other, now.Add(-time.Second), mark, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			msg := domain.Message{AuthorID: tc.author, CreatedAt: tc.at}
			require.Equal(t, tc.want, domain.Unread(msg, me, tc.b))
		})
	}
}
