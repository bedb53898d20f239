package bootstrap

import (
	"context"
	"time"

	"go.uber.org/fx"
)

// runInBackground runs loop in its own goroutine from start until stop; stop
// cancels loop's context and waits for it to return.
func runInBackground(lc fx.Lifecycle, loop func(ctx context.Context)) {
	var cancel context.CancelFunc
	done := make(chan struct{})
	lc.Append(fx.Hook{
		OnStart: func(context.Context) error {
			var ctx context.Context
			// The loop outlives the start context, so it gets its own.
			ctx, cancel = context.WithCancel(context.Background())
			go func() {
				defer close(done)
				loop(ctx)
			}()
			return nil
		},
		OnStop: func(ctx context.Context) error {
			cancel()
			select {
			case <-done:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
	})
}

// every calls fn each interval until ctx ends.
func every(ctx context.Context, interval time.Duration, fn func(ctx context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fn(ctx)
		}
	}
}
