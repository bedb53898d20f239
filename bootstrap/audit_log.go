package bootstrap

import (
	"context"

	"go.uber.org/zap"

	"github.com/parley-chat/parley/application"
)

// zapAuditLog writes the audit trail of user lifecycle changes as log lines
// with the message "audit", so that a log pipeline can route them apart.
type zapAuditLog struct {
	logger *zap.Logger
}

// newZapAuditLog returns the audit log of logger.
func newZapAuditLog(logger *zap.Logger) application.AuditLog {
	return zapAuditLog{logger: logger.Named("audit")}
}

// Record logs one entry: actor, action, target and the changed fields.
func (l zapAuditLog) Record(_ context.Context, e application.AuditEntry) {
	l.logger.Info("audit",
		zap.String("action", e.Action),
		zap.String("actor_id", e.Actor.UserID.String()),
		zap.String("account_id", e.Actor.AccountID.String()),
		zap.String("target_id", e.Target.String()),
		zap.Any("changes", e.Changes),
	)
}
