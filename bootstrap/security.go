package bootstrap

import (
	"go.uber.org/fx"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/passwords"
	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/config"
)

func securityModule() fx.Option {
	return fx.Module("security",
		fx.Provide(
			fx.Annotate(
				func(cfg config.Config) *tokens.JWT { return tokens.NewJWT(cfg.JWTSecret, cfg.TokenTTL) },
				fx.As(new(application.TokenIssuer)),
				fx.As(new(application.TokenVerifier)),
			),
			fx.Annotate(
				func() *passwords.Bcrypt { return passwords.NewBcrypt(0) },
				fx.As(new(application.PasswordHasher)),
			),
		),
		fx.Invoke(warnGeneratedSecret),
	)
}

func warnGeneratedSecret(cfg config.Config, logger *zap.Logger) {
	if cfg.JWTSecretGenerated {
		logger.Warn("PARLEY_JWT_SECRET is not set: using a random secret for this process; " +
			"tokens and cursors will not survive a restart or work across replicas")
	}
}

// WithBcryptCost replaces the password hasher with one of the given bcrypt
// cost. Test harnesses add it to Options to sign users up quickly.
func WithBcryptCost(cost int) fx.Option {
	return fx.Decorate(func(application.PasswordHasher) application.PasswordHasher {
		return passwords.NewBcrypt(cost)
	})
}
