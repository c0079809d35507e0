package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// exportWorkspace makes a SQLite workspace with a case of ingested sources.
func exportWorkspace(t *testing.T) string {
	t.Helper()
	dsn := storetest.SQLitePath(t)
	ingestWorkspace(t, dsn, "january")
	dir := t.TempDir()
	ingestWriteFile(t, filepath.Join(dir, "a.txt"), "Address\n\nOn 7 January the President said: \"Twenty thousand bandits attacked Almaty.\"")
	ingestWriteFile(t, filepath.Join(dir, "b.txt"), "Мажилис\n\n14 марта генпрокурор заявил: «Их там не было». Погибли 238 человек.")
	if code, _, stderr := runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", dir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return dsn
}

func TestExportImportCommands(t *testing.T) {
	from := exportWorkspace(t)
	bag := filepath.Join(t.TempDir(), "bag")
	code, stdout, stderr := runIngestCmd(t, "export", "--db", from, "--case", "january", "--format", "bagit", "--out", bag)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Wrote bag "+bag+" of case january: 2 sources") || !strings.Contains(stderr, "private material") {
		t.Errorf("export said:\n%s\n%s", stdout, stderr)
	}
	if _, err := bagit.Validate(bag); err != nil {
		t.Fatalf("the exported bag is not valid: %v", err)
	}

	storetest.EachDSN(t, func(t *testing.T, to string) {
		code, stdout, stderr := runIngestCmd(t, "import", "--db", to, "--format", "bagit", bag, "--case", "january-copy")
		if code != 0 {
			t.Fatalf("import: exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "as case january-copy: 2 sources") {
			t.Errorf("import said: %s", stdout)
		}
		ctx := context.Background()
		src, err := store.Open(ctx, from)
		if err != nil {
			t.Fatal(err)
		}
		defer src.Close()
		dst, err := store.Open(ctx, to)
		if err != nil {
			t.Fatal(err)
		}
		defer dst.Close()
		want := sourceHashes(t, src, "january")
		if got := sourceHashes(t, dst, "january-copy"); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("imported sources %v, want %v", got, want)
		}
		// A second import under the same slug is refused and changes nothing.
		code, _, stderr = runIngestCmd(t, "import", "--db", to, "--format", "bagit", bag, "--case", "january-copy")
		if code == 0 || !strings.Contains(stderr, "already exists") {
			t.Errorf("second import: exit %d: %s", code, stderr)
		}
	})
}

func sourceHashes(t *testing.T, db *store.DB, slug string) []string {
	t.Helper()
	ctx := context.Background()
	c, err := db.CaseBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range ss {
		out = append(out, s.SHA256+":"+s.TextSHA256)
	}
	return out
}

func TestImportCommandRejectsChangedBag(t *testing.T) {
	from := exportWorkspace(t)
	bag := filepath.Join(t.TempDir(), "bag")
	if code, _, stderr := runIngestCmd(t, "export", "--db", from, "--case", "january", "--out", bag); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	originals, _ := filepath.Glob(filepath.Join(bag, "data", "sources", "*"))
	if len(originals) == 0 {
		t.Fatal("no originals in the bag")
	}
	b, _ := os.ReadFile(originals[0])
	b[len(b)-1] ^= 1
	if err := os.WriteFile(originals[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	to := storetest.SQLitePath(t)
	code, _, stderr := runIngestCmd(t, "import", "--db", to, "--format", "bagit", bag)
	rel := "data/sources/" + filepath.Base(originals[0])
	if code != 2 || !strings.Contains(stderr, rel) || !strings.Contains(stderr, "Nothing was imported") {
		t.Errorf("import of a changed bag: exit %d, stderr:\n%s\nwant exit 2 naming %s", code, stderr, rel)
	}
}

func TestExportImportUsage(t *testing.T) {
	dsn := exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "bag")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--db", dsn, "--out", out}, "--case SLUG is required"},
		{[]string{"export", "--db", dsn, "--case", "january"}, "--out DIR is required"},
		{[]string{"export", "--db", dsn, "--case", "january", "--out", out, "--format", "zip"}, `--format "zip" is not one of bagit`},
		{[]string{"export", "--db", dsn, "--case", "nope", "--out", out}, `case "nope" does not exist`},
		{[]string{"import", "--db", dsn}, "give exactly one bag directory"},
		{[]string{"import", "--db", dsn, t.TempDir()}, "bagit.txt: bag declaration missing"},
	}
	for _, tt := range tests {
		code, _, stderr := runIngestCmd(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}
