package backup_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/backup"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// populate adds a case with n sources of random bytes (some binary, some
// Cyrillic text), a statement on each, and a claim, so that every table a
// backup must carry has rows.
func populate(t testing.TB, db *store.DB, slug string, n int) {
	t.Helper()
	ctx := context.Background()
	c := storetest.NewCase(t, db, slug)
	cl := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part", Texts: map[string]string{"ru": "Иностранные террористы"}}
	if err := db.UpsertClaim(ctx, cl); err != nil {
		t.Fatal(err)
	}
	p := &inquest.Person{Slug: "asylov", Name: "Berik Asylov", Names: map[string]string{"ru": "Берик Асылов"},
		Positions: []inquest.Position{{Title: "Prosecutor General", From: "2022-01-26"}}}
	if err := db.UpsertPerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		s := addRandomSource(t, db, c.ID, fmt.Sprintf("%s-%d", slug, i))
		st := &inquest.Statement{CaseID: c.ID, SourceID: s.ID, PersonID: p.ID, Text: "Их там не было", Start: 0, End: 14,
			Review: inquest.Confirmed, Translations: map[string]string{"en": "They were not there"}}
		if err := db.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		if err := db.AddStance(ctx, &inquest.Stance{StatementID: st.ID, ClaimID: cl.ID, Stance: inquest.Denies, Review: inquest.Confirmed}); err != nil {
			t.Fatal(err)
		}
	}
}

func addRandomSource(t testing.TB, db *store.DB, caseID int64, locator string) *inquest.Source {
	t.Helper()
	s, err := tryAddRandomSource(db, caseID, locator)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func tryAddRandomSource(db *store.DB, caseID int64, locator string) (*inquest.Source, error) {
	original := make([]byte, 1024+len(locator)*97)
	rand.Read(original)
	s, _, err := db.AddSource(context.Background(), &inquest.Source{CaseID: caseID, Locator: locator, Title: "Источник " + locator,
		Text: "Их там не было — " + locator, ContentType: "application/octet-stream"}, original)
	return s, err
}

// snapshot is what a round trip must keep: rows per table and every
// source's hashes and original bytes.
type snapshot struct {
	rows    map[string]int64
	sources map[string][]byte // sha256:text_sha256 -> original
}

func take(t *testing.T, dsn string) snapshot {
	t.Helper()
	ctx := context.Background()
	rows, err := backup.Counts(ctx, dsn)
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	snap := snapshot{rows: rows, sources: map[string][]byte{}}
	ss, err := db.Sources(ctx, inquest.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		b, err := db.Original(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if inquest.SHA256Hex(b) != s.SHA256 {
			t.Errorf("source %d: bytes do not match their hash", s.ID)
		}
		snap.sources[fmt.Sprintf("%d:%s:%s", s.ID, s.SHA256, s.TextSHA256)] = b
	}
	if m, err := db.VerifyArchive(ctx); err != nil || len(m) > 0 {
		t.Errorf("VerifyArchive: %v %v", m, err)
	}
	if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
		t.Errorf("VerifyAudit: broken at %d, %v", id, err)
	}
	return snap
}

func (a snapshot) compare(t *testing.T, b snapshot) {
	t.Helper()
	if !reflect.DeepEqual(a.rows, b.rows) {
		t.Errorf("rows per table:\n got %v\nwant %v", b.rows, a.rows)
	}
	if len(a.sources) != len(b.sources) {
		t.Errorf("%d sources, want %d", len(b.sources), len(a.sources))
	}
	for k, want := range a.sources {
		if got, ok := b.sources[k]; !ok || !bytes.Equal(got, want) {
			t.Errorf("source %s: missing or its bytes differ", k)
		}
	}
}

// emptyPostgres creates a new database on the test server and returns a DSN
// for it with the same search_path as like, so that a dump of like's schema
// restores into it. The database is dropped when the test ends.
func emptyPostgres(t *testing.T, like string) string {
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
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, _ := url.Parse(like)
	u.Path = "/" + name
	return u.String()
}

func TestRoundTrip(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		populate(t, db, "january", 12)
		db.Close()
		before := take(t, dsn)

		file := filepath.Join(t.TempDir(), "inquest.backup")
		res, err := backup.Backup(ctx, dsn, file, backup.Options{})
		if err != nil {
			t.Fatalf("Backup: %v", err)
		}
		if res.Bytes == 0 {
			t.Errorf("backup of %d bytes", res.Bytes)
		}
		if _, err := backup.Backup(ctx, dsn, file, backup.Options{}); err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("second backup to the same file: %v", err)
		}

		var target string
		if backup.IsPostgres(dsn) {
			target = emptyPostgres(t, dsn)
		} else {
			target = filepath.Join(t.TempDir(), "restored.db")
		}
		if _, err := backup.Restore(ctx, file, target, backup.Options{}); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		before.compare(t, take(t, target))

		// A restore over a workspace in use is refused without --force, and
		// with it replaces what is there.
		if _, err := backup.Restore(ctx, file, target, backup.Options{}); err == nil || !strings.Contains(err.Error(), "--force") {
			t.Errorf("restore over an existing workspace: %v", err)
		}
		other, err := store.Open(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		populate(t, other, "other", 2) // changes that the forced restore must undo
		other.Close()
		if _, err := backup.Restore(ctx, file, target, backup.Options{Force: true}); err != nil {
			t.Fatalf("Restore --force: %v", err)
		}
		before.compare(t, take(t, target))
	})
}

