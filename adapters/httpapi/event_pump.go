package httpapi

import (
	"context"
	"time"

	"github.com/parley-chat/parley/application"
	"github.com/parley-chat/parley/domain"
)

// eventResetName is the event a stream sends first when the client's
// Last-Event-ID is older than the retained events: the client refetches.
const eventResetName = "reset"

// pumpOptions pace one stream.
type pumpOptions struct {
	retry     time.Duration // the reconnect hint sent first
	heartbeat time.Duration // how often an idle stream sends a comment
	recheck   time.Duration // how often the caller's token is checked again
}

// eventRenderer turns an event into the JSON:API document of its subject,
// or nil when the event is to be skipped.
type eventRenderer func(ctx context.Context, e domain.Event) ([]byte, error)

// pumpEvents copies s to out until ctx ends, the stream ends (its cause
// is returned) or stillAllowed reports the caller's token revoked.
func pumpEvents(ctx context.Context, out *sseWriter, s *application.EventStream, opts pumpOptions,
	render eventRenderer, stillAllowed func(context.Context) error) error {
	if err := out.retry(opts.retry); err != nil {
		return err
	}
	if s.Reset() {
		if err := out.event(0, eventResetName, []byte("{}")); err != nil {
			return err
		}
	}
	beat := time.NewTicker(opts.heartbeat)
	defer beat.Stop()
	check := time.NewTicker(opts.recheck)
	defer check.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-s.Events():
			if !ok {
				return s.Err()
			}
			doc, err := render(ctx, e)
			if err != nil {
				return err
			}
			if doc == nil {
				continue // the recipient may no longer see its subject
			}
			if err := out.event(e.Seq, string(e.Name), doc); err != nil {
				return err
			}
		case <-beat.C:
			if err := out.heartbeat(); err != nil {
				return err
			}
		case <-check.C:
			if err := stillAllowed(ctx); err != nil {
				return err
			}
		}
	}
}
