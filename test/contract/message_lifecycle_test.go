package contract_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// lifecycle is the message use cases of p, with the clock at now.
type lifecycle struct {
	get      *application.GetMessage
	edit     *application.EditMessage
	withdraw *application.WithdrawMessage
}

func lifecycleOf(p ports, now time.Time) lifecycle {
	c := &clock{now: now}
	return lifecycle{
		get:      application.NewGetMessage(p.members, p.messages),
		edit:     application.NewEditMessage(p.members, p.messages, c),
		withdraw: application.NewWithdrawMessage(p.members, p.messages, c),
	}
}

func TestMessageLifecycleRepository(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		eve := newAccount(t, p, "Eve", "eve@x.test")
		agg := start(t, p, ada, bob, base)
		first := post(t, p, agg.Chat.ID, ada, "first", base.Add(time.Minute))
		last := post(t, p, agg.Chat.ID, ada, "last", base.Add(2*time.Minute))
		uc := lifecycleOf(p, base.Add(time.Hour))

		t.Run("find_is_scoped_to_the_account", func(t *testing.T) {
			got, err := p.messages.Find(ctx, ada.AccountID, first.ID)
			require.NoError(t, err)
			require.Equal(t, first, got)
			_, err = p.messages.Find(ctx, eve.AccountID, first.ID)
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = p.messages.Find(ctx, ada.AccountID, domain.NewID())
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = uc.get.Execute(ctx, actorOf(eve), first.ID.String())
			require.ErrorIs(t, err, domain.ErrNotFound)
			_, err = uc.get.Execute(ctx, actorOf(bob), "nope")
			require.ErrorIs(t, err, domain.ErrNotFound)
		})
		t.Run("edit_keeps_only_the_current_text", func(t *testing.T) {
			edited, err := uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(ada), MessageID: first.ID.String(), Content: " corrected "})
			require.NoError(t, err)
			require.Equal(t, "corrected", edited.Content)
			require.Equal(t, base.Add(time.Hour), *edited.EditedAt)
			got, err := uc.get.Execute(ctx, actorOf(bob), first.ID.String())
			require.NoError(t, err)
			require.Equal(t, edited, got)
			_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(bob), MessageID: first.ID.String(), Content: "mine now"})
			require.ErrorIs(t, err, domain.ErrForbidden)
			view, err := p.chatReads.Get(ctx, actorOf(bob), agg.Chat.ID)
			require.NoError(t, err)
			require.Equal(t, last.CreatedAt, view.Chat.UpdatedAt, "an edit does not move the chat")
			require.Equal(t, last.ID, view.LatestMessage.ID)
		})
		t.Run("withdraw_leaves_a_tombstone_once", func(t *testing.T) {
			require.ErrorIs(t, uc.withdraw.Execute(ctx, actorOf(bob), last.ID.String()), domain.ErrForbidden)
			require.NoError(t, uc.withdraw.Execute(ctx, actorOf(ada), last.ID.String()))
			stored, err := p.messages.Find(ctx, ada.AccountID, last.ID)
			require.NoError(t, err)
			require.Empty(t, stored.Content, "the text is erased from the store")
			require.Equal(t, base.Add(time.Hour), *stored.DiscardedAt)
			require.Equal(t, last.CreatedAt, stored.CreatedAt)
			again, err := p.messages.Withdraw(ctx, stored.Withdraw(base.Add(2*time.Hour)))
			require.NoError(t, err)
			require.False(t, again, "a tombstone is withdrawn once")
			require.NoError(t, uc.withdraw.Execute(ctx, actorOf(ada), last.ID.String()))
			stored2, err := p.messages.Find(ctx, ada.AccountID, last.ID)
			require.NoError(t, err)
			require.Equal(t, stored, stored2, "withdrawing again changes nothing")

			_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(ada), MessageID: last.ID.String(), Content: "revived"})
			require.ErrorIs(t, err, domain.ErrMessageWithdrawn)
			require.ErrorIs(t, p.messages.Edit(ctx, domain.Message{ID: last.ID, ChatID: last.ChatID, AuthorID: ada.ID,
				Content: "revived", CreatedAt: last.CreatedAt, EditedAt: timePtr(base.Add(3 * time.Hour))}), domain.ErrMessageWithdrawn,
				"the store refuses to edit a tombstone even when the caller did not know")
			got, err := uc.get.Execute(ctx, actorOf(bob), last.ID.String())
			require.NoError(t, err)
			require.Equal(t, stored, got)

			view, err := p.chatReads.Get(ctx, actorOf(bob), agg.Chat.ID)
			require.NoError(t, err)
			require.Equal(t, last.CreatedAt, view.Chat.UpdatedAt)
			require.Equal(t, last.ID, *view.Chat.LatestMessageID, "the chat keeps pointing at its withdrawn latest message")
			require.True(t, view.LatestMessage.Withdrawn())
			items, err := p.messageReads.List(ctx, agg.Chat.ID, application.ListQuery{Size: 10, Sort: application.MessageListSchema.DefaultSort})
			require.NoError(t, err)
			require.Len(t, items, 2)
			require.Equal(t, stored, items[0].Message, "the tombstone keeps its place")
			details, err := p.details.LatestMessages(ctx, []domain.ID{last.ID})
			require.NoError(t, err)
			require.Len(t, details, 1)
			require.Equal(t, stored, details[0].Message)
		})
	})
}

func TestMessageLifecycleEvents(t *testing.T) {
	eachLane(t, func(t *testing.T, p ports) {
		ctx := context.Background()
		ada := newAccount(t, p, "Ada", "ada@x.test")
		bob := addUser(t, p, ada, "Bob", "bob@x.test", base)
		eve := addUser(t, p, ada, "Eve", "eve@x.test", base)
		agg := start(t, p, ada, bob, base)
		msg := post(t, p, agg.Chat.ID, ada, "hello", base.Add(time.Minute))
		uc := lifecycleOf(p, base.Add(time.Hour))
		_, seqBefore, err := p.events.Horizon(ctx, ada.ID)
		require.NoError(t, err)
		after := seqBefore - 1

		_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(ada), MessageID: msg.ID.String(), Content: "hello, Bob"})
		require.NoError(t, err)
		_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(ada), MessageID: msg.ID.String(), Content: "   "})
		require.Error(t, err, "bad content")
		_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(bob), MessageID: msg.ID.String(), Content: "forged"})
		require.ErrorIs(t, err, domain.ErrForbidden)
		require.NoError(t, uc.withdraw.Execute(ctx, actorOf(ada), msg.ID.String()))
		require.NoError(t, uc.withdraw.Execute(ctx, actorOf(ada), msg.ID.String()))
		_, err = uc.edit.Execute(ctx, application.EditMessageInput{Actor: actorOf(ada), MessageID: msg.ID.String(), Content: "revived"})
		require.ErrorIs(t, err, domain.ErrMessageWithdrawn)

		for _, u := range []domain.User{ada, bob} {
			evs := eventsOf(t, p, u, after)
			require.Equal(t, []summary{
				{after + 1, domain.EventMessageUpdated, msg.ID},
				{after + 2, domain.EventMessageDeleted, msg.ID},
			}, summaries(evs), "%s: one event per change, none for a refused edit or a repeated withdrawal", u.Name)
			for _, e := range evs {
				require.Equal(t, agg.Chat.ID, e.ChatID)
				require.Equal(t, u.ID, e.Recipient)
			}
		}
		require.Empty(t, eventsOf(t, p, eve, 0), "only the participants receive")
	})
}
