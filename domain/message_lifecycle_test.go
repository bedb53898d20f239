package domain_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

func TestMessageEdit(t *testing.T) {
	t.Parallel()
	now := fixedTime()
	msg, err := domain.NewMessage(domain.NewID(), domain.NewID(), "hello", now)
	require.NoError(t, err)

	edited, err := msg.Edit("  hello again\n", now.Add(time.Minute))
	require.NoError(t, err)
	require.Equal(t, "hello again", edited.Content)
	require.Equal(t, domain.Timestamp(now.Add(time.Minute)), *edited.EditedAt)
	require.Equal(t, msg.CreatedAt, edited.CreatedAt)
	require.Nil(t, edited.DiscardedAt)
	require.Equal(t, "hello", msg.Content, "the original value is left alone")
	require.Nil(t, msg.EditedAt)

	for _, bad := range []struct {
		content string
		rule    domain.Rule
	}{{" \n ", domain.RuleRequired}, {strings.Repeat("x", 10001), domain.RuleTooLong}} {
		_, err := msg.Edit(bad.content, now)
		require.Equal(t, problem("content", bad.rule), problemsOf(t, err))
	}
	_, err = msg.Withdraw(now).Edit("back", now)
	require.ErrorIs(t, err, domain.ErrMessageWithdrawn)
	require.True(t, errors.Is(err, domain.ErrConflict), "a tombstone edit is a conflict")
}

func TestMessageWithdraw(t *testing.T) {
	t.Parallel()
	now := fixedTime()
	author := domain.NewID()
	msg, err := domain.NewMessage(domain.NewID(), author, "oops", now)
	require.NoError(t, err)
	reader := domain.NewID()
	require.True(t, domain.Unread(msg, reader, nil))

	gone := msg.Withdraw(now.Add(time.Hour))
	require.True(t, gone.Withdrawn())
	require.Empty(t, gone.Content)
	require.Equal(t, domain.Timestamp(now.Add(time.Hour)), *gone.DiscardedAt)
	require.Equal(t, msg.CreatedAt, gone.CreatedAt)
	require.False(t, msg.Withdrawn())
	require.False(t, domain.Unread(gone, reader, nil), "a tombstone is never unread")
	require.Equal(t, gone, gone.Withdraw(now.Add(2*time.Hour)), "withdrawing twice changes nothing")
}
