// Package storetest gives tests a real, fresh, empty store: a SQLite file in
// the test's temporary directory, and a PostgreSQL schema of its own when
// INQUEST_TEST_POSTGRES names a server. Tests of any package that needs a
// store use it, so that every storage-touching test runs on the real
// databases, never on a mock.
//
//	storetest.Each(t, func(t *testing.T, db *store.DB) { … })  // both backends
//	db := storetest.Open(t)                                    // SQLite only
//
// Under CI=true a missing or unreachable PostgreSQL fails the test; elsewhere
// the PostgreSQL half is skipped with a message saying how to run it.
//
// It imports store, inquest and the standard library; production code must
// not import it.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

// EnvPostgres names the environment variable holding the PostgreSQL server
// for tests, e.g. postgres://postgres@localhost:5432/inquest_test?sslmode=disable.
// Each test gets a schema of its own in that database, dropped afterwards.
const EnvPostgres = "INQUEST_TEST_POSTGRES"

// Each runs fn as two subtests, "sqlite" and "postgres", each with a fresh
// empty store.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, Open(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, OpenPostgres(t)) })
}

// EachDSN is Each for tests that open the store themselves (a command run
// end to end): fn gets a DSN of a fresh, empty database for each backend.
func EachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLitePath(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, PostgresDSN(t)) })
}

// Open returns a store on a new SQLite file in t.TempDir(), closed when the
// test ends.
func Open(t testing.TB) *store.DB {
	t.Helper()
	return open(t, SQLitePath(t))
}

// OpenFile is Open, and the file's path, for a test that opens the same
// database again: as another process, a separate server, the command line.
func OpenFile(t testing.TB) (*store.DB, string) {
	t.Helper()
	dsn := SQLitePath(t)
	return open(t, dsn), dsn
}

// OpenPostgres returns a store in a new PostgreSQL schema, closed and dropped
// when the test ends. See PostgresDSN for when it skips or fails.
func OpenPostgres(t testing.TB) *store.DB {
	t.Helper()
	return open(t, PostgresDSN(t))
}

func open(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open test store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// SQLitePath returns the path of a SQLite file that does not exist yet, in
// t.TempDir().
func SQLitePath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "inquest.db")
}

// PostgresDSN creates a schema of its own for the test in the database of
// INQUEST_TEST_POSTGRES and returns a DSN whose search_path selects it. The
// schema is dropped when the test ends. Without the variable it skips the
// test, unless CI=true, where it fails it: CI must test both backends.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the storage tests on PostgreSQL too; set it to a server's DSN, e.g. postgres://postgres@localhost:5432/inquest_test?sslmode=disable", EnvPostgres)
		}
		t.Skipf("PostgreSQL half skipped: set %s to a server's DSN to run it", EnvPostgres)
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s=%q is not a postgres:// URL", EnvPostgres, base)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	schema := "inquest_test_" + randomHex(6)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("PostgreSQL at %s (from %s) is unreachable or refuses CREATE SCHEMA: %v", u.Redacted(), EnvPostgres, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// NewCase stores a case with the given slug and returns it.
func NewCase(t testing.TB, db inquest.Store, slug string) *inquest.Case {
	t.Helper()
	c := &inquest.Case{Slug: slug, Title: "Case " + slug, Languages: []string{"en", "ru"}}
	if err := db.CreateCase(context.Background(), c); err != nil {
		t.Fatalf("create case %s: %v", slug, err)
	}
	return c
}

// NewSource stores a source with the given locator, bytes and text in the
// case and returns it.
func NewSource(t testing.TB, db inquest.Store, caseID int64, locator, original, text string) *inquest.Source {
	t.Helper()
	s := &inquest.Source{CaseID: caseID, Locator: locator, Title: "Source " + locator, Kind: inquest.KindNews,
		Language: "en", Text: text, RetrievedAt: time.Date(2022, 3, 15, 10, 0, 0, 0, time.UTC)}
	stored, _, err := db.AddSource(context.Background(), s, []byte(original))
	if err != nil {
		t.Fatalf("add source %s: %v", locator, err)
	}
	return stored
}
