package tokens

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

var (
	errMissingID  = errors.New("missing jti claim")
	errBadSubject = errors.New("malformed sub claim")
	errBadAccount = errors.New("malformed acct claim")
	errBadRole    = errors.New("unknown role claim")
)

// Verify checks that token is an HS256 JWT signed with the secret, issued by
// Parley, carrying an expiry that is not before now and well-formed ids and
// role. Every failure wraps domain.ErrUnauthenticated. A token verified
// before is answered from a cache until it expires.
func (j *JWT) Verify(token string, now time.Time) (application.TokenClaims, error) {
	if c, ok := j.verified.lookup(token, now); ok {
		return c, nil
	}
	c, err := j.parse(token, now)
	if err != nil {
		return application.TokenClaims{}, fmt.Errorf("%w: %w", domain.ErrUnauthenticated, err)
	}
	j.verified.store(token, c, now)
	return c, nil
}

func (j *JWT) parse(token string, now time.Time) (application.TokenClaims, error) {
	if len(j.secret) == 0 {
		return application.TokenClaims{}, errNoSecret
	}
	var c claims
	_, err := jwt.ParseWithClaims(token, &c,
		func(*jwt.Token) (any, error) { return j.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuer(Issuer),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	if err != nil {
		return application.TokenClaims{}, err
	}
	if c.ID == "" {
		return application.TokenClaims{}, errMissingID
	}
	userID, err := domain.ParseID(c.Subject)
	if err != nil {
		return application.TokenClaims{}, errBadSubject
	}
	accountID, err := domain.ParseID(c.Account)
	if err != nil {
		return application.TokenClaims{}, errBadAccount
	}
	role := domain.Role(c.Role)
	if role != domain.RoleAdmin && role != domain.RoleMember {
		return application.TokenClaims{}, errBadRole
	}
	return application.TokenClaims{
		Actor:     domain.Actor{AccountID: accountID, UserID: userID, Role: role},
		ID:        c.ID,
		ExpiresAt: c.ExpiresAt.UTC(),
		IssuedAt:  issuedAt(c),
	}, nil
}

// issuedAt is the most precise issue time c carries: iat_ms, else iat (zero
// when neither is present, which every token cutoff refuses).
func issuedAt(c claims) time.Time {
	switch {
	case c.IssuedMs > 0:
		return time.UnixMilli(c.IssuedMs).UTC()
	case c.IssuedAt != nil:
		return c.IssuedAt.UTC()
	default:
		return time.Time{}
	}
}
