package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"golang.org/x/term"
)

func init() {
	register(&command{name: "ingest", summary: "store files, directories or web pages as sources of a case", run: runIngest})
}

// ingestLine is one summary line of --format json: one object a line.
type ingestLine struct {
	ID         int64  `json:"id"`
	SHA256     string `json:"sha256"`
	Title      string `json:"title"`
	Status     string `json:"status"` // new, unchanged, version N
	Version    int    `json:"version"`
	PreviousID int64  `json:"previous_id,omitempty"`
	Locator    string `json:"locator"`
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "--case SLUG [flags] PATH|DIR|URL...")
	caseSlug := fs.String("case", "", "the case the sources belong to (required)")
	dsn := dbFlag(fs, e)
	maxSize := fs.String("max-size", "50MB", "largest document read, from a file or a response body after decompression (e.g. 50MB, 512KB)")
	maxRedirects := fs.Int("max-redirects", ingest.DefaultMaxRedirects, "HTTP redirects followed per URL")
	timeout := fs.Duration("timeout", ingest.DefaultTimeout, "time allowed for one URL, body included")
	allowPrivate := fs.Bool("allow-private-addresses", false, "let URLs reach loopback, private and link-local addresses (off: a shared server must not probe its own network)")
	format := formatFlag(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if *caseSlug == "" {
		return inquest.Errorf(inquest.EINVALID, "--case SLUG is required: the case the sources belong to (see 'inquest case list')")
	}
	if len(pos) == 0 {
		return inquest.Errorf(inquest.EINVALID, "nothing to ingest: give one or more files, directories or http(s) URLs")
	}
	size, err := ingest.ParseSize(*maxSize)
	if err != nil {
		return err
	}
	if *maxRedirects < 0 {
		return inquest.Errorf(inquest.EINVALID, "--max-redirects %d must be 0 or more", *maxRedirects)
	}

	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.CaseBySlug(ctx, *caseSlug)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return inquest.Errorf(inquest.ENOTFOUND, "case %q does not exist; create it first with: inquest case create %s --title T", *caseSlug, *caseSlug)
	}
	if err != nil {
		return err
	}
	pipeline, err := ingest.NewPipeline(ctx, db, c.ID)
	if err != nil {
		return err
	}
	reader := ingest.NewReader(ingest.Options{MaxSize: size, MaxRedirects: *maxRedirects, Timeout: *timeout, AllowPrivate: *allowPrivate})

	// List everything first, so the progress bar knows the total; an
	// argument that names nothing readable is reported and the rest go on.
	// Each item keeps the argument it was found under: a file's locator is
	// its path relative to that argument, never the analyst's absolute path.
	var items []ingest.Item
	failed := 0
	for _, arg := range pos {
		list, err := reader.Expand(arg)
		if err != nil {
			fmt.Fprintf(e.stderr, "inquest ingest: %s\n", describe(arg, err))
			failed++
			continue
		}
		for _, item := range list {
			items = append(items, ingest.Item{Arg: arg, Name: item})
		}
	}

	bar := newProgress(e.stderr, len(items))
	out := &summary{w: e.stdout, json: *format == "json", bar: bar}
	// Documents are read and extracted on several goroutines and stored in
	// order, several to a transaction; each line is printed once its
	// document is committed with its suggestions. Ctrl-C stops the reading
	// at once; what was read is stored and listed, so that the stop falls
	// between documents.
	var counts struct{ created, unchanged, versions int }
	done := 0
	if len(items) > 0 {
		bar.show(0, items[0].Name)
	}
	err = pipeline.Run(ctx, reader, items, ingest.RunOptions{}, func(o ingest.Outcome) {
		done++
		switch {
		case o.Err != nil:
			bar.clear()
			fmt.Fprintf(e.stderr, "inquest ingest: %s\n", describe(o.Name, o.Err))
			failed++
		case !o.Created:
			counts.unchanged++
		case o.Source.Version > 1:
			counts.versions++
		default:
			counts.created++
		}
		if o.Err == nil {
			out.print(o.Source, o.Created)
		}
		if done < len(items) {
			bar.show(done, items[done].Name)
		}
	})
	interrupted := err != nil && ctx.Err() != nil
	if err != nil && !interrupted {
		return err
	}
	bar.clear()
	if bar.on || failed > 0 || interrupted {
		fmt.Fprintf(e.stderr, "inquest ingest: %d of %d documents: %d new, %d new versions, %d unchanged, %d failed\n",
			done, len(items), counts.created, counts.versions, counts.unchanged, failed)
	}
	if interrupted {
		fmt.Fprintf(e.stderr, "inquest ingest: interrupted; every source listed above is stored, the rest were not\n")
		return exitError{130}
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

// describe turns an error into a line that names the document: domain
// errors already do and are shown as they are; others get the name in front.
func describe(item string, err error) string {
	msg := inquest.ErrorMessage(err)
	if inquest.ErrorCode(err) == inquest.EINTERNAL {
		msg = err.Error()
	}
	if !strings.Contains(msg, item) {
		msg = item + ": " + msg
	}
	return msg
}

// summary prints one line per stored source.
type summary struct {
	w    io.Writer
	json bool
	bar  *progress
}

func (s *summary) print(src *inquest.Source, created bool) {
	status := "unchanged"
	if created {
		status = "new"
		if src.Version > 1 {
			status = fmt.Sprintf("version %d", src.Version)
		}
	}
	s.bar.clear()
	if s.json {
		b, _ := json.Marshal(ingestLine{ID: src.ID, SHA256: src.SHA256, Title: src.Title, Status: status,
			Version: src.Version, PreviousID: src.PreviousID, Locator: src.Locator})
		fmt.Fprintf(s.w, "%s\n", b)
		return
	}
	// Titles have their white space collapsed, so two spaces separate fields.
	fmt.Fprintf(s.w, "%d  %s  %s  %s\n", src.ID, src.SHA256[:min(12, len(src.SHA256))], src.Title, status)
}

// progress draws a bar on standard error when it is a terminal, and nothing
// otherwise: logs and pipes get the summary lines alone.
type progress struct {
	w     io.Writer
	on    bool
	total int
	width int
	start time.Time
	drawn bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, width: 80, start: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.on = true
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 40 {
			p.width = cols
		}
	}
	return p
}

func (p *progress) show(done int, item string) {
	if !p.on || p.total == 0 {
		return
	}
	const barWidth = 24
	filled := barWidth * done / p.total
	counter := fmt.Sprintf(" %d/%d ", done, p.total)
	room := p.width - barWidth - len(counter) - 3
	name := item
	if n := utf8.RuneCountInString(name); n > room && room > 1 {
		r := []rune(name)
		name = "…" + string(r[n-room+1:])
	}
	fmt.Fprintf(p.w, "\r\033[K[%s%s]%s%s", strings.Repeat("#", filled), strings.Repeat(" ", barWidth-filled), counter, name)
	p.drawn = true
}

func (p *progress) clear() {
	if p.on && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
