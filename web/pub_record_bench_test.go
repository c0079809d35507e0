package web

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/inquest-project/inquest/store"
)

// BenchmarkPublicRecordLoad loads the public record of the case "bench" of
// an existing database (INQUEST_BENCH_SQLITE, or INQUEST_BENCH_POSTGRES; see
// BENCHMARKS.md) and reports the memory the record holds once loaded
// (live-MB), which is what a server keeps per public case:
//
//	INQUEST_BENCH_SQLITE=bench-1m.db go test -run '^$' -bench PublicRecordLoad -benchtime 3x ./web/
func BenchmarkPublicRecordLoad(b *testing.B) {
	dsn := os.Getenv("INQUEST_BENCH_SQLITE")
	if dsn == "" {
		dsn = os.Getenv("INQUEST_BENCH_POSTGRES")
	}
	if dsn == "" {
		b.Skip("set INQUEST_BENCH_SQLITE or INQUEST_BENCH_POSTGRES to a database holding the case bench")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	c, err := db.CaseBySlug(ctx, "bench")
	if err != nil {
		b.Fatal(err)
	}
	s := NewServer(db, Options{})
	var before, after runtime.MemStats
	var rec *pubRecord
	for b.Loop() {
		rec = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		if rec, err = s.loadPublicRecord(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
	b.ReportMetric(float64(rec.StatementCount()), "statements")
	// What a reload adds to decide whether anything changed.
	t0 := time.Now()
	rec.fingerprint()
	b.ReportMetric(float64(time.Since(t0).Milliseconds()), "fingerprint-ms")
}
