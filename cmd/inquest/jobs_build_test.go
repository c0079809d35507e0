package main

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// siteFiles lists the files under dir, relative to it, without the build
// marker.
func siteFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".inquest-site" {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// `inquest jobs add build.static` queues a build that an `inquest worker`
// runs into its --site-dir: the same site `inquest build` writes, with its
// progress recorded. A private case is refused when queued; a build into a
// directory that holds something else fails with a message and leaves it
// alone.
func TestJobsAddBuildStatic(t *testing.T) {
	bin := buildInquest(t)
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		if code, _, stderr := runCLI(t, "", "demo", "--load-only", "--db", dsn); code != 0 {
			t.Fatalf("demo --load-only = %d %s", code, stderr)
		}
		runCLI(t, "", "case", "create", "internal", "--title", "Internal notes", "--db", dsn)
		siteDir := t.TempDir()
		foreign := t.TempDir()
		if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}

		code, stdout, stderr := runCLI(t, "", "jobs", "add", "build.static", "--case", "january-events", "--format", "json", "--db", dsn)
		var added []*inquest.Job
		if code != 0 || json.Unmarshal([]byte(stdout), &added) != nil || len(added) != 1 {
			t.Fatalf("jobs add build.static = %d %q %s", code, stdout, stderr)
		}
		if code, _, stderr := runCLI(t, "", "jobs", "add", "build.static", "--case", "internal", "--db", dsn); code != 2 || !strings.Contains(stderr, "not public") {
			t.Errorf("jobs add build.static of a private case = %d %q; want exit 2 saying it is not public", code, stderr)
		}
		code, stdout, stderr = runCLI(t, "", "jobs", "add", "build.static", "--case", "january-events", "--out", foreign, "--format", "json", "--db", dsn)
		var refused []*inquest.Job
		if code != 0 || json.Unmarshal([]byte(stdout), &refused) != nil || len(refused) != 1 {
			t.Fatalf("jobs add build.static --out = %d %q %s", code, stdout, stderr)
		}

		startWorker(t, bin, dsn, "--site-dir", siteDir)
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		final := func(id int64) *store.Job {
			var j *store.Job
			waitUntil(t, "build job finished", 120*time.Second, func() bool {
				j, err = db.Job(ctx, id)
				return err == nil && !j.State.Active()
			})
			return j
		}
		built := final(added[0].ID)
		if built.State != store.JobDone || built.ProgressTotal < 10 || built.ProgressDone != built.ProgressTotal {
			t.Errorf("build job: %s, progress %d/%d, error %q; want done, its progress full", built.State, built.ProgressDone, built.ProgressTotal, built.LastError)
		}
		out := filepath.Join(t.TempDir(), "site")
		if code, _, stderr := runCLI(t, "", "build", "--case", "january-events", "--out", out, "--db", dsn); code != 0 {
			t.Fatalf("build = %d %s", code, stderr)
		}
		got, want := siteFiles(t, filepath.Join(siteDir, "january-events")), siteFiles(t, out)
		if !slices.Equal(got, want) {
			t.Errorf("the job built %d files, inquest build %d: the two sites differ", len(got), len(want))
		}
		if int64(len(want)) != built.ProgressTotal {
			t.Errorf("progress total %d, but the site has %d files", built.ProgressTotal, len(want))
		}

		bad := final(refused[0].ID)
		if bad.State != store.JobFailed || bad.Attempt != 1 || !strings.Contains(bad.LastError, "no Inquest build wrote") {
			t.Errorf("build into a foreign directory: %s after %d attempts, error %q; want failed at once, saying why", bad.State, bad.Attempt, bad.LastError)
		}
		if got := siteFiles(t, foreign); !slices.Equal(got, []string{"notes.txt"}) {
			t.Errorf("the foreign directory now holds %v", got)
		}
	})
}
