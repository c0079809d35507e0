package storetest

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
)

// Environment variables of the benchmarks at scale. Generating a million
// statements takes minutes, so a benchmark can instead reuse a database made
// once with `inquest bench gen --statements 1000000 --db …`.
const (
	// EnvBenchStatements sets the size of a case generated for a benchmark
	// (default 100,000 statements).
	EnvBenchStatements = "INQUEST_BENCH_STATEMENTS"
	// EnvBenchSQLite names a SQLite file holding a generated case "bench"
	// to benchmark instead of generating one.
	EnvBenchSQLite = "INQUEST_BENCH_SQLITE"
	// EnvBenchPostgres is the same for a PostgreSQL database.
	EnvBenchPostgres = "INQUEST_BENCH_POSTGRES"
)

// BenchStatements is the size of the case a benchmark at scale generates:
// EnvBenchStatements, or 100,000.
func BenchStatements(tb testing.TB) int {
	n := 100_000
	if v := os.Getenv(EnvBenchStatements); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			tb.Fatalf("%s=%q is not a positive number", EnvBenchStatements, v)
		}
	}
	return n
}

// BenchCase returns a store holding a large generated case and that case,
// for backend "sqlite" or "postgres". When EnvBenchSQLite (or
// EnvBenchPostgres) names a database, its case "bench" is used as it is;
// the benchmark must then not change what later runs measure. Otherwise a
// fresh store is opened and BenchStatements statements are generated into
// it, which the benchmark may change freely.
func BenchCase(tb testing.TB, backend string) (*store.DB, *inquest.Case) {
	tb.Helper()
	ctx := context.Background()
	env, fresh := EnvBenchSQLite, Open
	if backend == "postgres" {
		env, fresh = EnvBenchPostgres, OpenPostgres
	}
	if dsn := os.Getenv(env); dsn != "" {
		db := open(tb, dsn)
		c, err := db.CaseBySlug(ctx, "bench")
		if err != nil {
			tb.Fatalf("%s=%s: no generated case \"bench\" in it (make one with 'inquest bench gen --db …'): %v", env, dsn, err)
		}
		return db, c
	}
	db := fresh(tb)
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: BenchStatements(tb), Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d statements in %d sources in %s (%.0f statements/s)", res.Statements, res.Sources, res.Took.Round(time.Second), res.PerSecond())
	return db, res.Case
}
