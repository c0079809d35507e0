package hugosite

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/inquest-project/inquest"
)

// The layouts, i18n catalogues, configuration and style sheet: a base
// template, a single and a list template, a case navigation and a footer
// partial. No theme, no taxonomies, no feeds or sitemap (Inquest's pages
// are compared, not its feeds and downloads).
//
//go:embed all:site
var siteFS embed.FS

// Site is a Hugo site written by Write.
type Site struct {
	Dir string // the site's root, holding config.toml
	// Pages is how many HTML pages hugo should render from it: one per
	// page of Inquest's export.
	Pages int
	// Left is how many of Inquest's pages the site leaves to hugo's
	// redirects: none since Inquest's export writes English once, at the
	// root (hugo's redirect at /en/ stands where Inquest writes nothing).
	Left int
	// Files is how many content files were written, with the section
	// files that only hold their pages and render nothing.
	Files int
}

// tree is one copy of the site: English at the root, Russian and Kazakh
// under their prefixes, as Inquest's export has them.
type tree struct {
	lang string // the Hugo language whose content it is
	dir  string // under the site root
	root string // path prefix inside the language, "/en" for the English copy
}

var trees = []tree{
	{"en", "content/en", ""},
	{"ru", "content/ru", ""},
	{"kk", "content/kk", ""},
}

// casePages are the case's pages beside its overview and claims, each a
// single page whose layout is chosen by its kind.
var casePages = []string{"contradictions", "matrix", "timeline", "figures", "questions", "people", "data"}

