package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// corpusFile returns the path of a file of ../shared/corpus/dev, skipping the
// test when the corpus is not beside the repository (it always is in CI).
func corpusFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpus", "dev", name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the shared corpus must be beside the repository in CI: %v", err)
		}
		t.Skipf("no shared corpus here (%v)", err)
	}
	return p
}

// demoFile copies a file of the embedded demo content to a temporary file.
func demoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(demo.Content(), name)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openTestDSN(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPeopleImport(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		for _, tt := range []struct {
			name, file string
		}{
			{"demo", demoFile(t, "people.json")},
			{"corpus", corpusFile(t, "people.json")},
		} {
			t.Run(tt.name, func(t *testing.T) {
				db := openTestDSN(t, dsn)
				before, err := db.People(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				code, stdout, stderr := runCLI(t, "", "people", "import", tt.file, "--db", dsn)
				if code != 0 {
					t.Fatalf("people import %s = %d %s", tt.file, code, stderr)
				}
				after, err := db.People(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				added := len(after) - len(before)
				if added <= 0 || !strings.Contains(stdout, "imported ") {
					t.Fatalf("people import stored %d new people; said %q", added, stdout)
				}
				// Importing again updates every person and adds none.
				code, stdout, _ = runCLI(t, "", "people", "import", tt.file, "--db", dsn)
				if code != 0 || !strings.Contains(stdout, " 0 new, ") {
					t.Errorf("second import = %d %q, want 0 new", code, stdout)
				}
				again, _ := db.People(context.Background())
				if len(again) != len(after) {
					t.Errorf("second import: %d people, want %d", len(again), len(after))
				}
			})
		}
		db := openTestDSN(t, dsn)
		tokayev, err := db.PersonBySlug(context.Background(), "tokayev")
		if err != nil || len(tokayev.Positions) == 0 || tokayev.Names["ru"] == "" {
			t.Errorf("tokayev after import = %+v, %v; want positions and a Russian name", tokayev, err)
		}
	})
}

func TestPeopleImportBadFileChangesNothing(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "people.json")
	// The second person is invalid: the first must not be stored either.
	os.WriteFile(bad, []byte(`{"people": [{"id": "ok", "name": "Fine"}, {"id": "Bad Id", "name": "X"}]}`), 0o644)
	code, _, stderr := runCLI(t, "", "people", "import", bad, "--db", dsn)
	if code != 2 || !strings.Contains(stderr, bad) || !strings.Contains(stderr, "Bad Id") {
		t.Errorf("bad people file = %d %q, want exit 2 naming the file and the id", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "people", "import", filepath.Join(dir, "missing.json"), "--db", dsn)
	if code != 2 || !strings.Contains(stderr, "missing.json does not exist") {
		t.Errorf("missing people file = %d %q", code, stderr)
	}
	db := openTestDSN(t, dsn)
	if people, _ := db.People(context.Background()); len(people) != 0 {
		t.Errorf("a rejected file stored %d people", len(people))
	}
	// Standard input works as a file named "-".
	code, stdout, stderr := runCLI(t, `{"people": [{"id": "zas", "name": "Stanislav Zas"}]}`, "people", "import", "-", "--db", dsn)
	if code != 0 || !strings.Contains(stdout, "1 new") {
		t.Errorf("people import - = %d %q %q", code, stdout, stderr)
	}
}
