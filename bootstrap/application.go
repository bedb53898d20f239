package bootstrap

import (
	"context"
	"fmt"
	"time"

	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

const (
	// revocationSyncInterval keeps every replica within a second of a
	// sign-out on another one.
	revocationSyncInterval = 500 * time.Millisecond
	// revocationPurgeInterval is how often expired revocations are deleted.
	revocationPurgeInterval = 5 * time.Minute
)

func applicationModule() fx.Option {
	return fx.Module("application",
		fx.Provide(
			fx.Annotate(func() application.SystemClock { return application.SystemClock{} }, fx.As(new(application.Clock))),
			provideRevocationList,
			application.NewSignUp,
			application.NewSignIn,
			application.NewSignOut,
			application.NewAuthenticate,
			application.NewGetUser,
			application.NewListUsers,
			application.NewCreateUser,
			application.NewStartDirectConversation,
			application.NewGetDirectConversation,
			application.NewListDirectConversations,
			application.NewGetChat,
			application.NewPostMessage,
			application.NewListMessages,
			application.NewGetMessage,
			application.NewIssueEventTicket,
			application.NewRedeemEventTicket,
			application.NewOpenEventStream,
			application.NewDescribeEvent,
			application.NewPurgeEventTickets,
			application.NewEditMessage,
			application.NewWithdrawMessage,
			application.NewMarkChatRead,
			application.NewGetChatBookmark,
			application.NewGetUnreadCounts,
			application.NewLoadConversationDetails,
			application.NewPurgeRevocations,
			newZapAuditLog,
			application.NewUpdateUser,
			application.NewChangePassword,
			application.NewDeactivateUser,
		),
		fx.Invoke(purgeRevocations, purgeEventTickets),
	)
}

// provideRevocationList loads every unexpired revocation and every token
// cutoff before the server starts (refusing to start without them) and then
// follows other replicas' sign-outs, password changes and deactivations in
// the background.
func provideRevocationList(lc fx.Lifecycle, repo domain.RevokedTokenRepository, users domain.UserLifecycleRepository, clock application.Clock, logger *zap.Logger) *application.RevocationList {
	list := application.NewRevocationList(repo, clock)
	list.FollowCutoffs(users)
	lc.Append(fx.StartHook(func(ctx context.Context) error {
		if err := list.Sync(ctx); err != nil {
			return fmt.Errorf("load revoked tokens: %w", err)
		}
		return nil
	}))
	runInBackground(lc, func(ctx context.Context) {
		every(ctx, revocationSyncInterval, func(ctx context.Context) {
			if err := list.Sync(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("sync revoked tokens", zap.Error(err))
			}
		})
	})
	return list
}

func purgeRevocations(lc fx.Lifecycle, purge *application.PurgeRevocations, logger *zap.Logger) {
	runInBackground(lc, func(ctx context.Context) {
		every(ctx, revocationPurgeInterval, func(ctx context.Context) {
			if err := purge.Execute(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("purge expired revocations", zap.Error(err))
			}
		})
	})
}
