package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestOpenSQLiteErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dsn, want string
	}{
		{"missing directory", filepath.Join(dir, "no", "such", "inquest.db"), "does not exist; create it first"},
		{"not a database", notDB, "is it a SQLite file"},
		{"empty", "", "no database given"},
		{"URI", "file:x.db?mode=ro", "plain file path"},
	}
	for _, tt := range tests {
		db, err := store.Open(ctx, tt.dsn)
		if err == nil {
			db.Close()
			t.Errorf("%s: Open(%q) succeeded", tt.name, tt.dsn)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open(%q) = %v, want it to say %q", tt.name, tt.dsn, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !os.IsNotExist(err) {
		t.Error("Open created the missing directory")
	}
	// The file is created on first use and reopens with its data.
	path := filepath.Join(dir, "new.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.NewCase(t, db, "c")
	db.Close()
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CaseBySlug(ctx, "c"); err != nil {
		t.Errorf("after reopening: %v", err)
	}
}

func TestOpenPostgresUnreachable(t *testing.T) {
	_, err := store.Open(context.Background(), "postgres://nobody@127.0.0.1:1/inquest?connect_timeout=2&sslmode=disable")
	if err == nil || !strings.Contains(err.Error(), "connect to PostgreSQL at postgres://nobody@127.0.0.1:1/inquest") {
		t.Errorf("unreachable server: %v", err)
	}
	_, err = store.Open(context.Background(), "postgres://u:secret@127.0.0.1:1/inquest?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("the password shows in the error: %v", err)
	}
}

// Several processes (here: several Opens) migrating one fresh database at
// once must all succeed, and apply each migration once.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := store.Open(context.Background(), dsn)
				if err == nil {
					db.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		db, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.RawQueryRow(context.Background(), "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != store.LatestSchemaVersion() {
			t.Errorf("schema_migrations has %d rows, want %d", n, store.LatestSchemaVersion())
		}
	})
}

func TestWithActor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := store.WithActor(context.Background(), "dana")
		if err := db.CreateCase(ctx, &inquest.Case{Slug: "c", Title: "C"}); err != nil {
			t.Fatal(err)
		}
		log, err := db.AuditLog(ctx, "case", 1, 0)
		if err != nil || len(log) != 1 || log[0].Actor != "dana" || log[0].At.Location().String() != "UTC" {
			t.Errorf("audit = %+v, %v", log, err)
		}
	})
}

// Two programs on one database (the server and a command-line import) add
// sources and audit entries at once: neither fails (SQLite waits on its busy
// timeout rather than returning SQLITE_BUSY) and the audit chain stays one
// chain.
func TestTwoHandlesWriteAtOnce(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		var dbs [2]*store.DB
		for i := range dbs {
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			dbs[i] = db
		}
		c := storetest.NewCase(t, dbs[0], "c")
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for i, db := range dbs {
			for g := range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for d := range 8 {
						s := &inquest.Source{CaseID: c.ID, Locator: fmt.Sprintf("h%d-g%d-d%d", i, g, d), Text: "t"}
						if _, _, err := db.AddSource(ctx, s, []byte(s.Locator)); err != nil {
							errs <- err
						}
					}
				}()
			}
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if n := count(t, dbs[1], "sources"); n != 2*3*8 {
			t.Errorf("sources = %d, want %d", n, 2*3*8)
		}
		if id, err := dbs[1].VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("VerifyAudit = %d, %v", id, err)
		}
	})
}
