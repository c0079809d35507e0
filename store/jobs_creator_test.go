package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// A job remembers who queued it, and every way of reading a job back (the
// insert, a look-up, the list, a claim, finishing, cancelling) names them.
func TestJobCreatedBy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		anna := &inquest.User{Name: "anna", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, anna, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name      string
			createdBy int64
			wantBy    int64
			wantName  string
			wantCode  string
		}{
			{"by a user", anna.ID, anna.ID, "anna", ""},
			{"by the system", 0, 0, "", ""},
			{"by a user who does not exist", anna.ID + 1000, 0, "", inquest.EINVALID},
			{"by a negative id", -1, 0, "", inquest.EINVALID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				j, created, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", UniqueKey: "creator:" + tt.name, CreatedBy: tt.createdBy})
				if tt.wantCode != "" {
					if inquest.ErrorCode(err) != tt.wantCode {
						t.Fatalf("enqueue: %v, want %s", err, tt.wantCode)
					}
					return
				}
				if err != nil || !created {
					t.Fatalf("enqueue: created %v, %v", created, err)
				}
				got, err := db.Job(ctx, j.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range []*store.Job{j, got} {
					if g.CreatedBy != tt.wantBy || g.CreatedByName != tt.wantName {
						t.Errorf("job %d created by %d %q, want %d %q", g.ID, g.CreatedBy, g.CreatedByName, tt.wantBy, tt.wantName)
					}
				}
			})
		}
		// Enqueuing a job that is already active returns it as it was
		// queued: the first user's, not the second asker's.
		if again, created, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", UniqueKey: "creator:by a user"}); err != nil || created || again.CreatedBy != anna.ID || again.CreatedByName != "anna" {
			t.Errorf("same key by the system: created %v, by %d %q (%v); want the job anna queued", created, again.CreatedBy, again.CreatedByName, err)
		}

		list, err := db.Jobs(ctx, store.JobFilter{})
		if err != nil || len(list) != 2 {
			t.Fatalf("list: %d jobs, %v; want 2", len(list), err)
		}
		byName := map[string]bool{}
		for _, j := range list {
			byName[j.CreatedByName] = true
		}
		if !byName["anna"] || !byName[""] {
			t.Errorf("list names creators %v, want anna and the system", byName)
		}

		claimed, err := db.ClaimJobs(ctx, "w", nil, 10, time.Minute)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("claim: %d jobs, %v", len(claimed), err)
		}
		for _, j := range claimed {
			if (j.CreatedBy == anna.ID) != (j.CreatedByName == "anna") {
				t.Errorf("claimed job %d: by %d %q", j.ID, j.CreatedBy, j.CreatedByName)
			}
			if j.CreatedBy != anna.ID {
				continue
			}
			c, err := db.CancelJob(ctx, j.ID)
			if err != nil || c.CreatedByName != "anna" {
				t.Errorf("cancel: by %q, %v; want anna", c.CreatedByName, err)
			}
			f, err := db.FinishJob(ctx, j.Lease(), context.Canceled, true, time.Time{}, nil)
			if err != nil || f.CreatedBy != anna.ID || f.CreatedByName != "anna" {
				t.Errorf("finish: by %d %q, %v; want anna", f.CreatedBy, f.CreatedByName, err)
			}
		}
	})
}

// Deleting a user keeps the jobs they queued, with no creator: the queue's
// history outlives the account. Other users' jobs keep theirs.
func TestJobCreatorDeleted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		users := map[string]*inquest.User{}
		for _, name := range []string{"anna", "boris"} {
			u := &inquest.User{Name: name, Role: inquest.RoleEditor}
			if err := db.CreateUser(ctx, u, "a long enough password"); err != nil {
				t.Fatal(err)
			}
			users[name] = u
		}
		ids := map[string]int64{}
		for _, name := range []string{"anna", "boris"} {
			j, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", CreatedBy: users[name].ID})
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = j.ID
		}
		if err := store.DeleteUserRow(ctx, db, users["anna"].ID); err != nil {
			t.Fatalf("delete anna: %v", err)
		}
		tests := []struct {
			job      string
			wantBy   int64
			wantName string
		}{
			{"anna", 0, ""},
			{"boris", users["boris"].ID, "boris"},
		}
		for _, tt := range tests {
			got, err := db.Job(ctx, ids[tt.job])
			if err != nil {
				t.Fatalf("%s's job after anna was deleted: %v", tt.job, err)
			}
			if got.CreatedBy != tt.wantBy || got.CreatedByName != tt.wantName {
				t.Errorf("%s's job: created by %d %q, want %d %q", tt.job, got.CreatedBy, got.CreatedByName, tt.wantBy, tt.wantName)
			}
		}
		if list, err := db.Jobs(ctx, store.JobFilter{}); err != nil || len(list) != 2 {
			t.Errorf("after deleting anna: %d jobs listed, %v; want both", len(list), err)
		}
		// A job cannot be queued in a deleted user's name.
		_, _, err := db.EnqueueJob(ctx, store.NewJob{Kind: "k", CreatedBy: users["anna"].ID})
		if inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("enqueue by a deleted user: %v, want EINVALID", err)
		}
	})
}
