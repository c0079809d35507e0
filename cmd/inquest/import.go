package main

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit/evidence"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "import", summary: "validate a BagIt evidence bag and load it as a new case", run: runImport})
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "import", "--format bagit DIR [--case SLUG] [flags]")
	format := fs.String("format", "bagit", "bag format: bagit (RFC 8493)")
	caseSlug := fs.String("case", "", "slug of the new case (default: the bag's); the case must not exist yet")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "bagit"); err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one bag directory to import (got %d)", len(pos))
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	actor := "import"
	if u := e.getenv("USER"); u != "" {
		actor = "import by " + u
	}
	sum, err := evidence.Import(store.WithActor(ctx, actor), db, pos[0], evidence.ImportOptions{CaseSlug: *caseSlug, Actor: actor})
	if err != nil {
		return err
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	fmt.Fprintf(e.stdout, "Imported bag %s as case %s: %d sources (%s of originals, every SHA-256 as in the bag), %d statements, %d new people, %d claims, %d stances, %d figures, %d questions, %d events.\n",
		sum.Dir, sum.Case, sum.Sources, byteSize(sum.Bytes), sum.Statements, sum.People, sum.Claims, sum.Stances, sum.Figures, sum.Questions, sum.Events)
	return nil
}
