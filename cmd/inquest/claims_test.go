package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store/storetest"
)

func TestClaimsImport(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		if code, _, stderr := runCLI(t, "", "case", "create", "january-events", "--title", "January", "--db", dsn); code != 0 {
			t.Fatal(stderr)
		}
		for _, tt := range []struct {
			name, file string
		}{
			{"demo", demoFile(t, "claims.json")},
			{"corpus", corpusFile(t, "claims.json")},
		} {
			t.Run(tt.name, func(t *testing.T) {
				code, stdout, stderr := runCLI(t, "", "claims", "import", "--case", "january-events", tt.file, "--db", dsn)
				if code != 0 || !strings.Contains(stdout, "imported 5 claims into january-events") {
					t.Fatalf("claims import = %d %q %q", code, stdout, stderr)
				}
				db := openTestDSN(t, dsn)
				c, err := db.CaseBySlug(context.Background(), "january-events")
				if err != nil {
					t.Fatal(err)
				}
				claims, err := db.Claims(context.Background(), c.ID)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, cl := range claims {
					if cl.Slug == "foreign-terrorists" {
						found = cl.Texts["ru"] != ""
					}
				}
				if len(claims) != 5 || !found {
					t.Errorf("after import: %d claims, foreign-terrorists with Russian text %v; want 5 and true", len(claims), found)
				}
			})
		}
		// The corpus and the demo share claim ids: the second import updated them.
		code, stdout, _ := runCLI(t, "", "claims", "import", "--case", "january-events", demoFile(t, "claims.json"), "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "0 new, 5 updated") {
			t.Errorf("re-import = %d %q, want 0 new, 5 updated", code, stdout)
		}
	})
}

func TestClaimsImportErrors(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	good := demoFile(t, "claims.json")
	bad := filepath.Join(t.TempDir(), "claims.json")
	os.WriteFile(bad, []byte(`{"claims": [{"id": "x", "text": "X"}]} trailing`), 0o644)
	runCLI(t, "", "case", "create", "c", "--title", "C", "--db", dsn)
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"claims", "import", good}, "--case SLUG is required"},
		{[]string{"claims", "import", "--case", "nope", good}, `case "nope" does not exist`},
		{[]string{"claims", "import", "--case", "c", bad}, "unexpected data after the JSON value"},
		{[]string{"claims", "import", "--case", "c"}, "exactly one claims file"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", append(tt.args, "--db", dsn)...)
		if code != 2 || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("inquest %s = %d %q, want 2 and %q", strings.Join(tt.args, " "), code, stderr, tt.wantErr)
		}
	}
}
