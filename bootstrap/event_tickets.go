package bootstrap

import (
	"context"
	"time"

	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/application"
)

// eventTicketPurgeInterval is how often tickets that expired unused are
// deleted; they are refused from their expiry on whether deleted or not.
const eventTicketPurgeInterval = 5 * time.Minute

func purgeEventTickets(lc fx.Lifecycle, purge *application.PurgeEventTickets, logger *zap.Logger) {
	runInBackground(lc, func(ctx context.Context) {
		every(ctx, eventTicketPurgeInterval, func(ctx context.Context) {
			if err := purge.Execute(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("purge expired event tickets", zap.Error(err))
			}
		})
	})
}