// TestBackupWhileWriting takes a backup while another goroutine keeps adding
// sources: the backup must succeed, open, pass its checks, and hold a
// consistent prefix of the writes (every source it has, with its bytes).
func TestBackupWhileWriting(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		populate(t, db, "january", 5)
		c, err := db.CaseBySlug(ctx, "january")
		if err != nil {
			t.Fatal(err)
		}
		var written atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := tryAddRandomSource(db, c.ID, fmt.Sprintf("live-%d", i)); err != nil {
					t.Errorf("write during the backup: %v", err)
					return
				}
				written.Add(1)
			}
		}()
		for written.Load() < 3 && !t.Failed() {
			time.Sleep(time.Millisecond)
		}
		file := filepath.Join(t.TempDir(), "live.backup")
		_, err = backup.Backup(ctx, dsn, file, backup.Options{})
		atDone := written.Load()
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatalf("Backup while writing: %v", err)
		}
		if atDone < 4 {
			t.Logf("only %d writes happened during the backup", atDone)
		}
		var target string
		if backup.IsPostgres(dsn) {
			target = emptyPostgres(t, dsn)
		} else {
			target = filepath.Join(t.TempDir(), "restored.db")
		}
		if _, err := backup.Restore(ctx, file, target, backup.Options{}); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		snap := take(t, target) // opens, verifies archive and audit chain
		if n := len(snap.sources); n < 5+3 || int64(n) > 5+written.Load() {
			t.Errorf("backup holds %d sources; want between %d and %d", n, 5+3, 5+written.Load())
		}
	})
}

func TestRestoreRefusesWrongKind(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, []byte("not a backup at all"), 0o600)
	if _, err := backup.Restore(ctx, junk, filepath.Join(dir, "x.db"), backup.Options{}); err == nil || !strings.Contains(err.Error(), "neither a SQLite backup nor") {
		t.Errorf("restore of junk: %v", err)
	}
	src := storetest.SQLitePath(t)
	db, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	file := filepath.Join(dir, "b")
	if _, err := backup.Backup(ctx, src, file, backup.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Restore(ctx, file, "postgres://nobody@127.0.0.1:1/x", backup.Options{}); err == nil || !strings.Contains(err.Error(), "is a SQLite backup") {
		t.Errorf("restore of a SQLite backup into PostgreSQL: %v", err)
	}
	if _, err := backup.Backup(ctx, filepath.Join(dir, "missing.db"), filepath.Join(dir, "c"), backup.Options{}); err == nil || !strings.Contains(err.Error(), "no SQLite workspace") {
		t.Errorf("backup of a missing database: %v", err)
	}
	// A damaged backup is refused and nothing is put in place.
	b, _ := os.ReadFile(file)
	for i := 4096; i < len(b); i += 512 {
		b[i] ^= 0xff
	}
	os.WriteFile(file, b, 0o600)
	target := filepath.Join(dir, "restored.db")
	if _, err := backup.Restore(ctx, file, target, backup.Options{}); err == nil {
		t.Errorf("restore of a damaged backup succeeded")
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("a refused restore left %s", target)
	}
}

// TestPostgresWholeDatabase backs up and restores a workspace in a database
// of its own, in the public schema, as operators run it (the other tests
// use a schema per test).
func TestPostgresWholeDatabase(t *testing.T) {
	base := os.Getenv(storetest.EnvPostgres)
	if base == "" {
		storetest.PostgresDSN(t) // skips, or fails under CI
	}
	u, _ := url.Parse(base)
	q := u.Query()
	q.Del("search_path")
	u.RawQuery = q.Encode()
	plain := u.String()

	ctx := context.Background()
	src := emptyPostgres(t, plain)
	db, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	populate(t, db, "january", 4)
	db.Close()
	before := take(t, src)
	file := filepath.Join(t.TempDir(), "whole.dump")
	if _, err := backup.Backup(ctx, src, file, backup.Options{}); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	dst := emptyPostgres(t, plain)
	if _, err := backup.Restore(ctx, file, dst, backup.Options{}); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	before.compare(t, take(t, dst))
	if _, err := backup.Restore(ctx, file, dst, backup.Options{Force: true}); err != nil {
		t.Fatalf("Restore --force over itself: %v", err)
	}
	before.compare(t, take(t, dst))
}

// TestSQLiteOddPath backs up and restores a workspace whose path holds a
// space and a percent sign, which means something in a SQLite URI.
func TestSQLiteOddPath(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "case files 100%")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "inquest.db")
	db, err := store.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	populate(t, db, "january", 2)
	db.Close()
	file := filepath.Join(dir, "backup %d.db")
	if _, err := backup.Backup(ctx, src, file, backup.Options{}); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	target := filepath.Join(dir, "restored %25.db")
	if _, err := backup.Restore(ctx, file, target, backup.Options{}); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	take(t, src).compare(t, take(t, target))
}
