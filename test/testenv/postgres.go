// Package testenv gives tests the external resources they need: a fresh
// PostgreSQL database per test package, required when CI is set.
package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	// The pgx stdlib driver creates and drops the throwaway databases.
	_ "github.com/jackc/pgx/v5/stdlib"
)

// PostgresURLVar names the variable that points tests at a PostgreSQL server.
const PostgresURLVar = "PARLEY_TEST_DATABASE_URL"

// PostgresBaseURL returns PARLEY_TEST_DATABASE_URL. When it is unset the test
// is skipped, unless CI is set: then the PostgreSQL lane is required and the
// test fails.
func PostgresBaseURL(t testing.TB) string {
	t.Helper()
	return lane(t, PostgresURLVar, "PostgreSQL")
}

// FreshPostgres creates a new, empty database on the server named by
// PARLEY_TEST_DATABASE_URL and returns its URL. The database is dropped when
// the test ends. Without the variable it behaves like PostgresBaseURL.
func FreshPostgres(t testing.TB, label string) string {
	t.Helper()
	dbURL, cleanup, err := CreateDatabase(PostgresBaseURL(t), label)
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(cleanup)
	return dbURL
}

// CreateDatabase creates a uniquely named database next to the one base
// points at and returns its URL and a function that drops it.
func CreateDatabase(base, label string) (string, func(), error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, fmt.Errorf("parse %s: %w", PostgresURLVar, err)
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	name := strings.ToLower("parley_" + label + "_" + hex.EncodeToString(suffix))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, fmt.Errorf("open admin connection: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE "`+name+`"`); err != nil {
		_ = admin.Close()
		return "", nil, fmt.Errorf("create database %s: %w", name, err)
	}
	u.Path = "/" + name
	drop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_, _ = admin.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`)
		_ = admin.Close()
	}
	return u.String(), drop, nil
}
