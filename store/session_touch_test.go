package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestSessionTouchedOnceByManyRequests: when a session idle for more than
// a minute comes back with many requests at once, every request is
// answered and the session's last use is stored as now.
func TestSessionTouchedOnceByManyRequests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &inquest.User{Name: "busy-analyst", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, u, "a long enough password for the test"); err != nil {
			t.Fatal(err)
		}
		secret, _, err := db.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.AgeSession(ctx, db, secret, 10*time.Minute); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for range 20 {
			wg.Go(func() {
				if got, _, err := db.SessionUser(ctx, secret); err != nil || got.ID != u.ID {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("a request of the session was refused: %v", err)
		}
		// The last use is written behind the requests.
		for wait := time.Now(); ; time.Sleep(20 * time.Millisecond) {
			at, err := store.SessionLastSeen(ctx, db, secret)
			if err != nil {
				t.Fatal(err)
			}
			if time.Since(at) < time.Minute {
				break
			}
			if time.Since(wait) > 10*time.Second {
				t.Fatalf("after its requests the session is stored as last used %s ago, want now", time.Since(at).Round(time.Second))
			}
		}
	})
}
