package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/domain"
)

// Sample sizes of the token file.
const (
	typicalSample = 100
	powerSample   = 20
	peerSample    = 2_000
	tokenTTL      = 7 * 24 * time.Hour
)

// sampled is one user the load scripts act as, with a peer they already
// share a conversation (and its chat) with.
type sampled struct {
	class, user, account, peer, chat string
	admin                            bool
}

// The typical users sampled have between 15 and 30 conversations: enough to
// fill a first page, and about what most users have.
const sampleSQL = `
WITH deg AS (SELECT user_id, count(*) AS c FROM chat_memberships GROUP BY user_id),
ranked AS (
    SELECT s.class, s.id, s.account_id, s.n, row_number() OVER (PARTITION BY s.class ORDER BY random()) AS r
    FROM bench_seed_users s JOIN deg d ON d.user_id = s.id
    WHERE s.class <> 'typical' OR d.c BETWEEN 15 AND 30
)
SELECT k.class, k.id::text, k.account_id::text, m.peer_user_id::text, m.chat_id::text, k.n < $1
FROM ranked k
CROSS JOIN LATERAL (SELECT peer_user_id, chat_id FROM chat_memberships
    WHERE user_id = k.id AND direct_conversation_id IS NOT NULL ORDER BY chat_updated_at DESC LIMIT 1) m
WHERE k.class = 'heavy' OR (k.class = 'power' AND k.r <= $2) OR (k.class = 'typical' AND k.r <= $3)
ORDER BY k.class, k.r`

// writeSamples signs a token for each sampled user with the server's secret
// and writes tokens.txt ("class user account peer chat token" per line) and
// peers.txt ("account user" per line: typical users to start new
// conversations with).
func (db *database) writeSamples(ctx context.Context, _ *plan, secret []byte, dir string) error {
	rows, err := db.conn.Query(ctx, sampleSQL, accountCount, powerSample, typicalSample)
	if err != nil {
		return err
	}
	var picks []sampled
	for rows.Next() {
		var s sampled
		if err := rows.Scan(&s.class, &s.user, &s.account, &s.peer, &s.chat, &s.admin); err != nil {
			rows.Close()
			return err
		}
		picks = append(picks, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	signer := tokens.NewJWT(secret, tokenTTL)
	err = writeLines(filepath.Join(dir, "tokens.txt"), func(w *bufio.Writer) error {
		for _, s := range picks {
			token, err := issue(signer, s)
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintf(w, "%s %s %s %s %s %s\n", s.class, s.user, s.account, s.peer, s.chat, token); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	peers, err := db.conn.Query(ctx, `SELECT account_id::text, id::text FROM bench_seed_users
		WHERE class = 'typical' ORDER BY random() LIMIT $1`, peerSample)
	if err != nil {
		return err
	}
	defer peers.Close()
	err = writeLines(filepath.Join(dir, "peers.txt"), func(w *bufio.Writer) error {
		for peers.Next() {
			var account, user string
			if err := peers.Scan(&account, &user); err != nil {
				return err
			}
			if _, err := fmt.Fprintf(w, "%s %s\n", account, user); err != nil {
				return err
			}
		}
		return peers.Err()
	})
	if err != nil {
		return err
	}
	_, err = db.conn.Exec(ctx, "DROP TABLE bench_seed_users")
	return err
}

func issue(signer *tokens.JWT, s sampled) (string, error) {
	user, err := domain.ParseID(s.user)
	if err != nil {
		return "", err
	}
	account, err := domain.ParseID(s.account)
	if err != nil {
		return "", err
	}
	role := domain.RoleMember
	if s.admin {
		role = domain.RoleAdmin
	}
	t, err := signer.Issue(domain.Actor{AccountID: account, UserID: user, Role: role}, time.Now())
	return t.Value, err
}

func writeLines(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		_ = f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
