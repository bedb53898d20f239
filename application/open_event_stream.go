package application

import "context"

// OpenEventStream opens the caller's stream of events (GET /events).
type OpenEventStream struct {
	hub  *EventHub
	auth *Authenticate
}

// NewOpenEventStream returns the use case.
func NewOpenEventStream(hub *EventHub, auth *Authenticate) *OpenEventStream {
	return &OpenEventStream{hub: hub, auth: auth}
}

// Execute subscribes the token's user to their events after lastSeen (the
// client's Last-Event-ID, nil for none). Beyond the per-user limit it is
// ErrTooManyStreams; a token revoked meanwhile is
// domain.ErrUnauthenticated. The stream lives until ctx ends, the caller
// closes it or the hub shuts down.
func (uc *OpenEventStream) Execute(ctx context.Context, claims TokenClaims, lastSeen *int64) (*EventStream, error) {
	if err := uc.auth.Recheck(claims); err != nil {
		return nil, err
	}
	return uc.hub.Subscribe(ctx, claims.Actor.UserID, lastSeen)
}

// StillAllowed reports whether a stream opened with claims may go on: its
// token still holds. Streams ask it every so often.
func (uc *OpenEventStream) StillAllowed(claims TokenClaims) error {
	return uc.auth.Recheck(claims)
}
