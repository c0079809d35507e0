package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
)

func init() {
	register(&command{name: "extract", summary: "propose quotations, speakers, figures and stances in text files", run: runExtract})
}

// runExtract is the stateless extractor of design.md §5: one JSON object a
// line per quotation, figure and question, for each file in turn. A file that
// cannot be read is reported on stderr and skipped; the exit status is then 1.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--lang auto|en|ru|kk] [--published YYYY-MM-DD|unknown] [--people FILE] [--claims FILE] [--format jsonl|text] FILE...")
	lang := fs.String("lang", "auto", "language of the texts: auto, en, ru or kk")
	published := fs.String("published", "unknown", "publication day (YYYY-MM-DD), the anchor for years and relative days")
	peopleFile := fs.String("people", "", "people file (JSON, as corpus/dev/people.json) to resolve names and titles")
	claimsFile := fs.String("claims", "", "claims file (JSON, as corpus/dev/claims.json) to suggest stances")
	format := fs.String("format", "jsonl", "output format: jsonl or text")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "jsonl", "text"); err != nil {
		return err
	}
	switch *lang {
	case "auto", "en", "ru", "kk":
	default:
		return inquest.Errorf(inquest.EINVALID, "--lang %q is not one of auto, en, ru, kk", *lang)
	}
	day, err := inquest.ParseDate(*published)
	if err != nil {
		return inquest.Errorf(inquest.EINVALID, "--published %q is not YYYY-MM-DD or unknown", *published)
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	opt := extract.Options{Lang: *lang, Published: day}
	if *peopleFile != "" {
		if opt.People, err = readWith(*peopleFile, inquest.ReadPeople); err != nil {
			return err
		}
	}
	if *claimsFile != "" {
		if opt.Claims, err = readWith(*claimsFile, inquest.ReadClaims); err != nil {
			return err
		}
	}
	eng := extract.NewEngine(opt)
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()
	failed := 0
	for _, name := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text, err := readText(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "inquest extract: %v\n", err)
			failed++
			continue
		}
		res := eng.Extract(text)
		if *format == "text" {
			writeExtractText(out, name, res)
		} else if err := writeExtractJSONL(out, name, res); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}

