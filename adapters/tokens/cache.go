package tokens

import (
	"sync"
	"time"

	"github.com/parley-chat/parley/application"
)

// maxCachedTokens bounds the verified-token cache: about 200 bytes a token
// plus its claims, so the cache stays under a few megabytes.
const maxCachedTokens = 10_000

// verifiedCache remembers the claims of tokens whose signature and claims
// were already checked. A client sends the same token with every request, and
// verifying it again (HMAC, base64 and JSON decoding of the claims) was a
// large share of a request's CPU and allocations. Only successful checks are
// kept, keyed by the whole token, and a hit is still refused from the moment
// the token expires; revocation is checked by the caller on every request,
// cached or not.
type verifiedCache struct {
	mu     sync.RWMutex
	claims map[string]application.TokenClaims
}

// lookup returns the cached claims of token if it is still unexpired at now.
func (c *verifiedCache) lookup(token string, now time.Time) (application.TokenClaims, bool) {
	c.mu.RLock()
	claims, ok := c.claims[token]
	c.mu.RUnlock()
	// The same comparison as the JWT library's expiry check: valid while
	// now is before exp.
	if !ok || !now.Before(claims.ExpiresAt) {
		return application.TokenClaims{}, false
	}
	return claims, true
}

// store keeps the claims of a verified token. When the cache is full it drops
// expired entries first and, if that is not enough, arbitrary ones: a dropped
// token is only verified again.
func (c *verifiedCache) store(token string, claims application.TokenClaims, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.claims == nil {
		c.claims = make(map[string]application.TokenClaims)
	}
	if len(c.claims) >= maxCachedTokens {
		for t, cl := range c.claims {
			if !now.Before(cl.ExpiresAt) {
				delete(c.claims, t)
			}
		}
		for t := range c.claims {
			if len(c.claims) < maxCachedTokens*3/4 {
				break
			}
			delete(c.claims, t)
		}
	}
	c.claims[token] = claims
}
