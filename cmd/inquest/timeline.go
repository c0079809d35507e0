package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "events", summary: "add dated events to a case's timeline (inquest events add)", run: groupUsage("events", "add")})
	register(&command{name: "events add", summary: "add a dated event, with the sources that tell of it", run: runEventsAdd})
	register(&command{name: "timeline", summary: "a case's events, statements and figures on one time axis", run: runTimeline})
}

// idsFlag collects a repeated --source ID.
type idsFlag []int64

func (f *idsFlag) String() string { return fmt.Sprint([]int64(*f)) }

func (f *idsFlag) Set(s string) error {
	id, err := parseID(s, "source")
	if err != nil {
		return err
	}
	*f = append(*f, id)
	return nil
}

func runEventsAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events add", "--case SLUG --on YYYY-MM-DD --title TITLE [--source ID]... [--description TEXT] [--private] [--db DSN]")
	caseSlug := fs.String("case", "", "the case (required)")
	on := fs.String("on", "", "the day it happened, YYYY-MM-DD, or unknown (required)")
	title := fs.String("title", "", "what happened, in a line (required)")
	description := fs.String("description", "", "more about it")
	private := fs.Bool("private", false, "keep it from readers: never on a public page or export")
	var sources idsFlag
	fs.Var(&sources, "source", "the id of a source that tells of it (repeat for several; 'inquest sources list' lists them)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "events add takes only flags (quote a title with spaces); got %q", strings.Join(pos, " "))
	}
	if *on == "" || strings.TrimSpace(*title) == "" {
		return inquest.Errorf(inquest.EINVALID, "--on YYYY-MM-DD and --title are required, e.g. inquest events add --case january-events --on 2022-01-05 --title \"State of emergency in Almaty\"")
	}
	day, err := inquest.ParseDate(*on)
	if err != nil {
		return inquest.Errorf(inquest.EINVALID, "--on %q is not a day as YYYY-MM-DD (or unknown)", *on)
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	if *by != "" {
		ctx = store.WithActor(ctx, *by)
	}
	ev := &inquest.Event{CaseID: c.ID, On: day, Title: strings.TrimSpace(*title), Description: *description, SourceIDs: sources, Private: *private}
	if err := db.AddEvent(ctx, ev); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "event %d on %s in %s: %s\n", ev.ID, ev.On, c.Slug, ev.Title)
	return nil
}

func runTimeline(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "timeline", "--case SLUG [--format text|json] [--db DSN]")
	caseSlug := fs.String("case", "", "the case (required)")
	format := formatFlag(fs)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if err := onlyFlags("timeline", pos); err != nil {
		return err
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	tl, err := casework.New(db).Timeline(ctx, c)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Case string `json:"case"`
			analysis.Timeline
		}{c.Slug, tl})
	}
	return writeTimelineText(e.stdout, c.Slug, tl)
}

// writeTimelineText writes one line an item under its day; suggested and
// private items are marked, since an analyst reads them differently.
func writeTimelineText(w io.Writer, slug string, tl analysis.Timeline) error {
	var b strings.Builder
	n := len(tl.Undated)
	for _, d := range tl.Days {
		n += len(d.Items)
	}
	fmt.Fprintf(&b, "Timeline of %s: %s on %s, %s undated.\n", slug, plural(n-len(tl.Undated), "item"), plural(len(tl.Days), "day"),
		fmt.Sprint(len(tl.Undated)))
	for _, d := range tl.Days {
		fmt.Fprintf(&b, "\n%s\n", d.On)
		for _, it := range d.Items {
			b.WriteString(timelineLine(it))
		}
	}
	if len(tl.Undated) > 0 {
		fmt.Fprintf(&b, "\nUndated\n")
		for _, it := range tl.Undated {
			b.WriteString(timelineLine(it))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func timelineLine(it analysis.Item) string {
	var marks []string
	if it.Suggested {
		marks = append(marks, "suggested")
	}
	if it.Private {
		marks = append(marks, "private")
	}
	if it.DatedBy == analysis.DatedPublished {
		marks = append(marks, "dated by publication")
	}
	mark := ""
	if len(marks) > 0 {
		mark = " (" + strings.Join(marks, ", ") + ")"
	}
	var line string
	switch it.Kind {
	case analysis.ItemEvent:
		line = fmt.Sprintf("  event      %s  [event %d]", it.Text, it.EventID)
	case analysis.ItemStatement:
		line = fmt.Sprintf("  statement  %s: %s  [statement %d]", unattributed(it.Who), quoteShort(it.Text), it.StatementID)
	case analysis.ItemFigure:
		rev := ""
		if it.Revises != "" {
			rev = ", revising " + it.Revises
		}
		line = fmt.Sprintf("  figure     %s: %s %s%s  [figure %d]", unattributed(it.Who), it.Measure, it.Value, rev, it.FigureID)
	}
	return line + mark + "\n"
}

func unattributed(who string) string {
	if who == "" {
		return "(unattributed)"
	}
	return who
}
