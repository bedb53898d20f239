package bootstrap

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/gormstore"
	"github.com/parley-chat/parley/adapters/httpapi"
	"github.com/parley-chat/parley/adapters/memstore"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/config"
	"github.com/parley-chat/parley/domain"
)

// openTimeout bounds opening and migrating the database. The query timeout,
// slow-query threshold, pool size and connection lifetime are the store's
// defaults: it knows what each dialect tolerates (SQLite wants few writers).
const openTimeout = 30 * time.Second

// databaseURLVariable names the database's setting in start-up errors.
const databaseURLVariable = "PARLEY_DATABASE_URL"

func gormModule() fx.Option {
	return fx.Module("persistence.gorm",
		fx.Provide(
			openGORM,
			fx.Annotate(func(s *gormstore.Store) *gormstore.Store { return s }, fx.As(new(httpapi.Pinger))),
			fx.Annotate(gormstore.NewUsers, fx.As(new(domain.UserRepository)), fx.As(new(domain.UserLifecycleRepository))),
			fx.Annotate(gormstore.NewUserReads, fx.As(new(application.UserReadModel))),
			fx.Annotate(gormstore.NewDirectConversations, fx.As(new(domain.DirectConversationRepository))),
			fx.Annotate(gormstore.NewDirectConversationReads, fx.As(new(application.DirectConversationReadModel))),
			fx.Annotate(gormstore.NewChatReads, fx.As(new(application.ChatReadModel))),
			fx.Annotate(gormstore.NewChatMemberships, fx.As(new(domain.ChatMembershipRepository))),
			fx.Annotate(gormstore.NewMessages, fx.As(new(domain.MessageRepository))),
			fx.Annotate(gormstore.NewMessageReads, fx.As(new(application.MessageReadModel))),
			fx.Annotate(gormstore.NewRevokedTokens, fx.As(new(domain.RevokedTokenRepository))),
			fx.Annotate(gormstore.NewEventTickets, fx.As(new(domain.EventTicketRepository))),
			fx.Annotate(gormstore.NewChatBookmarks, fx.As(new(domain.ChatBookmarkRepository))),
			fx.Annotate(gormstore.NewUnreadCounts, fx.As(new(application.UnreadCountsReadModel))),
			fx.Annotate(gormstore.NewConversationDetails, fx.As(new(application.ConversationDetailsReadModel))),
			fx.Annotate(gormstore.NewEventLog, fx.As(new(domain.EventLog))),
		),
		fx.Invoke(wakeOnGORMEvents),
	)
}

func memoryModule() fx.Option {
	return fx.Module("persistence.memory",
		fx.Provide(
			memstore.New,
			fx.Annotate(func(s *memstore.Store) *memstore.Store { return s }, fx.As(new(httpapi.Pinger))),
			fx.Annotate(memstore.NewUsers, fx.As(new(domain.UserRepository)), fx.As(new(domain.UserLifecycleRepository))),
			fx.Annotate(memstore.NewUserReads, fx.As(new(application.UserReadModel))),
			fx.Annotate(memstore.NewDirectConversations, fx.As(new(domain.DirectConversationRepository))),
			fx.Annotate(memstore.NewDirectConversationReads, fx.As(new(application.DirectConversationReadModel))),
			fx.Annotate(memstore.NewChatReads, fx.As(new(application.ChatReadModel))),
			fx.Annotate(memstore.NewChatMemberships, fx.As(new(domain.ChatMembershipRepository))),
			fx.Annotate(memstore.NewMessages, fx.As(new(domain.MessageRepository))),
			fx.Annotate(memstore.NewMessageReads, fx.As(new(application.MessageReadModel))),
			fx.Annotate(memstore.NewRevokedTokens, fx.As(new(domain.RevokedTokenRepository))),
			fx.Annotate(memstore.NewEventTickets, fx.As(new(domain.EventTicketRepository))),
			fx.Annotate(memstore.NewChatBookmarks, fx.As(new(domain.ChatBookmarkRepository))),
			fx.Annotate(memstore.NewUnreadCounts, fx.As(new(application.UnreadCountsReadModel))),
			fx.Annotate(memstore.NewConversationDetails, fx.As(new(application.ConversationDetailsReadModel))),
			fx.Annotate(memstore.NewEventLog, fx.As(new(domain.EventLog))),
		),
		fx.Invoke(wakeOnMemoryEvents),
	)
}

// openGORM opens the pool while the graph is built, because every repository
// constructor needs the store; migrations wait for start and the pool closes
// on stop.
func openGORM(lc fx.Lifecycle, cfg config.Config, logger *zap.Logger, obs observerIn) (*gormstore.Store, error) {
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	opts := storeOptions(cfg, logger)
	opts.OnStatement = obs.Observe
	store, err := gormstore.Open(ctx, opts)
	if err != nil {
		return nil, blame(databaseURLVariable, fmt.Errorf("open database: %w", err))
	}
	lc.Append(fx.Hook{
		OnStart: func(ctx context.Context) error {
			if err := prepareSchema(ctx, cfg, store); err != nil {
				// A failed start never runs this hook's OnStop.
				return errors.Join(err, store.Close())
			}
			return nil
		},
		OnStop: func(context.Context) error { return store.Close() },
	})
	return store, nil
}

// prepareSchema migrates the database when asked to, and otherwise refuses
// to serve one that lacks this build's migrations: every request would fail.
func prepareSchema(ctx context.Context, cfg config.Config, store *gormstore.Store) error {
	if cfg.MigrateOnStart {
		return blame(databaseURLVariable, wrap("migrate database", gormstore.Migrate(ctx, store)))
	}
	err := gormstore.CheckMigrated(ctx, store)
	if errors.Is(err, gormstore.ErrMigrationsPending) {
		return fmt.Errorf("PARLEY_MIGRATE_ON_START=false: %w: run `parley migrate` first", err)
	}
	return blame(databaseURLVariable, wrap("check migrations", err))
}

func storeOptions(cfg config.Config, logger *zap.Logger) gormstore.Options {
	return gormstore.Options{
		URL:                cfg.DatabaseURL,
		QueryTimeout:       gormstore.DefaultQueryTimeout,
		SlowQueryThreshold: gormstore.DefaultSlowQueryThreshold,
		Logger:             logger.Named("db"),
	}
}
