package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "case", summary: "create or list cases (inquest case create|list)", run: groupUsage("case", "create", "list")})
	register(&command{name: "case create", summary: "create a case (an investigation to monitor)", run: runCaseCreate})
	register(&command{name: "case list", summary: "list the cases of the workspace", run: runCaseList})
}

func runCaseCreate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "case create", "SLUG --title TITLE [--public] [--background TEXT]")
	title := fs.String("title", "", "the case's title, as readers see it (required)")
	public := fs.Bool("public", false, "publish the case: its page is shown to readers without login")
	background := fs.String("background", "", "a short background text (Markdown)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one SLUG, e.g. inquest case create january-events --title \"January events\"")
	}
	c := &inquest.Case{Slug: pos[0], Title: *title, Public: *public, Background: *background}
	if err := c.Validate(); err != nil {
		if c.Title == "" {
			return inquest.Errorf(inquest.EINVALID, "case %q needs a title: add --title \"...\"", c.Slug)
		}
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CreateCase(ctx, c); err != nil {
		if inquest.ErrorCode(err) == inquest.ECONFLICT {
			return inquest.Errorf(inquest.ECONFLICT, "a case with slug %q already exists; choose another slug, or see 'inquest case list'", c.Slug)
		}
		return err
	}
	visibility := "private"
	if c.Public {
		visibility = "public"
	}
	fmt.Fprintf(e.stdout, "created %s case %s (id %d): %s\n", visibility, c.Slug, c.ID, c.Title)
	return nil
}

// caseLine is one case in `case list --format json`.
type caseLine struct {
	ID         int64    `json:"id"`
	Slug       string   `json:"slug"`
	Title      string   `json:"title"`
	Public     bool     `json:"public"`
	Languages  []string `json:"languages"`
	PeriodFrom *string  `json:"period_from"`
	PeriodTo   *string  `json:"period_to"`
	Sources    int      `json:"sources"`
}

func runCaseList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "case list", "[--format text|json]")
	format := formatFlag(fs)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "case list takes no arguments (got %q)", pos[0])
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	lines, err := caseLines(ctx, db)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSONLines(e.stdout, lines)
	}
	if len(lines) == 0 {
		fmt.Fprintln(e.stdout, "No cases yet. Create one with: inquest case create SLUG --title TITLE")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SLUG\tVISIBILITY\tSOURCES\tTITLE")
	for _, l := range lines {
		vis := "private"
		if l.Public {
			vis = "public"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", l.Slug, vis, l.Sources, l.Title)
	}
	return tw.Flush()
}

func caseLines(ctx context.Context, db *store.DB) ([]caseLine, error) {
	cases, err := db.Cases(ctx)
	if err != nil {
		return nil, err
	}
	lines := make([]caseLine, 0, len(cases))
	for _, c := range cases {
		srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, WithoutText: true})
		if err != nil {
			return nil, err
		}
		langs := c.Languages
		if langs == nil {
			langs = []string{}
		}
		lines = append(lines, caseLine{ID: c.ID, Slug: c.Slug, Title: c.Title, Public: c.Public, Languages: langs,
			PeriodFrom: dateOrNull(c.PeriodFrom), PeriodTo: dateOrNull(c.PeriodTo), Sources: len(srcs)})
	}
	return lines, nil
}

// dateOrNull gives a known day as a string and an unknown one as JSON null,
// as the extract contract does.
func dateOrNull(d inquest.Date) *string {
	if !d.Known() {
		return nil
	}
	s := string(d)
	return &s
}

// writeJSONLines writes v as indented JSON, for listings people read and
// scripts parse alike.
func writeJSONLines(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// findCase looks a case up by slug with an error that says what to do.
// openCase opens the store at dsn and finds the case there, for the many
// commands that work on one case; the caller closes the store.
func openCase(ctx context.Context, dsn, slug string) (*store.DB, *inquest.Case, error) {
	db, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	c, err := findCase(ctx, db, slug)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, c, nil
}

// onlyFlags refuses positional arguments to a command that takes none.
func onlyFlags(command string, pos []string) error {
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "%s takes only flags; got %q", command, strings.Join(pos, " "))
	}
	return nil
}

func findCase(ctx context.Context, db *store.DB, slug string) (*inquest.Case, error) {
	if slug == "" {
		return nil, inquest.Errorf(inquest.EINVALID, "--case SLUG is required (see 'inquest case list')")
	}
	c, err := db.CaseBySlug(ctx, slug)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "case %q does not exist; create it with: inquest case create %s --title TITLE (or see 'inquest case list')", slug, slug)
	}
	return c, err
}

// groupUsage answers a group name given without (or with an unknown)
// subcommand, such as "inquest case", with the subcommands it has.
func groupUsage(group string, subs ...string) func(context.Context, *env, []string) error {
	return func(_ context.Context, e *env, args []string) error {
		if len(args) > 0 && args[0] != "-h" && args[0] != "--help" {
			fmt.Fprintf(e.stderr, "inquest %s: unknown subcommand %q.\n", group, args[0])
		}
		fmt.Fprintf(e.stderr, "Usage:\n")
		for _, sub := range subs {
			c := commands[group+" "+sub]
			fmt.Fprintf(e.stderr, "  inquest %-22s %s\n", c.name, c.summary)
		}
		fmt.Fprintf(e.stderr, "Run 'inquest %s %s -h' for its flags.\n", group, subs[0])
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
}
