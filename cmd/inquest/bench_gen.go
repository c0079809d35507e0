package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
)

func init() {
	register(&command{name: "bench gen", summary: "generate a large invented case for benchmarks", run: runBenchGen})
}

func runBenchGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench gen", "--statements N [--db DSN] [--case SLUG] [--seed N]")
	statements := fs.Int("statements", 0, "how many statements to generate (required); sources, people, stances, figures and questions scale with it")
	// Not dbFlag: generated data must never land in a workspace by accident.
	dsn := fs.String("db", "inquest-bench.db", "database to generate into: a SQLite file or a postgres:// DSN; not a workspace in use")
	caseSlug := fs.String("case", "bench", "slug of the new case to generate")
	seed := fs.Uint64("seed", 1, "random seed: the same seed and flags give the same case")
	perSource := fs.Int("per-source", 10, "mean statements per source")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "bench gen takes no arguments (got %q)", pos[0])
	}
	if *statements <= 0 {
		return inquest.Errorf(inquest.EINVALID, "--statements N is required: how many statements to generate, e.g. --statements 100000")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: *statements, Case: *caseSlug, Seed: *seed,
		PerSource: *perSource, Progress: e.stderr})
	if err != nil {
		return err
	}
	if *format == "json" {
		return json.NewEncoder(e.stdout).Encode(struct {
			*benchgen.Result
			Backend   string  `json:"backend"`
			PerSecond float64 `json:"statements_per_second"`
		}{res, db.Dialect(), res.PerSecond()})
	}
	fmt.Fprintf(e.stdout, "Generated case %s in %s (%s): %d statements in %d sources, %d people, %d claims, %d stances, %d figures, %d questions; %.0f statements/s\n",
		res.Case.Slug, displayDSN(*dsn), res.Took.Round(time.Millisecond), res.Statements, res.Sources, res.People, res.Claims,
		res.Stances, res.Figures, res.Questions, res.PerSecond())
	return nil
}
