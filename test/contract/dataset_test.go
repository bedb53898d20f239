package contract_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/domain"
)

// peerNames exercise folding (umlauts composed and decomposed, the Kelvin
// sign, case), LIKE wildcards that must stay literal, and equal folded names
// that only the id can order.
var peerNames = []string{
	"Mesut Özil", "Mesut O\u0308zil", "Ozil Fan", "Zoë Ödegaard", "100% Sure", "100 Percent",
	"snake_case", "snakeXcase", `back\slash`, "backslash", "Ünal", "unal",
	"\u212Aelvin", "kelvin", "ALPHA", "alpha", "Beta", "gamma", "Émile", "emile",
}

// dataset is one fixed set of records, written identically into every
// persistence so that their answers can be compared item by item.
type dataset struct {
	ada        domain.User
	peers      []domain.User
	accounts   []domain.Account
	users      []domain.User
	aggs       []domain.DirectConversationAggregate
	messages   []domain.Message
	times      []time.Time
	stranger   domain.User
	strangerID domain.ID
}

func newDataset(t *testing.T) dataset {
	t.Helper()
	var d dataset
	acc, err := domain.NewAccount("Acme", base)
	require.NoError(t, err)
	other, err := domain.NewAccount("Other", base)
	require.NoError(t, err)
	d.accounts = []domain.Account{acc, other}
	user := func(account domain.ID, name, email string, role domain.Role, at time.Time) domain.User {
		return domain.NewUser(account, domain.UserDraft{Name: name, Email: email}, role, "hash", at)
	}
	d.ada = user(acc.ID, "Ada Lovelace", "ada@acme.test", domain.RoleAdmin, base)
	d.stranger = user(other.ID, "Mesut Özil", "ozil@other.test", domain.RoleAdmin, base)
	d.users = []domain.User{d.ada, d.stranger}
	emails := map[int]string{4: "100%sure@acme.test", 6: "snake_case@acme.test", 8: `back\slash@acme.test`}
	for i, name := range peerNames {
		e, ok := emails[i]
		if !ok {
			e = fmt.Sprintf("Peer%02d@Acme.test", i)
		}
		u := user(acc.ID, name, e, domain.RoleMember, base.Add(time.Duration(i/2)*time.Second))
		d.peers = append(d.peers, u)
		d.users = append(d.users, u)
	}
	strangerPeer := user(other.ID, "Stranger", "stranger@other.test", domain.RoleMember, base)
	d.users = append(d.users, strangerPeer)

	conv := func(from, to domain.User, at time.Time) domain.DirectConversationAggregate {
		agg, err := domain.StartDirectConversation(actorOf(from), to, at)
		require.NoError(t, err)
		d.aggs = append(d.aggs, agg)
		return agg
	}
	for i, peer := range d.peers {
		// Groups of three share a creation time, so the id breaks the ties.
		at := base.Add(time.Minute + time.Duration(i/3)*time.Second)
		d.times = append(d.times, domain.Timestamp(at))
		from, to := d.ada, peer
		if i%2 == 1 {
			from, to = peer, d.ada
		}
		agg := conv(from, to, at)
		if i%4 == 0 {
			msg, err := domain.NewMessage(agg.Chat.ID, d.ada.ID, "ping "+peer.Name, base.Add(time.Hour+time.Duration(i%3)*time.Minute))
			require.NoError(t, err)
			d.messages = append(d.messages, msg)
		}
	}
	conv(d.peers[0], d.peers[1], base)
	d.strangerID = conv(d.stranger, strangerPeer, base).Conversation.ID
	return d
}

// load writes the dataset into p.
func (d dataset) load(t *testing.T, p ports) {
	t.Helper()
	ctx := context.Background()
	firsts := map[domain.ID]bool{}
	for _, u := range d.users {
		if firsts[u.AccountID] {
			require.NoError(t, p.users.Create(ctx, u))
			continue
		}
		firsts[u.AccountID] = true
		for _, a := range d.accounts {
			if a.ID == u.AccountID {
				require.NoError(t, p.users.CreateWithAccount(ctx, a, u))
			}
		}
	}
	for _, agg := range d.aggs {
		require.NoError(t, p.conversations.Create(ctx, agg))
	}
	for _, m := range d.messages {
		require.NoError(t, p.messages.Post(ctx, m))
	}
}
