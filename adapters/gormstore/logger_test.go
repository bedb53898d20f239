package gormstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/domain"
)

// TestSlowStatementLog checks that slow statements are reported at warn with
// their SQL but never with the values bound to it.
func TestSlowStatementLog(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	s := migrated(t, gormstore.DialectSQLite, gormstore.Options{Logger: zap.New(core), SlowQueryThreshold: time.Nanosecond})
	acc, err := domain.NewAccount("Acme", time.Now())
	require.NoError(t, err)
	const secret = "$2a$10$secret-password-hash"
	u := domain.NewUser(acc.ID, domain.UserDraft{Name: "Ada", Email: "ada@x.test"}, domain.RoleAdmin, secret, time.Now())
	require.NoError(t, gormstore.NewUsers(s).CreateWithAccount(context.Background(), acc, u))

	slow := logs.FilterMessage("slow database statement").All()
	require.NotEmpty(t, slow)
	for _, entry := range logs.All() {
		require.Equal(t, zapcore.WarnLevel, entry.Level)
		text := entry.Message + fmt.Sprint(entry.ContextMap())
		require.NotContains(t, text, secret)
		require.NotContains(t, text, "ada@x.test")
	}
	require.Contains(t, fmt.Sprint(slow[len(slow)-1].ContextMap()["sql"]), "INSERT INTO users")
}
