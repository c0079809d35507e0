package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/inquest-project/inquest"
)

func init() {
	register(&command{name: "sources", summary: "list or show sources (inquest sources list|show)", run: groupUsage("sources", "list", "show")})
	register(&command{name: "sources list", summary: "list the sources of a case with their hashes and versions", run: runSourcesList})
	register(&command{name: "sources show", summary: "show one source: metadata, hashes, versions and text", run: runSourcesShow})
}

// sourceLine is one source in `sources list --format json`. Unknown values
// are null, as in the extract contract.
type sourceLine struct {
	ID          int64   `json:"id"`
	SHA256      string  `json:"sha256"` // of the original bytes
	TextSHA256  string  `json:"text_sha256"`
	Title       string  `json:"title"`
	URL         *string `json:"url"`
	FileName    *string `json:"file_name"`
	Locator     string  `json:"locator"`
	Publisher   *string `json:"publisher"`
	Kind        *string `json:"kind"`
	Published   *string `json:"published"`
	Language    *string `json:"language"`
	Version     int     `json:"version"`
	PreviousID  *int64  `json:"previous_id"`
	RetrievedAt string  `json:"retrieved_at"`
	Size        int64   `json:"size"`
	ContentType *string `json:"content_type"`
	Private     bool    `json:"private"`
}

func newSourceLine(s *inquest.Source) sourceLine {
	l := sourceLine{ID: s.ID, SHA256: s.SHA256, TextSHA256: s.TextSHA256, Title: s.Title, Locator: s.Locator,
		URL: orNull(s.URL), FileName: orNull(s.FileName), Publisher: orNull(s.Publisher), Kind: orNull(string(s.Kind)),
		Published: dateOrNull(s.Published), Language: orNull(s.Language), Version: s.Version,
		RetrievedAt: s.RetrievedAt.UTC().Format(time.RFC3339), Size: s.Size, ContentType: orNull(s.ContentType), Private: s.Private}
	if s.PreviousID != 0 {
		id := s.PreviousID
		l.PreviousID = &id
	}
	return l
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func runSourcesList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources list", "--case SLUG [--latest] [--format text|json]")
	caseSlug := fs.String("case", "", "the case whose sources to list (required)")
	latest := fs.Bool("latest", false, "only the newest version of each source")
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
		return inquest.Errorf(inquest.EINVALID, "sources list takes no arguments (got %q); name the case with --case", pos[0])
	}
	if *caseSlug == "" {
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required (see 'inquest case list')")
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, LatestOnly: *latest, WithoutText: true})
	if err != nil {
		return err
	}
	if *format == "json" {
		lines := make([]sourceLine, 0, len(sources))
		for _, s := range sources {
			lines = append(lines, newSourceLine(s))
		}
		return writeJSONLines(e.stdout, lines)
	}
	if len(sources) == 0 {
		fmt.Fprintf(e.stdout, "Case %s has no sources yet. Add some with: inquest ingest --case %s FILE|DIR|URL\n", c.Slug, c.Slug)
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSHA256\tVER\tPUBLISHED\tLANG\tTITLE")
	for _, s := range sources {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\n", s.ID, s.SHA256[:min(12, len(s.SHA256))], s.Version, s.Published, orDash(s.Language), s.Title)
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// sourceDetail is `sources show --format json`: the listing's fields, the
// versions of the same locator, and the text.
type sourceDetail struct {
	sourceLine
	Case     string          `json:"case"`
	Versions []sourceVersion `json:"versions"`
	Text     string          `json:"text"`
}

type sourceVersion struct {
	ID          int64  `json:"id"`
	Version     int    `json:"version"`
	SHA256      string `json:"sha256"`
	RetrievedAt string `json:"retrieved_at"`
}

func runSourcesShow(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources show", "ID [--format text|json]")
	format := formatFlag(fs)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one source ID (see 'inquest sources list --case SLUG')")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return inquest.Errorf(inquest.EINVALID, "source ID %q is not a number; see 'inquest sources list --case SLUG' for the IDs", pos[0])
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.Source(ctx, id)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "there is no source %d; see 'inquest sources list --case SLUG' for the IDs", id)
	}
	if err != nil {
		return err
	}
	versions, err := db.Versions(ctx, id)
	if err != nil {
		return err
	}
	caseSlug := ""
	cases, err := db.Cases(ctx)
	if err != nil {
		return err
	}
	for _, c := range cases {
		if c.ID == s.CaseID {
			caseSlug = c.Slug
		}
	}
	d := sourceDetail{sourceLine: newSourceLine(s), Case: caseSlug, Versions: []sourceVersion{}, Text: s.Text}
	for _, v := range versions {
		d.Versions = append(d.Versions, sourceVersion{ID: v.ID, Version: v.Version, SHA256: v.SHA256, RetrievedAt: v.RetrievedAt.UTC().Format(time.RFC3339)})
	}
	if *format == "json" {
		return writeJSONLines(e.stdout, d)
	}
	w := e.stdout
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s\t%s\n", k, v)
		}
	}
	row("Source", strconv.FormatInt(s.ID, 10))
	row("Title", s.Title)
	row("Case", caseSlug)
	row("URL", s.URL)
	row("File", s.FileName)
	row("Locator", s.Locator)
	row("Publisher", s.Publisher)
	row("Kind", string(s.Kind))
	row("Published", s.Published.String())
	row("Language", orDash(s.Language))
	row("Retrieved", s.RetrievedAt.UTC().Format(time.RFC3339))
	row("Version", strconv.Itoa(s.Version))
	row("Size", fmt.Sprintf("%d bytes", s.Size))
	row("Content type", s.ContentType)
	row("SHA-256", s.SHA256+"  (original bytes)")
	row("Text SHA-256", s.TextSHA256+"  (extracted text)")
	if s.Private {
		row("Private", "yes: never shown on a public page")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(versions) > 1 {
		fmt.Fprintln(w, "\nVersions:")
		for _, v := range versions {
			mark := " "
			if v.ID == s.ID {
				mark = "*"
			}
			fmt.Fprintf(w, " %s %d  version %d  %s  retrieved %s\n", mark, v.ID, v.Version, v.SHA256[:min(12, len(v.SHA256))], v.RetrievedAt.UTC().Format(time.RFC3339))
		}
	}
	fmt.Fprintln(w, "\nText:")
	fmt.Fprintln(w, strings.TrimRight(s.Text, "\n"))
	return nil
}
