package gormstore

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/parley-chat/parley/domain"
)

// eventRow is an events row.
type eventRow struct {
	ID         int64     `gorm:"column:id;primaryKey;autoIncrement"`
	Name       string    `gorm:"column:name"`
	ChatID     domain.ID `gorm:"column:chat_id"`
	SubjectID  domain.ID `gorm:"column:subject_id"`
	OccurredAt dbTime    `gorm:"column:occurred_at"`
}

// TableName implements GORM's tabler.
func (eventRow) TableName() string { return "events" }

// nextSeqs hands out the next stream position of each recipient, in one
// statement. The upsert locks the recipients' event_streams rows until the
// transaction ends, so a later seq of the same recipient cannot commit
// before an earlier one.
const nextSeqs = "INSERT INTO event_streams (user_id, last_seq) VALUES %s" +
	" ON CONFLICT (user_id) DO UPDATE SET last_seq = event_streams.last_seq + 1 RETURNING user_id, last_seq"

// streamRow is one upserted event_streams row.
type streamRow struct {
	UserID  domain.ID `gorm:"column:user_id"`
	LastSeq int64     `gorm:"column:last_seq"`
}

// appendEvent writes d to the outbox inside tx, the change's own
// transaction, with one recipient row per recipient: three statements
// whatever the number of recipients. Recipients are taken in id order so
// that two transactions locking the same stream rows never deadlock. It
// returns the recipients for the after-commit wake-up.
func appendEvent(tx *gorm.DB, d domain.EventDraft) ([]domain.ID, error) {
	row := eventRow{Name: string(d.Name), ChatID: d.ChatID, SubjectID: d.SubjectID, OccurredAt: at(time.Now())}
	if err := tx.Create(&row).Error; err != nil {
		return nil, err
	}
	recipients := slices.Clone(d.Recipients)
	slices.SortFunc(recipients, func(a, b domain.ID) int { return slices.Compare(a[:], b[:]) })
	recipients = slices.Compact(recipients)
	if len(recipients) == 0 {
		return nil, nil
	}
	values := strings.TrimSuffix(strings.Repeat("(?, 1), ", len(recipients)), ", ")
	args := make([]any, len(recipients))
	for i, u := range recipients {
		args[i] = u
	}
	var seqs []streamRow
	if err := tx.Raw(fmt.Sprintf(nextSeqs, values), args...).Scan(&seqs).Error; err != nil {
		return nil, err
	}
	values = strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(seqs)), ", ")
	args = make([]any, 0, 3*len(seqs))
	for _, s := range seqs {
		args = append(args, s.UserID, s.LastSeq, row.ID)
	}
	err := tx.Exec("INSERT INTO event_recipients (user_id, seq, event_id) VALUES "+values, args...).Error
	if err != nil {
		return nil, err
	}
	return recipients, nil
}

// appendChatEvent writes d to every member of d.ChatID, as read inside tx,
// in three statements: the outbox row, the members' seqs taken in id order
// straight from chat_memberships, and their recipient rows read back from
// the stream rows this transaction now holds locked.
func appendChatEvent(tx *gorm.DB, d domain.EventDraft) ([]domain.ID, error) {
	row := eventRow{Name: string(d.Name), ChatID: d.ChatID, SubjectID: d.SubjectID, OccurredAt: at(time.Now())}
	if err := tx.Create(&row).Error; err != nil {
		return nil, err
	}
	var recipients []domain.ID
	err := tx.Raw("INSERT INTO event_streams (user_id, last_seq)"+
		" SELECT user_id, 1 FROM chat_memberships WHERE chat_id = ? ORDER BY user_id"+
		" ON CONFLICT (user_id) DO UPDATE SET last_seq = event_streams.last_seq + 1 RETURNING user_id", d.ChatID).
		Scan(&recipients).Error
	if err != nil {
		return nil, err
	}
	err = tx.Exec("INSERT INTO event_recipients (user_id, seq, event_id)"+
		" SELECT s.user_id, s.last_seq, ? FROM event_streams s JOIN chat_memberships m ON m.user_id = s.user_id"+
		" WHERE m.chat_id = ?", row.ID, d.ChatID).Error
	if err != nil {
		return nil, err
	}
	return recipients, nil
}

// SetEventHook makes the store call hook with the recipients of every event
// after its transaction committed: the in-process wake-up of the event hub.
// Set it before serving; nil turns it off.
func (s *Store) SetEventHook(hook func(recipients []domain.ID)) { s.eventHook = hook }

// committed tells the hook about recipients of a committed change.
func (s *Store) committed(recipients []domain.ID) {
	if s.eventHook != nil && len(recipients) > 0 {
		s.eventHook(recipients)
	}
}