func readWith[T any](name string, read func(string, io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, inquest.Errorf(inquest.EINVALID, "cannot open %s: %v", name, unwrapPathError(err))
	}
	defer f.Close()
	return read(name, f)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// readText reads a text file and refuses what is not UTF-8 text.
func readText(name string) (string, error) {
	st, err := os.Stat(name)
	if err != nil {
		return "", fmt.Errorf("%s: %v (check the path)", name, unwrapPathError(err))
	}
	if st.IsDir() {
		return "", fmt.Errorf("%s: is a directory; give the text files inside it", name)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("%s: %v", name, unwrapPathError(err))
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", fmt.Errorf("%s: binary file (contains NUL bytes); convert it to plain UTF-8 text first", name)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s: not valid UTF-8; convert it to UTF-8 first (e.g. iconv -f CP1251 -t UTF-8)", name)
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	return string(b), nil
}

type quoteLine struct {
	Doc         string            `json:"doc"`
	Type        string            `json:"type"`
	Text        string            `json:"text"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Speaker     *string           `json:"speaker"`
	SpeakerID   *string           `json:"speaker_id"`
	SpeakerRole *string           `json:"speaker_role"`
	SaidOn      *string           `json:"said_on"`
	Confidence  float64           `json:"confidence"`
	Stances     map[string]string `json:"stances"`
	Venue       *string           `json:"venue"`
	SpeakerSpan *extract.Span     `json:"speaker_span"`
}

type figureLine struct {
	Doc        string   `json:"doc"`
	Type       string   `json:"type"`
	Text       string   `json:"text"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max,omitempty"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Measure    *string  `json:"measure"`
	Qualifier  *string  `json:"qualifier"`
	Claimant   *string  `json:"claimant"`
	ClaimantID *string  `json:"claimant_id"`
	Confidence float64  `json:"confidence"`
}

type questionLine struct {
	Doc         string  `json:"doc"`
	Type        string  `json:"type"`
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Asker       *string `json:"asker"`
	AskerID     *string `json:"asker_id"`
	Addressee   *string `json:"addressee"`
	AddresseeID *string `json:"addressee_id"`
	AskedOn     *string `json:"asked_on"`
	Confidence  float64 `json:"confidence"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// decided keeps the stances the contract prints: supports and denies.
func decided(m map[string]inquest.StanceKind) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if v == inquest.Supports || v == inquest.Denies {
			out[k] = string(v)
		}
	}
	return out
}

func writeExtractJSONL(w io.Writer, doc string, res extract.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, q := range res.Quotes {
		l := quoteLine{Doc: doc, Type: "quote", Text: q.Text, Start: q.Start, End: q.End,
			Speaker: nullable(q.Speaker), SpeakerID: nullable(q.SpeakerID), SpeakerRole: nullable(q.SpeakerRole),
			SaidOn: nullable(string(q.SaidOn)), Confidence: q.Confidence, Stances: decided(q.Stances),
			Venue: nullable(q.Venue)}
		if q.SpeakerSpan.End > q.SpeakerSpan.Start {
			sp := q.SpeakerSpan
			l.SpeakerSpan = &sp
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	for _, f := range res.Figures {
		l := figureLine{Doc: doc, Type: "figure", Text: f.Text, Value: f.Value, Start: f.Start, End: f.End,
			Measure: nullable(f.Measure), Qualifier: nullable(f.Qualifier), Claimant: nullable(f.Claimant),
			ClaimantID: nullable(f.ClaimantID), Confidence: f.Confidence}
		if f.ValueMax != 0 {
			v := f.ValueMax
			l.ValueMax = &v
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	for _, q := range res.Questions {
		l := questionLine{Doc: doc, Type: "question", Text: q.Text, Start: q.Start, End: q.End,
			Asker: nullable(q.Asker), AskerID: nullable(q.AskerID), Addressee: nullable(q.Addressee),
			AddresseeID: nullable(q.AddresseeID), AskedOn: nullable(string(q.AskedOn)), Confidence: q.Confidence}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// writeExtractText prints a listing for a person to read.
func writeExtractText(w io.Writer, doc string, res extract.Result) {
	fmt.Fprintf(w, "%s (%s): %d quotations, %d figures, %d questions\n", doc, res.Lang, len(res.Quotes), len(res.Figures), len(res.Questions))
	for _, q := range res.Quotes {
		who := orUnknown(q.Speaker)
		if q.SpeakerID != "" {
			who += " [" + q.SpeakerID + "]"
		}
		if q.SpeakerRole != "" {
			who += ", " + q.SpeakerRole
		}
		fmt.Fprintf(w, "\n  quote %d-%d  %s  said %s  confidence %.2f\n", q.Start, q.End, who, orUnknown(string(q.SaidOn)), q.Confidence)
		fmt.Fprintf(w, "    “%s”\n", ellipsize(q.Text, 300))
		if q.Venue != "" {
			fmt.Fprintf(w, "    venue: %s\n", q.Venue)
		}
		if st := decided(q.Stances); len(st) > 0 {
			keys := make([]string, 0, len(st))
			for k := range st {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			parts := make([]string, len(keys))
			for i, k := range keys {
				parts[i] = k + " " + st[k]
			}
			fmt.Fprintf(w, "    stances: %s\n", strings.Join(parts, ", "))
		}
	}
	for _, f := range res.Figures {
		fmt.Fprintf(w, "\n  figure %d-%d  %g %s  claimant %s\n    %s\n", f.Start, f.End, f.Value, orUnknown(f.Measure), orUnknown(f.Claimant), f.Text)
	}
	for _, q := range res.Questions {
		fmt.Fprintf(w, "\n  question %d-%d  asked by %s of %s on %s\n    %s\n", q.Start, q.End, orUnknown(q.Asker), orUnknown(q.Addressee), orUnknown(string(q.AskedOn)), ellipsize(q.Text, 300))
	}
	fmt.Fprintln(w)
}

func ellipsize(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}