// Write writes the Hugo site of the public case with the slug into dir,
// which must be new or empty, with stylesheet as its static/style.css (the
// public site's own, web.StyleSheet, so that both builds write pages of the
// same weight). EINVALID if the case is not public.
func Write(ctx context.Context, st inquest.Store, slug, dir string, stylesheet []byte) (*Site, error) {
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	r, err := load(ctx, st, slug)
	if err != nil {
		return nil, fmt.Errorf("hugo site of %s: %w", slug, err)
	}
	s := &Site{Dir: dir}
	if err := fs.WalkDir(siteFS, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := siteFS.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "site/"))), b)
	}); err != nil {
		return nil, fmt.Errorf("hugo site layouts: %w", err)
	}
	if err := writeFile(filepath.Join(dir, "static", "style.css"), stylesheet); err != nil {
		return nil, fmt.Errorf("hugo site stylesheet: %w", err)
	}
	if err := s.writeJSON("data/record.json", r.data()); err != nil {
		return nil, err
	}
	for _, t := range trees {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := s.writeTree(r, t); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// page is one content file: JSON front matter, then Markdown.
type page struct {
	path   string         // under the tree, e.g. "sources/12.md"
	front  map[string]any // front matter
	body   string         // Markdown
	render bool           // false for a section that only holds pages
}

func (s *Site) writeTree(r *record, t tree) error {
	c := r.Case
	common := func(kind, title string) map[string]any {
		m := map[string]any{"page": kind, "title": title, "case": c.Slug, "case_title": c.Title}
		if t.root != "" {
			m["root"] = t.root
		}
		return m
	}
	pages := []page{
		// Hugo keeps /en/ for a redirect to / (the default language's
		// home), written over whatever page is there; so the English copy
		// has no front page of its own, and Hugo one page fewer.
		{path: "_index.md", front: common("home", "Inquest"), render: t.root == ""},
		{path: "cases/_index.md", front: common("section", "Cases")},
		{path: "sources/_index.md", front: common("section", "Sources")},
		{path: "people/_index.md", front: common("section", "People")},
	}
	cf := common("case", c.Title)
	cf["period_from"], cf["period_to"], cf["statements"] = string(c.PeriodFrom), string(c.PeriodTo), len(r.Statements)
	pages = append(pages, page{path: "cases/" + c.Slug + "/_index.md", front: cf, body: escape(c.Background), render: true},
		page{path: "cases/" + c.Slug + "/claims/_index.md", front: common("claims", "Claims"), render: true})
	for _, k := range casePages {
		if k != "timeline" && k != "contradictions" {
			pages = append(pages, page{path: "cases/" + c.Slug + "/" + k + ".md", front: common(k, k), render: true})
		}
	}
	caseDir := "/cases/" + c.Slug
	days, undated := r.timeline(t.lang)
	tpages := timelinePages(days)
	for i, span := range tpages {
		f := common("timeline", "timeline")
		f["days"], f["pager"] = days[span[0]:span[1]], pager(caseDir+"/timeline", i+1, len(tpages))
		if i == len(tpages)-1 {
			f["undated"] = undated
		}
		pages = append(pages, page{path: "cases/" + c.Slug + "/" + pagePath("timeline", i+1), front: f, render: true})
	}
	cpages := max(1, (len(r.Contradictions)+pageSize-1)/pageSize)
	for n := 1; n <= cpages; n++ {
		items := []map[string]any{}
		for _, k := range r.Contradictions[(n-1)*pageSize : min(len(r.Contradictions), n*pageSize)] {
			side := func(id int64) map[string]any {
				st := r.statement[id]
				return map[string]any{"text": st.Text, "lang": st.Language, "speaker": r.speaker(st, t.lang), "person": r.personSlug(st.PersonID),
					"said": string(st.SaidOn), "source": st.SourceID, "id": st.ID}
			}
			cl := r.claim[k.ClaimID]
			items = append(items, map[string]any{"id": k.ID, "kind": string(k.Kind), "claim": cl.Slug, "title": cl.TextIn(t.lang),
				"a": side(k.AStatementID), "b": side(k.BStatementID)})
		}
		f := common("contradictions", "contradictions")
		f["items"], f["pager"] = items, pager(caseDir+"/contradictions", n, cpages)
		pages = append(pages, page{path: "cases/" + c.Slug + "/" + pagePath("contradictions", n), front: f, render: true})
	}
	for _, cl := range r.Claims {
		f := common("claim", cl.TextIn(t.lang))
		stances := []map[string]any{}
		for _, sn := range r.stancesOn[cl.ID] {
			stm := r.statement[sn.StatementID]
			stances = append(stances, map[string]any{"kind": string(sn.Stance), "statement": stm.ID, "text": stm.Text,
				"lang": stm.Language, "speaker": r.speaker(stm, t.lang), "person": r.personSlug(stm.PersonID),
				"said": string(stm.SaidOn), "source": stm.SourceID})
		}
		f["stances"] = stances
		pages = append(pages, page{path: "cases/" + c.Slug + "/claims/" + cl.Slug + ".md", front: f, render: true})
	}
	for _, src := range r.Sources {
		f := common("source", src.Title)
		f["weight"], f["id"], f["publisher"], f["source_kind"], f["source_lang"] = src.ID, src.ID, src.Publisher, string(src.Kind), src.Language
		f["source_url"], f["version"], f["sha256"], f["text_sha256"] = src.URL, src.Version, src.SHA256, src.TextSHA256
		f["retrieved"] = src.RetrievedAt.UTC().Format("2006-01-02T15:04:05Z")
		if src.Published.Known() {
			f["published"], f["date"] = string(src.Published), string(src.Published)
		}
		quotes := []map[string]any{}
		for _, stm := range r.statementsOf[src.ID] {
			stances := []map[string]any{}
			for _, sn := range r.stancesOf[stm.ID] {
				cl := r.claim[sn.ClaimID]
				stances = append(stances, map[string]any{"kind": string(sn.Stance), "claim": cl.Slug, "title": cl.TextIn(t.lang)})
			}
			quotes = append(quotes, map[string]any{"id": stm.ID, "text": stm.Text, "lang": stm.Language,
				"speaker": r.speaker(stm, t.lang), "person": r.personSlug(stm.PersonID), "role": stm.SpeakerRole,
				"said": string(stm.SaidOn), "venue": stm.Venue, "stances": stances})
		}
		f["quotations"] = quotes
		pages = append(pages, page{path: fmt.Sprintf("sources/%d.md", src.ID), front: f, body: paragraphs(src.Text), render: true})
	}
	for i, p := range r.People {
		f := common("person", nameIn(p, t.lang))
		f["weight"] = i + 1
		positions := []map[string]any{}
		for _, pos := range p.Positions {
			positions = append(positions, map[string]any{"title": pos.Title, "organisation": pos.Organisation,
				"from": string(pos.From), "to": string(pos.To)})
		}
		f["positions"] = positions
		said := []map[string]any{}
		for _, stm := range r.saidBy[p.ID] {
			said = append(said, map[string]any{"id": stm.ID, "text": stm.Text, "lang": stm.Language, "role": stm.SpeakerRole,
				"said": string(stm.SaidOn), "source": stm.SourceID, "source_title": r.source[stm.SourceID].Title})
		}
		f["statements"] = said
		pages = append(pages, page{path: "people/" + p.Slug + ".md", front: f, render: true})
	}
	// Hugo's paginator writes the case page's further pages of sources.
	s.Pages += max(1, (len(r.Sources)+pageSize-1)/pageSize) - 1
	for _, pg := range pages {
		if !pg.render {
			// Kept as a section, so its pages can be listed, but not written out:
			// Inquest has no page at /sources/ or /people/.
			pg.front["_build"] = map[string]string{"render": "never", "list": "always"}
		} else {
			s.Pages++
		}
		fm, err := json.Marshal(pg.front)
		if err != nil {
			return fmt.Errorf("hugo page %s: %w", pg.path, err)
		}
		if err := writeFile(filepath.Join(s.Dir, filepath.FromSlash(path.Join(t.dir, pg.path))), append(append(fm, '\n', '\n'), pg.body...)); err != nil {
			return err
		}
		s.Files++
	}
	return nil
}

// data is what the case's list pages show beyond the content files: the
// matrix of stances by actor and claim, the figures and the questions.
// Hugo reads it once from data/record.json.
func (r *record) data() map[string]any {
	claims := []map[string]any{}
	col := map[int64]int{}
	for i, cl := range r.Claims {
		col[cl.ID] = i
		claims = append(claims, map[string]any{"slug": cl.Slug, "title": cl.Text})
	}
	cells := map[int64][]string{} // person -> stance letter per claim
	var order []int64
	for _, cl := range r.Claims {
		for _, sn := range r.stancesOn[cl.ID] {
			pid := r.statement[sn.StatementID].PersonID
			if pid == 0 {
				continue
			}
			row, ok := cells[pid]
			if !ok {
				row = make([]string, len(r.Claims))
				cells[pid] = row
				order = append(order, pid)
			}
			letter := map[inquest.StanceKind]string{inquest.Supports: "S", inquest.Denies: "D", inquest.Qualifies: "Q"}[sn.Stance]
			switch cur := row[col[cl.ID]]; {
			case cur == "":
				row[col[cl.ID]] = letter
			case (cur == "S" && letter == "D") || (cur == "D" && letter == "S"):
				row[col[cl.ID]] = "±"
			}
		}
	}
	rows := []map[string]any{}
	for _, pid := range order {
		p := r.person[pid]
		rows = append(rows, map[string]any{"person": p.Slug, "name": p.Name, "cells": cells[pid]})
	}
	figures := []map[string]any{}
	for _, f := range r.Figures {
		figures = append(figures, map[string]any{"source": f.SourceID, "text": f.Text, "claimant": f.ClaimantName, "as_of": string(f.AsOf)})
	}
	questions := []map[string]any{}
	for _, q := range r.Questions {
		questions = append(questions, map[string]any{"text": q.Text, "asker": q.AskerName, "addressee": q.AddresseeName,
			"asked_on": string(q.AskedOn), "status": string(q.Status)})
	}
	return map[string]any{"matrix": map[string]any{"claims": claims, "rows": rows},
		"figures": figures, "questions": questions}
}

func (r *record) personSlug(id int64) string {
	if p := r.person[id]; p != nil {
		return p.Slug
	}
	return ""
}

// paragraphs turns a source's plain text into Markdown paragraphs, one per
// line of the text, as the source page shows them.
func paragraphs(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString(escape(line))
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// escape keeps a text from being read as a Hugo shortcode or raw HTML:
// sources are evidence, shown as text.
var escaper = strings.NewReplacer("{{", "&#123;&#123;", "<", "&lt;", ">", "&gt;")

func escape(s string) string { return escaper.Replace(s) }

func (s *Site) writeJSON(p string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("hugo site %s: %w", p, err)
	}
	return writeFile(filepath.Join(s.Dir, filepath.FromSlash(p)), b)
}

func writeFile(p string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	return nil
}

// emptyDir makes sure dir exists and holds nothing.
func emptyDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("hugo site: %w", err)
	}
	if len(entries) > 0 {
		return inquest.Errorf(inquest.EINVALID, "hugo site: %s is not empty; give a new or empty directory", dir)
	}
	return nil
}
