package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/domain"
)

// user is one seeded user with a token and one direct conversation (its
// chat and peer).
type user struct {
	id, peer, chat string
	token          string
}

// pair is a user who posts into the chat it shares with peer.
type pair struct {
	poster, peer *user
}

// fixture splits the seeded users into the holders of the idle streams and
// the pairs that post: the idle posters and the latency pairs share no user
// with the stream holders, so their posts wake none of the idle streams.
type fixture struct {
	streamUsers  []*user
	streamPairs  []pair // posters who hold streams themselves
	idlePairs    []pair // posters outside the stream holders
	latencyPairs []pair // distinct peers outside the stream holders
}

const fixtureSQL = `
SELECT u.id::text, u.account_id::text, u.role, m.peer_user_id::text, m.chat_id::text
FROM users u
CROSS JOIN LATERAL (SELECT peer_user_id, chat_id FROM chat_memberships
    WHERE user_id = u.id AND direct_conversation_id IS NOT NULL ORDER BY chat_id LIMIT 1) m
ORDER BY u.id`

// loadFixture reads the seeded users and signs a token for each with the
// server's secret.
func loadFixture(ctx context.Context, url string, secret []byte, streamUsers, latencyPairs int) (*fixture, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer func() { _ = conn.Close(ctx) }()
	rows, err := conn.Query(ctx, fixtureSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	signer := tokens.NewJWT(secret, 24*time.Hour)
	var all []*user
	byID := map[string]*user{}
	for rows.Next() {
		var u user
		var account, role string
		if err := rows.Scan(&u.id, &account, &role, &u.peer, &u.chat); err != nil {
			return nil, err
		}
		if u.token, err = sign(signer, u.id, account, role); err != nil {
			return nil, err
		}
		all = append(all, &u)
		byID[u.id] = &u
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(all) < streamUsers*2 {
		return nil, fmt.Errorf("%d users seeded, want at least %d", len(all), streamUsers*2)
	}
	f := &fixture{streamUsers: all[:streamUsers]}
	holds := map[string]bool{}
	for _, u := range f.streamUsers {
		holds[u.id] = true
	}
	for _, u := range f.streamUsers {
		if p := byID[u.peer]; p != nil {
			f.streamPairs = append(f.streamPairs, pair{poster: u, peer: p})
		}
	}
	peers := map[string]bool{}
	for _, u := range all[streamUsers:] {
		p := byID[u.peer]
		if p == nil || holds[p.id] {
			continue
		}
		f.idlePairs = append(f.idlePairs, pair{poster: u, peer: p})
		if len(f.latencyPairs) < latencyPairs && !peers[p.id] && !peers[u.id] {
			peers[p.id] = true
			f.latencyPairs = append(f.latencyPairs, pair{poster: u, peer: p})
		}
	}
	if len(f.idlePairs) == 0 || len(f.latencyPairs) == 0 {
		return nil, fmt.Errorf("no posting pairs outside the stream holders")
	}
	return f, nil
}

func sign(signer *tokens.JWT, userID, accountID, role string) (string, error) {
	uid, err := domain.ParseID(userID)
	if err != nil {
		return "", err
	}
	aid, err := domain.ParseID(accountID)
	if err != nil {
		return "", err
	}
	t, err := signer.Issue(domain.Actor{AccountID: aid, UserID: uid, Role: domain.Role(role)}, time.Now())
	return t.Value, err
}
