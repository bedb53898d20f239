package gormstore_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/test/testenv"
)

// dialects lists the lanes every store test runs on.
var dialects = []string{gormstore.DialectSQLite, gormstore.DialectPostgres}

// freshURL returns the URL of a new, empty database of dialect. The
// PostgreSQL lane is skipped without PARLEY_TEST_DATABASE_URL, and fails
// instead when CI is set.
func freshURL(t *testing.T, dialect string) string {
	t.Helper()
	if dialect == gormstore.DialectSQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "parley.db")
	}
	return testenv.FreshPostgres(t, "gormstore")
}

func mustOpen(t *testing.T, opts gormstore.Options) *gormstore.Store {
	t.Helper()
	s, err := gormstore.Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// migrated opens a fresh, migrated database of dialect.
func migrated(t *testing.T, dialect string, opts gormstore.Options) *gormstore.Store {
	t.Helper()
	opts.URL = freshURL(t, dialect)
	s := mustOpen(t, opts)
	require.NoError(t, gormstore.Migrate(context.Background(), s))
	return s
}

func TestOpen(t *testing.T) {
	t.Run("rejects_unknown_scheme", func(t *testing.T) {
		_, err := gormstore.Open(context.Background(), gormstore.Options{URL: "mysql://localhost/x"})
		require.Error(t, err)
	})
	for _, d := range dialects {
		t.Run(d, func(t *testing.T) {
			s := mustOpen(t, gormstore.Options{URL: freshURL(t, d), QueryTimeout: time.Second})
			require.Equal(t, d, s.Dialect())
			require.NoError(t, s.Ping(context.Background()))
			require.Positive(t, s.Stats().MaxOpenConnections)
		})
	}
}
