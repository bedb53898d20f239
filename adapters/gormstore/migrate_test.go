package gormstore_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-chat/parley/adapters/gormstore"
)

func TestMigrate(t *testing.T) {
	for _, d := range dialects {
		t.Run(d+"_concurrent_replicas", func(t *testing.T) {
			url := freshURL(t, d)
			const replicas = 4
			stores := make([]*gormstore.Store, replicas)
			for i := range stores {
				stores[i] = mustOpen(t, gormstore.Options{URL: url})
			}
			errs := make([]error, replicas)
			var wg sync.WaitGroup
			for i, s := range stores {
				wg.Go(func() { errs[i] = gormstore.Migrate(context.Background(), s) })
			}
			wg.Wait()
			for _, err := range errs {
				require.NoError(t, err)
			}
			var applied, distinct int64
			db := stores[0].DB()
			require.NoError(t, db.Raw(`SELECT count(*) FROM goose_db_version WHERE version_id > 0`).Scan(&applied).Error)
			require.NoError(t, db.Raw(`SELECT count(DISTINCT version_id) FROM goose_db_version WHERE version_id > 0`).Scan(&distinct).Error)
			require.Positive(t, applied)
			require.Equal(t, distinct, applied, "each migration is recorded once")
			require.NoError(t, gormstore.Migrate(context.Background(), stores[0]), "migrating again is a no-op")
		})
	}
}
