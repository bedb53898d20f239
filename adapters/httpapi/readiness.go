package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"

	"github.com/parley-chat/parley/adapters/httpapi/jsonapi"
	"github.com/parley-chat/parley/domain"
)

// Probe paths.
const (
	// HealthPath answers 200 while the process serves at all (liveness).
	HealthPath = "/healthz"
	// ReadyPath answers 200 while the replica should get traffic.
	ReadyPath = "/readyz"
)

// pingTimeout bounds one readiness check, so that a hanging database makes
// the probe fail instead of hang.
const pingTimeout = 2 * time.Second

// Pinger is what readiness checks: the store's Ping.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Readiness tells load balancers whether this replica should get traffic:
// not while it drains for shutdown, nor while its database does not answer.
type Readiness struct {
	pinger   Pinger
	draining atomic.Bool
}

// NewReadiness returns a readiness check over p; a nil p (a store without a
// database) is always reachable.
func NewReadiness(p Pinger) *Readiness {
	return &Readiness{pinger: p}
}

// SetDraining marks the replica as shutting down; readiness fails from then
// on while in-flight requests finish.
func (r *Readiness) SetDraining() {
	r.draining.Store(true)
}

// Check returns nil when the replica is ready, else an error matching
// domain.ErrUnavailable.
func (r *Readiness) Check(ctx context.Context) error {
	if r.draining.Load() {
		return fmt.Errorf("draining: %w", domain.ErrUnavailable)
	}
	if r.pinger == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if err := r.pinger.Ping(ctx); err != nil {
		return fmt.Errorf("ping database: %w: %w", domain.ErrUnavailable, err)
	}
	return nil
}

// healthz answers 200 while the process runs.
func healthz(c *gin.Context) {
	writeDocument(c, http.StatusOK, jsonapi.MetaDocument{Meta: map[string]string{"status": "ok"}})
}

// readyz answers 200 when ready and 503 otherwise.
func readyz(r *Readiness, logger *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := r.Check(c.Request.Context()); err != nil {
			abortWithError(c, logger, err)
			return
		}
		writeDocument(c, http.StatusOK, jsonapi.MetaDocument{Meta: map[string]string{"status": "ready"}})
	}
}
