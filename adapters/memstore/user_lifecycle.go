package memstore

import (
	"context"
	"slices"
	"time"

	"github.com/parley-chat/parley/domain"
)

var (
	_ domain.UserWriter            = (*Users)(nil)
	_ domain.TokenCutoffRepository = (*Users)(nil)
)

// Save replaces the stored user with user's id atomically. A taken email is
// domain.ErrConflict, leaving the account without an active admin
// domain.ErrLastAdmin, an unknown user domain.ErrNotFound.
func (r *Users) Save(ctx context.Context, user domain.User) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	old, ok := r.s.users[user.ID]
	if !ok || old.AccountID != user.AccountID {
		return domain.ErrNotFound
	}
	if id, taken := r.s.emails[emailKey(user.Email)]; taken && id != user.ID {
		return domain.ErrConflict
	}
	if isActiveAdmin(old) && !isActiveAdmin(user) && !r.s.hasOtherActiveAdmin(user) {
		return domain.ErrLastAdmin
	}
	delete(r.s.emails, emailKey(old.Email))
	user.DiscardedAt = domain.Timestamp(user.DiscardedAt)
	user.TokensValidAfter = domain.Timestamp(user.TokensValidAfter)
	r.s.putUser(user)
	return nil
}

// CutoffsSince returns the token cutoffs set at or after since, oldest first.
func (r *Users) CutoffsSince(ctx context.Context, since time.Time) ([]domain.TokenCutoff, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	var out []domain.TokenCutoff
	for _, u := range r.s.users {
		if !u.TokensValidAfter.IsZero() && !u.TokensValidAfter.Before(since) {
			out = append(out, domain.TokenCutoff{UserID: u.ID, ValidAfter: u.TokensValidAfter, KeptTokenID: u.KeptTokenID})
		}
	}
	slices.SortFunc(out, func(a, b domain.TokenCutoff) int { return a.ValidAfter.Compare(b.ValidAfter) })
	return out, nil
}

func isActiveAdmin(u domain.User) bool { return u.Role == domain.RoleAdmin && u.Active() }

// hasOtherActiveAdmin reports whether user's account has an active admin
// besides user. The caller holds the lock.
func (s *Store) hasOtherActiveAdmin(user domain.User) bool {
	for _, u := range s.users {
		if u.AccountID == user.AccountID && u.ID != user.ID && isActiveAdmin(u) {
			return true
		}
	}
	return false
}

// HasDeactivatedPeer reports whether a member of chatID other than userID
// has been deactivated.
func (r *ChatMemberships) HasDeactivatedPeer(ctx context.Context, chatID, userID domain.ID) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	for _, m := range r.s.memberships[chatID] {
		if m.UserID != userID && !r.s.users[m.UserID].Active() {
			return true, nil
		}
	}
	return false, nil
}
