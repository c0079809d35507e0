package main

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit/evidence"
)

func init() {
	register(&command{name: "export", summary: "write a case as a BagIt evidence bag for hand-over", run: runExport})
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "--case SLUG --format bagit --out DIR [flags]")
	caseSlug := fs.String("case", "", "the case to export (required)")
	format := fs.String("format", "bagit", "bag format: bagit (RFC 8493)")
	out := fs.String("out", "", "directory to create for the bag; must not exist or be empty (required)")
	publicOnly := fs.Bool("public-only", false, "leave out private sources, people, claims and events, unconfirmed items, and analysts' notes")
	allPeople := fs.Bool("all-people", false, "include every actor of the workspace, not only those the case refers to")
	org := fs.String("org", "", "your organisation, written into bag-info.txt as Source-Organization")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "bagit"); err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return inquest.Errorf(inquest.EINVALID, "unexpected argument %q: the bag directory goes in --out DIR", pos[0])
	case *caseSlug == "":
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required: the case to export (see 'inquest case list')")
	case *out == "":
		return inquest.Errorf(inquest.EINVALID, "--out DIR is required: a new directory for the bag")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	sum, err := evidence.Export(ctx, db, *caseSlug, *out, evidence.ExportOptions{
		PublicOnly: *publicOnly, AllPeople: *allPeople, Organization: *org,
	})
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "case %q does not exist (see 'inquest case list')", *caseSlug)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote bag %s of case %s: %d sources (%s of originals), %d statements, %d people, %d claims, %d stances, %d figures, %d questions, %d events.\n",
		sum.Dir, sum.Case, sum.Sources, byteSize(sum.Bytes), sum.Statements, sum.People, sum.Claims, sum.Stances, sum.Figures, sum.Questions, sum.Events)
	if *publicOnly {
		fmt.Fprintln(e.stdout, "It holds public material only.")
	} else {
		fmt.Fprintln(e.stderr, "Note: the bag holds private material and analysts' notes. Hand it only to people who may see them, or export with --public-only.")
	}
	fmt.Fprintf(e.stdout, "Any BagIt tool can check it; 'inquest import --format bagit %s' loads it into another workspace.\n", sum.Dir)
	return nil
}

// byteSize writes n bytes for people: 512 B, 12.3 kB, 4.5 MB.
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
