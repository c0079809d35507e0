package evidence

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit"
)

// ExportOptions adjust Export.
type ExportOptions struct {
	// PublicOnly leaves out everything that must not leave the workspace
	// for the public: private sources, people, claims and events; what is
	// not confirmed by an analyst (suggested or rejected statements,
	// stances, figures, questions); anything resting on private material;
	// analysts' notes and names. A case that is not public is refused.
	PublicOnly bool
	// AllPeople exports every actor of the workspace, not only those the
	// case's statements, figures and questions refer to. People are shared
	// by all cases of a workspace, so the default keeps other cases' actors
	// out of the bag.
	AllPeople bool
	// Organization goes into bag-info.txt as Source-Organization.
	Organization string
	// Now stamps the export; tests may fix it.
	Now func() time.Time
}

// Export writes the case slug of st as a bag at dir, which must not exist or
// must be empty. Nothing is left at dir when it fails.
func Export(ctx context.Context, st inquest.Store, slug, dir string, opt ExportOptions) (*Summary, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	c, err := st.CaseBySlug(ctx, slug)
	if err != nil {
		return nil, fmt.Errorf("export case %s: %w", slug, err)
	}
	if opt.PublicOnly && !c.Public {
		return nil, inquest.Errorf(inquest.EINVALID, "case %s is not public, so it has nothing to export with --public-only; make it public first, or export without --public-only for a hand-over", slug)
	}
	rec, err := collect(ctx, st, c, opt)
	if err != nil {
		return nil, fmt.Errorf("export case %s: %w", slug, err)
	}

	sum := &Summary{Case: c.Slug, Dir: dir}
	org := opt.Organization
	if org == "" {
		org = "Inquest workspace"
	}
	desc := fmt.Sprintf("Inquest evidence bag of case %s: %d sources, %d statements", c.Slug, len(rec.sources), len(rec.statements))
	if opt.PublicOnly {
		desc += "; public material only"
	} else {
		desc += "; includes private material and analysts' notes: handle as confidential"
	}
	w, err := bagit.Create(dir, bagit.Info{
		{Label: bagit.LabelSourceOrganization, Value: org},
		{Label: bagit.LabelExternalDescription, Value: desc},
		{Label: bagit.LabelExternalIdentifier, Value: "inquest:case:" + c.Slug},
		{Label: bagit.LabelBaggingDate, Value: opt.Now().UTC().Format("2006-01-02")},
		{Label: "Inquest-Format", Value: fmt.Sprintf("%s %d", Format, FormatVersion)},
		{Label: "Inquest-Public-Only", Value: fmt.Sprint(opt.PublicOnly)},
	})
	if err != nil {
		return nil, inquest.Errorf(inquest.EINVALID, "%v", err)
	}
	if err := write(ctx, st, w, c, rec, sum, opt); err != nil {
		w.Abort()
		return nil, fmt.Errorf("export case %s: %w", slug, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("export case %s: %w", slug, err)
	}
	return sum, nil
}

// record is what of a case goes into a bag, already filtered.
type record struct {
	sources    []*inquest.Source
	people     []*inquest.Person
	claims     []*inquest.Claim
	statements []*inquest.Statement
	stances    []*inquest.Stance
	figures    []*inquest.Figure
	questions  []*inquest.Question
	events     []*inquest.Event
}

// collect reads the case and applies the export options. With PublicOnly
// every item is checked against what it rests on, so that a confirmed
// statement from a private source or by a private person stays out too.
func collect(ctx context.Context, st inquest.Store, c *inquest.Case, opt ExportOptions) (*record, error) {
	pub := opt.PublicOnly
	rec := &record{}
	// Texts are read one source at a time when the bag is written.
	sources, err := st.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
	if err != nil {
		return nil, err
	}
	keepSource := map[int64]bool{}
	for _, s := range sources {
		if pub && s.Private {
			continue
		}
		keepSource[s.ID] = true
		rec.sources = append(rec.sources, s)
	}

	people, err := st.People(ctx)
	if err != nil {
		return nil, err
	}
	privatePerson := map[int64]bool{}
	for _, p := range people {
		if p.Private {
			privatePerson[p.ID] = true
		}
	}
	// okPerson: a reference to no one, or to someone who may be named.
	okPerson := func(id int64) bool { return id == 0 || !pub || !privatePerson[id] }
	okReview := func(r inquest.Review) bool { return !pub || r == inquest.Confirmed }

	claims, err := st.Claims(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	keepClaim := map[int64]bool{}
	for _, cl := range claims {
		if pub && cl.Private {
			continue
		}
		keepClaim[cl.ID] = true
		rec.claims = append(rec.claims, cl)
	}

	statements, err := st.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
	if err != nil {
		return nil, err
	}
	keepStatement := map[int64]bool{}
	for _, s := range statements {
		if !keepSource[s.SourceID] || !okPerson(s.PersonID) || !okReview(s.Review) {
			continue
		}
		if pub {
			s.Note = ""
		}
		keepStatement[s.ID] = true
		rec.statements = append(rec.statements, s)
	}
	// okStatement: a reference to no statement, or to one that is exported.
	okStatement := func(id int64) bool { return id == 0 || keepStatement[id] }

	stances, err := st.Stances(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, s := range stances {
		if !keepStatement[s.StatementID] || !keepClaim[s.ClaimID] || !okReview(s.Review) {
			continue
		}
		if pub {
			s.Note, s.DecidedBy, s.DecidedAt = "", "", time.Time{}
		}
		rec.stances = append(rec.stances, s)
	}

	figures, err := st.Figures(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, f := range figures {
		if !keepSource[f.SourceID] || !okStatement(f.StatementID) || !okPerson(f.ClaimantID) || !okReview(f.Review) {
			continue
		}
		rec.figures = append(rec.figures, f)
	}

	questions, err := st.Questions(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, q := range questions {
		if q.SourceID != 0 && !keepSource[q.SourceID] || !okStatement(q.StatementID) || !okStatement(q.AnswerStatementID) ||
			!okPerson(q.AskerID) || !okPerson(q.AddresseeID) || !okReview(q.Review) {
			continue
		}
		if pub {
			q.Note = ""
		}
		rec.questions = append(rec.questions, q)
	}

	events, err := st.Events(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		if pub && e.Private {
			continue
		}
		var ids []int64
		for _, id := range e.SourceIDs {
			if keepSource[id] {
				ids = append(ids, id)
			}
		}
		e.SourceIDs = ids
		rec.events = append(rec.events, e)
	}

	// People: those referred to, or all; never a private one in a public bag.
	referred := map[int64]bool{}
	for _, s := range rec.statements {
		referred[s.PersonID] = true
	}
	for _, f := range rec.figures {
		referred[f.ClaimantID] = true
	}
	for _, q := range rec.questions {
		referred[q.AskerID] = true
		referred[q.AddresseeID] = true
	}
	for _, p := range people {
		if (opt.AllPeople || referred[p.ID]) && okPerson(p.ID) {
			if pub {
				p.Note = ""
			}
			rec.people = append(rec.people, p)
		}
	}
	return rec, nil
}

func write(ctx context.Context, st inquest.Store, w *bagit.Writer, c *inquest.Case, rec *record, sum *Summary, opt ExportOptions) error {
	var srcs []bagSource
	// Statements get their selectors while their source's text is at hand,
	// so that only one text is in memory at a time.
	targets := map[int64]*target{}
	statementsOf := map[int64][]*inquest.Statement{}
	for _, s := range rec.statements {
		statementsOf[s.SourceID] = append(statementsOf[s.SourceID], s)
	}
	for _, listed := range rec.sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := st.Source(ctx, listed.ID)
		if err != nil {
			return fmt.Errorf("source %d: %w", listed.ID, err)
		}
		original, err := st.Original(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("source %d: %w", s.ID, err)
		}
		// The archive is evidence: never hand over bytes that no longer
		// match their recorded hash.
		if got := inquest.SHA256Hex(original); got != s.SHA256 {
			return fmt.Errorf("source %d: archived bytes hash to %s but the record says %s; run 'inquest verify': %w", s.ID, got, s.SHA256, inquest.ErrTampered)
		}
		if got := inquest.SHA256Hex([]byte(s.Text)); got != s.TextSHA256 {
			return fmt.Errorf("source %d: text hashes to %s but the record says %s; run 'inquest verify': %w", s.ID, got, s.TextSHA256, inquest.ErrTampered)
		}
		orig := fmt.Sprintf("sources/%d-%s%s", s.ID, s.SHA256[:12], extension(s))
		text := fmt.Sprintf("texts/%d-%s.txt", s.ID, s.TextSHA256[:12])
		if err := w.WriteFile(orig, original); err != nil {
			return err
		}
		if err := w.WriteFile(text, []byte(s.Text)); err != nil {
			return err
		}
		runes := []rune(s.Text)
		for _, stmt := range statementsOf[s.ID] {
			targets[stmt.ID] = &target{Source: text, Selector: selectors(runes, stmt.Start, stmt.End)}
		}
		meta := *s
		meta.Text = "" // in its own file, under the hash that names it
		srcs = append(srcs, bagSource{Source: &meta, Original: orig, TextFile: text})
		sum.Bytes += int64(len(original))
	}
	var stmts []bagStatement
	for _, s := range rec.statements {
		stmts = append(stmts, bagStatement{Statement: s, Target: targets[s.ID]})
	}
	sum.Sources, sum.People, sum.Claims, sum.Statements = len(srcs), len(rec.people), len(rec.claims), len(stmts)
	sum.Stances, sum.Figures, sum.Questions, sum.Events = len(rec.stances), len(rec.figures), len(rec.questions), len(rec.events)

	files := []struct {
		name string
		v    any
	}{
		{fileCase, caseFile{Format: Format, FormatVersion: FormatVersion, ExportedAt: opt.Now().UTC(),
			PublicOnly: opt.PublicOnly, Case: c, Counts: sum.counts()}},
		{fileSources, nonNil(srcs)},
		{fileStatements, nonNil(stmts)},
		{filePeople, nonNil(rec.people)},
		{fileClaims, nonNil(rec.claims)},
		{fileStances, nonNil(rec.stances)},
		{fileFigures, nonNil(rec.figures)},
		{fileQuestions, nonNil(rec.questions)},
		{fileEvents, nonNil(rec.events)},
	}
	for _, f := range files {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(f.v); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if err := w.WriteFile(f.name, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// extension picks a file extension for a source's original bytes from its
// file name, its URL path or its content type, so that whoever opens the bag
// can open the file; ".bin" when none tells.
func extension(s *inquest.Source) string {
	candidates := []string{path.Ext(s.FileName)}
	if u, err := url.Parse(s.URL); err == nil {
		candidates = append(candidates, path.Ext(u.Path))
	}
	if mt, _, err := mime.ParseMediaType(s.ContentType); err == nil {
		switch mt {
		case "text/html":
			candidates = append(candidates, ".html")
		case "text/plain":
			candidates = append(candidates, ".txt")
		case "application/pdf":
			candidates = append(candidates, ".pdf")
		}
	}
	for _, e := range candidates {
		e = strings.ToLower(e)
		if len(e) >= 2 && len(e) <= 9 && strings.Trim(e[1:], "abcdefghijklmnopqrstuvwxyz0123456789") == "" {
			return e
		}
	}
	return ".bin"
}
