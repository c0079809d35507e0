package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestBackupRestoreCommands(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ingestWorkspace(t, dsn, "january")
		dir := t.TempDir()
		ingestWriteFile(t, filepath.Join(dir, "a.txt"), "Toll\n\nThe death toll was revised to 238.")
		ingestWriteFile(t, filepath.Join(dir, "b.bin.txt"), "Second\n\nEight people died under torture.")
		if code, _, stderr := runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", dir); code != 0 {
			t.Fatalf("ingest: %s", stderr)
		}
		file := filepath.Join(t.TempDir(), "workspace.backup")
		code, stdout, stderr := runIngestCmd(t, "backup", "--db", dsn, "--out", file)
		if code != 0 || !strings.Contains(stdout, "Backed up") {
			t.Fatalf("backup: exit %d\n%s%s", code, stdout, stderr)
		}
		if code, _, stderr := runIngestCmd(t, "backup", "--db", dsn, "--out", file); code == 0 || !strings.Contains(stderr, "already exists") {
			t.Errorf("backup over an existing file: exit %d %s", code, stderr)
		}

		target := filepath.Join(t.TempDir(), "restored.db")
		if strings.HasPrefix(dsn, "postgres") {
			target = cmdEmptyPostgres(t, dsn)
		}
		code, stdout, stderr = runIngestCmd(t, "restore", file, "--db", target)
		if code != 0 || !strings.Contains(stdout, "audit chain is intact") {
			t.Fatalf("restore: exit %d\n%s%s", code, stdout, stderr)
		}
		ctx := context.Background()
		a, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		b, err := store.Open(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if got, want := sourceHashes(t, b, "january"), sourceHashes(t, a, "january"); strings.Join(got, " ") != strings.Join(want, " ") || len(got) != 2 {
			t.Errorf("restored sources %v, want %v", got, want)
		}
		if code, _, stderr := runIngestCmd(t, "restore", file, "--db", target); code == 0 || !strings.Contains(stderr, "--force") {
			t.Errorf("restore over a workspace: exit %d %s", code, stderr)
		}
	})
}

func TestBackupUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"backup"}, "--out FILE is required"},
		{[]string{"restore"}, "give exactly one backup file"},
	} {
		if code, _, stderr := runIngestCmd(t, tt.args...); code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// cmdEmptyPostgres creates an empty database beside like's, with like's
// search_path, dropped when the test ends.
func cmdEmptyPostgres(t *testing.T, like string) string {
	t.Helper()
	base := os.Getenv(storetest.EnvPostgres)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "inquest_restore_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if admin, err := sql.Open("pgx", base); err == nil {
			admin.Exec("DROP DATABASE " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	u, _ := url.Parse(like)
	u.Path = "/" + name
	return u.String()
}
