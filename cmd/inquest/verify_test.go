package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// runCmd runs the inquest command line in-process and returns its exit code
// and output.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestInitCommand(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		for range 2 { // a second init finds nothing to do
			code, out, errs := runCmd(t, "init", "--db", dsn)
			want := fmt.Sprintf("schema version %d\n", store.LatestSchemaVersion())
			if code != 0 || !strings.HasSuffix(out, want) {
				t.Fatalf("init: exit %d, stdout %q, stderr %q", code, out, errs)
			}
		}
	})
	code, _, errs := runCmd(t, "init", "--db", t.TempDir()+"/missing/dir/x.db")
	if code == 0 || !strings.Contains(errs, "does not exist; create it first") {
		t.Errorf("init in a missing directory: exit %d, %q", code, errs)
	}
}

func TestVerifyCommand(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		c := storetest.NewCase(t, db, "january-events")
		a := storetest.NewSource(t, db, c.ID, "https://example.org/asylov", "<p>They were not there.</p>", "They were not there.")
		storetest.NewSource(t, db, c.ID, "https://example.org/toll", "<p>238 dead</p>", "238 dead")
		db.Close()

		code, out, errs := runCmd(t, "verify", "--db", dsn)
		if code != 0 || out != "ok: 2 sources, 2 blobs, 3 audit entries\n" {
			t.Fatalf("clean record: exit %d, stdout %q, stderr %q", code, out, errs)
		}

		// One byte of a's archived original changes behind inquest's back.
		db, err = store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RawExec(ctx, "UPDATE blobs SET data = ? WHERE sha256 = ?", []byte("<p>They were not here.</p>"), a.SHA256); err != nil {
			t.Fatal(err)
		}
		db.Close()
		code, out, errs = runCmd(t, "verify", "--db", dsn)
		want := fmt.Sprintf("MISMATCH source %d %q (%s): archived original differs: recorded sha256 %s", a.ID, a.Title, a.Locator, a.SHA256)
		if code != 1 || !strings.Contains(out, want) || strings.Count(out, "MISMATCH") != 1 || !strings.Contains(errs, "altered") {
			t.Errorf("tampered blob: exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errs, want)
		}

		// An edited audit entry is reported too.
		db, err = store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RawExec(ctx, "UPDATE audit_log SET actor = ? WHERE id = ?", "mallory", 2); err != nil {
			t.Fatal(err)
		}
		db.Close()
		code, out, _ = runCmd(t, "verify", "--db", dsn)
		if code != 1 || !strings.Contains(out, "MISMATCH audit log: the chain breaks at entry 2") {
			t.Errorf("edited audit entry: exit %d, stdout %q", code, out)
		}
	})
}
