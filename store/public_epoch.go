package store

import (
	"context"
	"fmt"
)

// PublicEpoch is the count of changes that may take something off the
// public site: updates and deletions of anything a public page shows, made
// by any process on this database (migration 0008). A server that sees it
// move drops its cached public pages. It implements inquest.PublicEpochs.
func (db *DB) PublicEpoch(ctx context.Context) (int64, error) {
	var n int64
	if err := db.reader().row(ctx, "SELECT epoch FROM public_epoch WHERE id = 1").Scan(&n); err != nil {
		return 0, fmt.Errorf("read the public change count: %w", err)
	}
	return n, nil
}
