package demo

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
	"github.com/inquest-project/inquest/ingest"
)

//go:embed content
var content embed.FS

// CaseSlug is the slug of the example case.
const CaseSlug = "january-events"

// LocatorPrefix starts the locator of every demo source, so that loading the
// demo twice, from any directory, finds the sources it stored the first time.
const LocatorPrefix = "inquest-demo:" + CaseSlug + "/"

// Content returns the embedded files: case.json, background.md, people.json,
// claims.json and sources/ (each NAME.txt or NAME.html with a NAME.meta.json).
func Content() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// Result says what Load stored.
type Result struct {
	Case       *inquest.Case
	People     int
	Claims     int
	Sources    []*inquest.Source
	NewSources int // sources stored by this load; 0 when the demo was loaded before
	Confirmed  int // statements confirmed by the demo's review
}

// Load stores the example case in st: the case (created, or updated if a case
// with its slug exists), its people and claims, and its sources with the
// extraction engine's suggestions, through the ingest pipeline; then it
// applies an analyst's review of some suggestions (content/review.json).
// Loading twice stores nothing new.
func Load(ctx context.Context, st inquest.Store) (*Result, error) {
	files := Content()
	c, err := loadCase(ctx, st, files)
	if err != nil {
		return nil, err
	}
	res := &Result{Case: c}

	people, err := readWith(files, "people.json", inquest.ReadPeople)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		if err := st.UpsertPerson(ctx, p); err != nil {
			return nil, fmt.Errorf("demo: store person %s: %w", p.Slug, err)
		}
	}
	res.People = len(people)

	claims, err := readWith(files, "claims.json", inquest.ReadClaims)
	if err != nil {
		return nil, err
	}
	for _, cl := range claims {
		cl.CaseID = c.ID
		if err := st.UpsertClaim(ctx, cl); err != nil {
			return nil, fmt.Errorf("demo: store claim %s: %w", cl.Slug, err)
		}
	}
	res.Claims = len(claims)

	docs, err := readSources(ctx, files)
	if err != nil {
		return nil, err
	}
	review, err := readReview(files)
	if err != nil {
		return nil, err
	}
	storedPeople, err := st.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	storedClaims, err := st.Claims(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	engine := reviewedEngine{inner: extract.NewEngine(extract.Options{People: storedPeople, Claims: storedClaims}), decisions: review.Decisions}
	pipeline, err := ingest.NewPipelineWith(ctx, st, c.ID, engine)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	for _, doc := range docs {
		src, created, err := pipeline.Ingest(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		res.Sources = append(res.Sources, src)
		if created {
			res.NewSources++
		}
	}
	if res.Confirmed, err = applyReview(ctx, st, c, review, res.Sources); err != nil {
		return nil, err
	}
	return res, nil
}

// caseFile is the form of content/case.json; the background is in its own
// Markdown file, where it is easier to write.
type caseFile struct {
	Slug       string       `json:"slug"`
	Title      string       `json:"title"`
	Languages  []string     `json:"languages"`
	PeriodFrom inquest.Date `json:"period_from"`
	PeriodTo   inquest.Date `json:"period_to"`
	Public     bool         `json:"public"`
}

func loadCase(ctx context.Context, st inquest.Store, files fs.FS) (*inquest.Case, error) {
	b, err := fs.ReadFile(files, "case.json")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var cf caseFile
	if err := json.Unmarshal(b, &cf); err != nil {
		return nil, fmt.Errorf("demo: case.json: %w", err)
	}
	bg, err := fs.ReadFile(files, "background.md")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	want := &inquest.Case{Slug: cf.Slug, Title: cf.Title, Background: strings.TrimSpace(string(bg)),
		Languages: cf.Languages, PeriodFrom: cf.PeriodFrom, PeriodTo: cf.PeriodTo, Public: cf.Public}
	if err := want.Validate(); err != nil {
		return nil, fmt.Errorf("demo: case.json: %w", err)
	}
	existing, err := st.CaseBySlug(ctx, want.Slug)
	switch inquest.ErrorCode(err) {
	case "":
		want.ID, want.CreatedAt = existing.ID, existing.CreatedAt
		if err := st.UpdateCase(ctx, want); err != nil {
			return nil, fmt.Errorf("demo: update case %s: %w", want.Slug, err)
		}
		return want, nil
	case inquest.ENOTFOUND:
		if err := st.CreateCase(ctx, want); err != nil {
			return nil, fmt.Errorf("demo: create case %s: %w", want.Slug, err)
		}
		return want, nil
	default:
		return nil, fmt.Errorf("demo: look up case %s: %w", want.Slug, err)
	}
}

func readWith[T any](files fs.FS, name string, read func(string, io.Reader) ([]T, error)) ([]T, error) {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	return read("demo/"+name, bytes.NewReader(b))
}

// readSources reads the embedded sources with ingest's own reader, so that
// text and HTML go through the same extraction as any ingested file. The
// reader works on files, so the sources are copied to a temporary directory
// first; their locators are then set to stable names that do not depend on
// where that directory was.
func readSources(ctx context.Context, files fs.FS) ([]*ingest.Document, error) {
	dir, err := os.MkdirTemp("", "inquest-demo-")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	entries, err := fs.ReadDir(files, "sources")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(files, path.Join("sources", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	r := ingest.NewReader(ingest.DefaultOptions())
	var docs []*ingest.Document
	err = r.Walk(ctx, []string{dir}, func(item string, doc *ingest.Document, err error) error {
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		doc.Locator = LocatorPrefix + doc.FileName
		doc.Name = "demo/" + doc.FileName
		docs = append(docs, doc)
		return nil
	})
	return docs, err
}
