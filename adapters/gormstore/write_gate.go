package gormstore

import (
	"context"

	"gorm.io/gorm"
)

// SQLite has one writer at a time. A transaction that finds the write lock
// taken waits in SQLite's busy handler, which polls with sleeps of up to
// 100 ms: under a burst of writes (a hundred people starting the same
// conversation at once) the lock sits free while every waiter sleeps, and
// waiters run past the query timeout although the work itself takes a few
// milliseconds. The write gate queues this process's transactions in Go
// instead, so the lock passes from one to the next at once; SQLite's busy
// handler is left for other processes sharing the file. PostgreSQL has
// row locks and no gate.

// newWriteGate returns the gate for dialect: nil, meaning no gate, for
// PostgreSQL.
func newWriteGate(dialect string) chan struct{} {
	if dialect == DialectPostgres {
		return nil
	}
	return make(chan struct{}, 1)
}

// transaction runs fn in a transaction bound to ctx, after passing the write
// gate; a context that ends while waiting at the gate is the context's error.
func (s *Store) transaction(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.writeGate != nil {
		select {
		case s.writeGate <- struct{}{}:
			defer func() { <-s.writeGate }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return s.conn(ctx).Transaction(fn)
}
