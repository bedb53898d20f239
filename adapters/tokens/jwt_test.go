package tokens_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/domain"
)

var (
	secret = []byte("0123456789abcdef0123456789abcdef")
	now    = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	actor  = domain.Actor{AccountID: domain.NewID(), UserID: domain.NewID(), Role: domain.RoleAdmin}
)

func TestJWTRoundtrip(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	issued, err := j.Issue(actor, now)
	require.NoError(t, err)
	require.Equal(t, now.Add(time.Hour), issued.ExpiresAt)
	id, err := uuid.Parse(issued.ID)
	require.NoError(t, err)
	require.Equal(t, uuid.Version(7), id.Version())

	claims, err := j.Verify(issued.Value, now.Add(59*time.Minute))
	require.NoError(t, err)
	require.Equal(t, actor, claims.Actor)
	require.Equal(t, issued.ID, claims.ID)
	require.Equal(t, issued.ExpiresAt, claims.ExpiresAt)

	payload := decodeSegment(t, issued.Value, 1)
	require.Equal(t, "parley", payload["iss"])
	require.Equal(t, actor.UserID.String(), payload["sub"])
	require.Equal(t, actor.AccountID.String(), payload["acct"])
	require.Equal(t, "admin", payload["role"])
	require.EqualValues(t, now.Unix(), payload["iat"])
	require.EqualValues(t, now.Add(time.Hour).Unix(), payload["exp"])
	require.Equal(t, "HS256", decodeSegment(t, issued.Value, 0)["alg"])
}

func TestJWTIdsAreUnique(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	seen := map[string]bool{}
	for range 100 {
		issued, err := j.Issue(actor, now)
		require.NoError(t, err)
		require.False(t, seen[issued.ID])
		seen[issued.ID] = true
	}
}

func TestJWTRefusesEmptySecret(t *testing.T) {
	_, err := tokens.NewJWT(nil, time.Hour).Issue(actor, now)
	require.Error(t, err)

	token := sign(t, jwt.SigningMethodHS256, nil, validClaims())
	_, err = tokens.NewJWT(nil, time.Hour).Verify(token, now)
	require.ErrorIs(t, err, domain.ErrUnauthenticated)
}

func TestJWTVerifyRefuses(t *testing.T) {
	j := tokens.NewJWT(secret, time.Hour)
	issued, err := j.Issue(actor, now)
	require.NoError(t, err)

	without := func(key string) jwt.MapClaims {
		c := validClaims()
		delete(c, key)
		return c
	}
	with := func(key string, value any) jwt.MapClaims {
		c := validClaims()
		c[key] = value
		return c
	}
	tests := []struct {
		name  string
		token string
		at    time.Time
	}{
		{"empty", "", now},
		{"garbage", "not.a.token", now},
		{"expired", issued.Value, now.Add(time.Hour + time.Second)},
		{"wrong_key", sign(t, jwt.SigningMethodHS256, []byte("another-secret-another-secret-!!"), validClaims()), now},
		{"alg_none", unsigned(t, validClaims()), now},
		{"hs512", sign(t, jwt.SigningMethodHS512, secret, validClaims()), now},
		{"rs256_header", handmade(t, "RS256", validClaims()), now},
		{"tampered_payload", tamper(t, issued.Value), now},
		{"truncated_signature", issued.Value[:len(issued.Value)-4], now},
		{"missing_exp", sign(t, jwt.SigningMethodHS256, secret, without("exp")), now},
		{"missing_sub", sign(t, jwt.SigningMethodHS256, secret, without("sub")), now},
		{"missing_acct", sign(t, jwt.SigningMethodHS256, secret, without("acct")), now},
		{"missing_role", sign(t, jwt.SigningMethodHS256, secret, without("role")), now},
		{"missing_jti", sign(t, jwt.SigningMethodHS256, secret, without("jti")), now},
		{"missing_iss", sign(t, jwt.SigningMethodHS256, secret, without("iss")), now},
		{"foreign_issuer", sign(t, jwt.SigningMethodHS256, secret, with("iss", "someone-else")), now},
		{"malformed_sub", sign(t, jwt.SigningMethodHS256, secret, with("sub", "user-1")), now},
		{"malformed_acct", sign(t, jwt.SigningMethodHS256, secret, with("acct", "00000000-0000-0000-0000")), now},
		{"unknown_role", sign(t, jwt.SigningMethodHS256, secret, with("role", "root")), now},
		{"exp_as_string", sign(t, jwt.SigningMethodHS256, secret, with("exp", "tomorrow")), now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := j.Verify(tt.token, tt.at)
			require.ErrorIs(t, err, domain.ErrUnauthenticated)
		})
	}
}

func TestJWTVerifyAcceptsHandSignedHS256(t *testing.T) {
	// Guards the refusal cases above: the same helpers produce a valid token
	// when nothing is wrong with it.
	j := tokens.NewJWT(secret, time.Hour)
	for _, token := range []string{
		sign(t, jwt.SigningMethodHS256, secret, validClaims()),
		handmade(t, "HS256", validClaims()),
	} {
		claims, err := j.Verify(token, now)
		require.NoError(t, err)
		require.Equal(t, actor, claims.Actor)
	}
}

func validClaims() jwt.MapClaims {
	return jwt.MapClaims{
		"iss":  "parley",
		"sub":  actor.UserID.String(),
		"acct": actor.AccountID.String(),
		"role": string(actor.Role),
		"iat":  now.Unix(),
		"exp":  now.Add(time.Hour).Unix(),
		"jti":  domain.NewID().String(),
	}
}

func sign(t *testing.T, method jwt.SigningMethod, key []byte, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, claims).SignedString(key)
	require.NoError(t, err)
	return s
}

// handmade builds header.payload and an HMAC-SHA256 signature with the real
// secret, whatever alg the header claims.
func handmade(t *testing.T, alg string, claims jwt.MapClaims) string {
	t.Helper()
	unsignedPart := segment(t, map[string]any{"alg": alg, "typ": "JWT"}) + "." + segment(t, claims)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(unsignedPart))
	return unsignedPart + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func unsigned(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	return segment(t, map[string]any{"alg": "none", "typ": "JWT"}) + "." + segment(t, claims) + "."
}

func tamper(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	payload := decodeSegment(t, token, 1)
	payload["role"] = "admin"
	payload["sub"] = domain.NewID().String()
	parts[1] = segment(t, payload)
	return strings.Join(parts, ".")
}

func segment(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeSegment(t *testing.T, token string, i int) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	require.Len(t, parts, 3)
	b, err := base64.RawURLEncoding.DecodeString(parts[i])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}
