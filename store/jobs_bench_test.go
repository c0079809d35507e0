package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// eachBackend runs a benchmark on SQLite and, when INQUEST_TEST_POSTGRES is
// set, on PostgreSQL.
func eachBackend(b *testing.B, fn func(b *testing.B, db *store.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, storetest.Open(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, storetest.OpenPostgres(b)) })
}

// jobCreators adds n users to queue jobs in the name of; id 0 is the system.
func jobCreators(b *testing.B, db *store.DB, n int) []int64 {
	ids := []int64{0}
	for i := range n {
		u := &inquest.User{Name: fmt.Sprintf("user%d", i), Role: inquest.RoleAnalyst}
		if err := db.CreateUser(context.Background(), u, "a long enough password"); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	return ids
}

// The jobs page's read: the 100 newest jobs, each with its creator's name.
func BenchmarkJobsList(b *testing.B) {
	eachBackend(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		by := jobCreators(b, db, 3)
		for i := range 1000 {
			if _, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", CreatedBy: by[i%len(by)]}); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		cpu := cpuTime()
		for b.Loop() {
			list, err := db.Jobs(ctx, store.JobFilter{Limit: 100})
			if err != nil || len(list) != 100 {
				b.Fatalf("%d jobs, %v", len(list), err)
			}
		}
		// This process's processor time (on PostgreSQL, the server's is not in it).
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
	})
}

// A job's life in the queue: queued by a user, claimed, finished with a
// result the size of a fetch's.
func BenchmarkJobEnqueueClaimFinish(b *testing.B) {
	eachBackend(b, func(b *testing.B, db *store.DB) {
		ctx := context.Background()
		by := jobCreators(b, db, 1)
		result := json.RawMessage(`{"source_id":123456,"already_archived":false}`)
		b.ResetTimer()
		cpu := cpuTime()
		for b.Loop() {
			if _, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", CreatedBy: by[1]}); err != nil {
				b.Fatal(err)
			}
			got, err := db.ClaimJobs(ctx, "w", nil, 1, time.Minute)
			if err != nil || len(got) != 1 {
				b.Fatalf("claim: %d jobs, %v", len(got), err)
			}
			if _, err := db.FinishJob(ctx, got[0].Lease(), nil, false, time.Time{}, result); err != nil {
				b.Fatal(err)
			}
		}
		// This process's processor time (on PostgreSQL, the server's is not in it).
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
	})
}
