package main

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
)

func init() {
	register(&command{name: "claims", summary: "import claims (inquest claims import)", run: groupUsage("claims", "import")})
	register(&command{name: "claims import", summary: "import a case's disputed claims from a claims file", run: runClaimsImport})
}

func runClaimsImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "claims import", "--case SLUG FILE   (the format of corpus/dev/claims.json; - reads standard input)")
	caseSlug := fs.String("case", "", "the case the claims belong to (required)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one claims file, e.g. inquest claims import --case january-events claims.json")
	}
	if *caseSlug == "" {
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required: the case the claims belong to (see 'inquest case list')")
	}
	claims, err := readImportFile(e, pos[0], inquest.ReadClaims)
	if err != nil {
		return err
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	existing, err := db.Claims(ctx, c.ID)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, cl := range existing {
		known[cl.Slug] = true
	}
	added, updated := 0, 0
	for _, cl := range claims {
		cl.CaseID = c.ID
		if err := db.UpsertClaim(ctx, cl); err != nil {
			return fmt.Errorf("store claim %s (after %d stored): %w", cl.Slug, added+updated, err)
		}
		if known[cl.Slug] {
			updated++
		} else {
			added++
		}
	}
	fmt.Fprintf(e.stdout, "imported %d claims into %s from %s: %d new, %d updated\n", len(claims), c.Slug, pos[0], added, updated)
	return nil
}
