package loadtest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/inquest-project/inquest/store/storetest"
)

// TestRunSmall runs the load test small on both backends. It asserts what a
// user would notice, never timings: every request answered, every
// acknowledged write present afterwards, archive and audit chain intact.
func TestRunSmall(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		rep, err := Run(context.Background(), Config{DSN: dsn, Readers: 4, Writers: 2, Seed: 3, Duration: 20 * time.Second, MaxRequests: 160})
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if rep.Errors != 0 {
			t.Errorf("%d errors: %v", rep.Errors, rep.Samples)
		}
		if rep.Lost != 0 {
			t.Errorf("%d of %d acknowledged writes lost: %v", rep.Lost, rep.Acked, rep.Samples)
		}
		if rep.Acked == 0 || rep.Reads.Count == 0 {
			t.Errorf("the run did nothing: %d writes, %d reads", rep.Acked, rep.Reads.Count)
		}
		if rep.Reads.Count+rep.Acked > 160 {
			t.Errorf("%d requests, over the bound of 160", rep.Reads.Count+rep.Acked)
		}
		if !rep.Verified {
			t.Error("archive or audit chain does not verify after the run")
		}
	})
}

func TestRunNeedsBounds(t *testing.T) {
	if _, err := Run(context.Background(), Config{Readers: 1}); err == nil {
		t.Error("an unbounded run was accepted")
	}
	if _, err := Run(context.Background(), Config{Duration: time.Second}); err == nil {
		t.Error("a run with no readers or writers was accepted")
	}
}

// TestNoteSlow: a report names the slowest reads, slowest first, and no
// more than it keeps, whatever order they came in.
func TestNoteSlow(t *testing.T) {
	var list []SlowRead
	took := []int{5, 1, 9, 3, 7, 2, 8, 6, 4, 10, 0, 11}
	for _, ms := range took {
		list = noteSlow(list, SlowRead{Path: fmt.Sprint(ms), Took: time.Duration(ms) * time.Millisecond})
	}
	var got []string
	for _, r := range list {
		got = append(got, r.Path)
	}
	if want := []string{"11", "10", "9", "8", "7", "6", "5", "4"}; !slices.Equal(got, want) {
		t.Errorf("slowest = %v, want %v", got, want)
	}
}
