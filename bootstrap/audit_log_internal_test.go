package bootstrap

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

func TestZapAuditLogWritesWhoChangedWhat(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	audit := newZapAuditLog(zap.New(core))
	actor := domain.Actor{AccountID: domain.NewID(), UserID: domain.NewID(), Role: domain.RoleAdmin}
	target := domain.NewID()
	audit.Record(context.Background(), application.AuditEntry{
		Actor: actor, Action: application.AuditUserUpdated, Target: target,
		Changes: map[string]string{"role": "admin"},
	})
	entries := logs.All()
	require.Len(t, entries, 1)
	require.Equal(t, "audit", entries[0].Message)
	require.Equal(t, "audit", entries[0].LoggerName)
	fields := entries[0].ContextMap()
	require.Equal(t, application.AuditUserUpdated, fields["action"])
	require.Equal(t, actor.UserID.String(), fields["actor_id"])
	require.Equal(t, actor.AccountID.String(), fields["account_id"])
	require.Equal(t, target.String(), fields["target_id"])
	require.Equal(t, map[string]string{"role": "admin"}, fields["changes"])
}
