package backup_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/backup"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkBackup measures a backup of a workspace holding
// INQUEST_BENCH_BACKUP_MB megabytes (default 64) of incompressible originals
// in 256 kB sources, on each backend:
//
//	INQUEST_BENCH_BACKUP_MB=512 go test -run XXX -bench Backup -benchtime 3x ./backup
func BenchmarkBackup(b *testing.B) {
	mb := 64
	if v, err := strconv.Atoi(os.Getenv("INQUEST_BENCH_BACKUP_MB")); err == nil && v > 0 {
		mb = v
	}
	for _, backend := range []string{"sqlite", "postgres"} {
		b.Run(fmt.Sprintf("%s-%dMB", backend, mb), func(b *testing.B) {
			var dsn string
			if backend == "sqlite" {
				dsn = storetest.SQLitePath(b)
			} else {
				dsn = storetest.PostgresDSN(b)
			}
			fill(b, dsn, mb)
			ctx := context.Background()
			dir := b.TempDir()
			b.SetBytes(int64(mb) << 20)
			b.ResetTimer()
			for i := range b.N {
				out := filepath.Join(dir, fmt.Sprintf("b%d", i))
				if _, err := backup.Backup(ctx, dsn, out, backup.Options{}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.Remove(out)
				b.StartTimer()
			}
		})
	}
}

func fill(b *testing.B, dsn string, mb int) {
	b.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c := storetest.NewCase(b, db, "bench")
	const size = 256 << 10
	for i := range mb << 20 / size {
		original := make([]byte, size)
		rand.Read(original)
		if _, _, err := db.AddSource(ctx, &inquest.Source{CaseID: c.ID, Locator: fmt.Sprintf("bench-%d", i), Title: "bench",
			Text: fmt.Sprintf("source %d", i)}, original); err != nil {
			b.Fatal(err)
		}
	}
}
