package tokens_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/tokens"
	"github.com/parley-chat/parley/domain"
)

// FuzzJWTVerify feeds arbitrary bearer tokens to the verifier. It must never
// panic, every refusal must be domain.ErrUnauthenticated, and what it accepts
// must be a token signed with the key: re-verifying gives the same claims
// and a verifier with another key refuses it.
func FuzzJWTVerify(f *testing.F) {
	j := tokens.NewJWT(secret, time.Hour)
	issued, err := j.Issue(actor, now)
	require.NoError(f, err)
	for _, seed := range []string{
		issued.Value,
		"", ".", "..", "...", "a.b.c", "not.a.token",
		handSigned(f, `{"alg":"HS256","typ":"JWT"}`, `{"iss":"parley"}`),
		handSigned(f, `{"alg":"none"}`, claimsJSON(f, validClaims())),
		segmentOf(`{"alg":"none","typ":"JWT"}`) + "." + segmentOf(claimsJSON(f, validClaims())) + ".",
		handSigned(f, `{"alg":"HS256"}`, `{"iss":"parley","exp":1e400}`),
		handSigned(f, `{"alg":"HS256"}`, `{"iss":"parley","exp":-1,"sub":"","acct":null}`),
		issued.Value[:len(issued.Value)-1],
		strings.Repeat("A", 4096) + "." + strings.Repeat("B", 4096) + ".C",
	} {
		f.Add(seed)
	}
	other := tokens.NewJWT([]byte("another secret, another secret!!"), time.Hour)
	f.Fuzz(func(t *testing.T, token string) {
		claims, err := j.Verify(token, now)
		if err != nil {
			require.ErrorIs(t, err, domain.ErrUnauthenticated)
			return
		}
		again, err := j.Verify(token, now)
		require.NoError(t, err)
		require.Equal(t, claims, again)
		_, err = other.Verify(token, now)
		require.ErrorIs(t, err, domain.ErrUnauthenticated)
		requireSaneClaims(t, claims.Actor, claims.ID, claims.ExpiresAt)
	})
}

// FuzzJWTVerifySigned signs arbitrary headers and payloads with the real key,
// so that the fuzzer reaches the checks behind the signature: the algorithm
// (only HS256, never none), the issuer, the expiry and the shape of the
// claims. Whatever passes must say HS256 in its header and carry claims a
// handler can trust.
func FuzzJWTVerifySigned(f *testing.F) {
	f.Add(`{"alg":"HS256","typ":"JWT"}`, claimsJSON(f, validClaims()))
	f.Add(`{"alg":"none","typ":"JWT"}`, claimsJSON(f, validClaims()))
	f.Add(`{"alg":"HS512"}`, claimsJSON(f, validClaims()))
	f.Add(`{"alg":"hs256"}`, claimsJSON(f, validClaims()))
	f.Add(`{"alg":"HS256","crit":["exp"]}`, claimsJSON(f, validClaims()))
	f.Add(`{"alg":"HS256"}`, `{"iss":"parley","sub":"`+actor.UserID.String()+`","acct":"`+actor.AccountID.String()+`","role":"admin","jti":"x","exp":`+"1740830400.5}")
	f.Add(`{"alg":"HS256"}`, `{"iss":["parley"],"sub":"`+actor.UserID.String()+`","acct":"`+actor.AccountID.String()+`","role":"member","jti":"x","exp":99999999999}`)
	f.Add(`{"alg":"HS256"}`, `{"iss":"parley","sub":"00000000-0000-0000-0000-000000000000","acct":"{`+actor.AccountID.String()+`}","role":"admin","jti":"x","exp":99999999999}`)
	f.Add(`{"alg":"HS256"}`, `{"iss":"parley","exp":99999999999,"nbf":99999999999,"role":"admin"}`)
	f.Add(`{"alg":"HS256"}`, `null`)
	f.Add(`[]`, `{}`)
	j := tokens.NewJWT(secret, time.Hour)
	f.Fuzz(func(t *testing.T, header, payload string) {
		claims, err := j.Verify(handSigned(t, header, payload), now)
		if err != nil {
			require.ErrorIs(t, err, domain.ErrUnauthenticated)
			return
		}
		var h struct {
			Alg string `json:"alg"`
		}
		require.NoError(t, json.Unmarshal([]byte(header), &h))
		require.Equal(t, "HS256", h.Alg)
		requireSaneClaims(t, claims.Actor, claims.ID, claims.ExpiresAt)
	})
}

func requireSaneClaims(t *testing.T, a domain.Actor, id string, expiresAt time.Time) {
	t.Helper()
	require.NotEmpty(t, id)
	require.Contains(t, []domain.Role{domain.RoleAdmin, domain.RoleMember}, a.Role)
	require.True(t, !expiresAt.Before(now), "expired at %s", expiresAt)
}

// handSigned joins header and payload as JWT segments and signs them with
// HMAC-SHA256 under the test secret, whatever they contain.
func handSigned(tb testing.TB, header, payload string) string {
	tb.Helper()
	unsignedPart := segmentOf(header) + "." + segmentOf(payload)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(unsignedPart))
	return unsignedPart + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func segmentOf(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

func claimsJSON(tb testing.TB, claims map[string]any) string {
	tb.Helper()
	b, err := json.Marshal(claims)
	require.NoError(tb, err)
	return string(b)
}
