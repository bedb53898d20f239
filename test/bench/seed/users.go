package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// benchPassword is the password of every seeded user; all of them share one
// precomputed hash, since hashing each would take hours.
const benchPassword = "bench-password"

// database is the seed's connection: pgx directly, for COPY and long
// server-side statements.
type database struct {
	conn     *pgx.Conn
	accounts []domain.ID
	users    []domain.ID
}

// connect migrates the database with the service's own migrations, then
// opens the bulk-loading connection.
func connect(ctx context.Context, url string) (*database, error) {
	store, err := gormstore.Open(ctx, gormstore.Options{URL: url})
	if err != nil {
		return nil, err
	}
	err = gormstore.Migrate(ctx, store)
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	var users int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM users").Scan(&users); err != nil {
		return nil, errors.Join(err, conn.Close(ctx))
	}
	if users > 0 {
		return nil, errors.Join(fmt.Errorf("database already holds %d users: seed an empty one", users), conn.Close(ctx))
	}
	return &database{conn: conn}, nil
}

func (db *database) close(ctx context.Context) { _ = db.conn.Close(ctx) }

// loadUsers writes the accounts and, by COPY, every user; it also keeps the
// plan in an unlogged helper table for the conversation step.
func (db *database) loadUsers(ctx context.Context, p *plan) error {
	hash, err := bcrypt.GenerateFromPassword([]byte(benchPassword), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	for i := range accountCount {
		id := domain.NewID()
		db.accounts = append(db.accounts, id)
		if _, err := db.conn.Exec(ctx, "INSERT INTO accounts (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)",
			id, "Bench Account "+strconv.Itoa(i+1), now); err != nil {
			return err
		}
	}
	users := make([][]any, p.users)
	helper := make([][]any, p.users)
	db.users = make([]domain.ID, p.users)
	created := now.AddDate(-2, 0, 0)
	for n := range p.users {
		id := domain.NewID()
		db.users[n] = id
		name := userName(p.rng, n)
		email := "user" + strconv.Itoa(n) + "@bench" + strconv.Itoa(p.account(n)+1) + ".test"
		role := domain.RoleMember
		if p.local(n) == 0 {
			role = domain.RoleAdmin
		}
		at := created.Add(time.Duration(n) * time.Second)
		users[n] = []any{id, db.accounts[p.account(n)], name, application.FoldText(name), email, email, string(role), string(hash), at, at}
		helper[n] = []any{int32(n), id, db.accounts[p.account(n)], int32(p.local(n)), p.class[n], int32(p.outDegree[n])}
	}
	if _, err := db.conn.CopyFrom(ctx, pgx.Identifier{"users"},
		[]string{"id", "account_id", "name", "name_folded", "email", "email_key", "role", "password_hash", "created_at", "updated_at"},
		pgx.CopyFromRows(users)); err != nil {
		return fmt.Errorf("copy users: %w", err)
	}
	if _, err := db.conn.Exec(ctx, `CREATE UNLOGGED TABLE bench_seed_users (
		n int PRIMARY KEY, id uuid NOT NULL, account_id uuid NOT NULL, local int NOT NULL, class text NOT NULL, out_degree int NOT NULL)`); err != nil {
		return err
	}
	if _, err := db.conn.CopyFrom(ctx, pgx.Identifier{"bench_seed_users"},
		[]string{"n", "id", "account_id", "local", "class", "out_degree"}, pgx.CopyFromRows(helper)); err != nil {
		return fmt.Errorf("copy plan: %w", err)
	}
	_, err = db.conn.Exec(ctx, "CREATE INDEX ON bench_seed_users (account_id, local)")
	return err
}
