package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestMigrationsNumberedAlike(t *testing.T) {
	lite, err := store.Migrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Migrations("postgres")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lite, pg) {
		t.Errorf("migrations differ:\nsqlite:   %v\npostgres: %v", lite, pg)
	}
	if len(lite) == 0 {
		t.Error("no migrations embedded")
	}
}

// The two dialects' migrations must build the same tables with the same
// columns, kinds of value, nullability and indexes.
func TestSchemasEquivalent(t *testing.T) {
	ctx := context.Background()
	liteCols, liteIdx, err := store.SchemaOf(ctx, storetest.Open(t))
	if err != nil {
		t.Fatal(err)
	}
	pgCols, pgIdx, err := store.SchemaOf(ctx, storetest.OpenPostgres(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range append(liteCols, pgCols...) {
		if strings.Contains(c, "unknown:") {
			t.Errorf("column of a type the dialects do not share: %s", c)
		}
	}
	diff(t, "column", liteCols, pgCols)
	diff(t, "index", liteIdx, pgIdx)
	if len(liteCols) < 100 {
		t.Errorf("only %d columns: is the schema there?", len(liteCols))
	}
}

func diff(t *testing.T, what string, lite, pg []string) {
	t.Helper()
	for _, c := range lite {
		if !slices.Contains(pg, c) {
			t.Errorf("%s only on SQLite: %s", what, c)
		}
	}
	for _, c := range pg {
		if !slices.Contains(lite, c) {
			t.Errorf("%s only on PostgreSQL: %s", what, c)
		}
	}
}

func TestMigrateTwiceAndSchemaVersion(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := db.Migrate(ctx); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		got, err := db.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		names, _ := store.Migrations(db.Dialect())
		if want := len(names); got != want {
			t.Errorf("SchemaVersion = %d, want %d", got, want)
		}
	})
}
