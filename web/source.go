package web

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

type sourcePage struct {
	Case       *inquest.Case
	Source     *inquest.Source
	Paragraphs []paragraph
	Statements []statementView
	Figures    []*inquest.Figure
	Versions   []*inquest.Source
	InText     map[string]bool // anchors ("s-12", "f-3") of the marks placed in the text
	Original   string          // URL of the download
	FileName   string          // name the download is saved under
}

func (p sourcePage) PageTitle() string { return p.Source.Title }

// statementView is a statement as a source page lists it. The statement
// is a named field, not an embedded one: a template finds a promoted field
// only by a search that allocates, on every statement of every page.
type statementView struct {
	Statement *inquest.Statement
	Speaker   string
	Stances   []stanceView
}

type stanceView struct {
	Claim  *inquest.Claim
	Stance inquest.StanceKind
	Review inquest.Review
}

func (s *Server) sourcePage(w http.ResponseWriter, r *http.Request) error {
	return s.cachedPublic(s.renderSourcePage)(w, r)
}

func (s *Server) renderSourcePage(w http.ResponseWriter, r *http.Request) error {
	v := s.viewOf(r)
	src, c, err := s.visibleSourceIn(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	p := sourcePage{Case: c, Source: src, Original: fmt.Sprintf("/sources/%d/original", src.ID), FileName: downloadName(src)}
	ctx := r.Context()
	if v.workspace {
		if p.Versions, err = s.visibleVersions(ctx, v, src); err != nil {
			return err
		}
		if p.Statements, err = s.sourceStatements(ctx, v, c, src); err != nil {
			return err
		}
		figures, err := s.sourceFigures(ctx, c, src)
		if err != nil {
			return err
		}
		for _, f := range figures {
			if f.SourceID == src.ID && v.canSeeReview(f.Review) {
				p.Figures = append(p.Figures, f)
			}
		}
	} else {
		// Readers get the source's share of the public record, which is
		// filtered in one place and cached, instead of the whole case's
		// figures and stances read for one page; its statements are read
		// and pass the record's rules (publicStatement).
		rec, err := s.publicRecord(ctx, c)
		if err != nil {
			return err
		}
		// The record knows which documents have other versions; reading
		// a version's row on SQLite reads its whole text.
		p.Versions = []*inquest.Source{src}
		if rec.versioned[src.ID] {
			if p.Versions, err = s.visibleVersions(ctx, v, src); err != nil {
				return err
			}
		}
		all, err := s.st.Statements(ctx, inquest.StatementFilter{SourceID: src.ID, Review: inquest.Confirmed})
		if err != nil {
			return err
		}
		for _, st := range all {
			if st = rec.publicStatement(st); st == nil {
				continue
			}
			sv := statementView{Statement: st, Speaker: rec.speakerName(st)}
			for _, sn := range rec.stancesOfStmt[st.ID] {
				sv.Stances = append(sv.Stances, stanceView{Claim: rec.claim[sn.ClaimID], Stance: sn.Stance, Review: sn.Review})
			}
			p.Statements = append(p.Statements, sv)
		}
		p.Figures = rec.figuresOfSrc[src.ID]
	}
	var marks []mark
	for _, st := range p.Statements {
		marks = append(marks, mark{Start: st.Statement.Start, End: st.Statement.End, Kind: "statement", ID: fmt.Sprintf("s-%d", st.Statement.ID),
			Title: "Statement by " + st.Speaker, Review: string(st.Statement.Review)})
	}
	for _, f := range p.Figures {
		marks = append(marks, mark{Start: f.Start, End: f.End, Kind: "figure", ID: fmt.Sprintf("f-%d", f.ID),
			Title: "Figure: " + strconv.FormatFloat(f.Value, 'f', -1, 64), Review: string(f.Review)})
	}
	p.Paragraphs = markText(src.Text, marks)
	p.InText = map[string]bool{}
	for _, para := range p.Paragraphs {
		for _, seg := range para.Segments {
			if seg.ID != "" {
				p.InText[seg.ID] = true
			}
		}
	}
	s.render(w, r, http.StatusOK, "source", p)
	return nil
}

// visibleSource loads a source and its case, and answers ENOTFOUND for a
// malformed id and for anything this server may not show.
func (s *Server) visibleSource(ctx context.Context, idText string) (*inquest.Source, *inquest.Case, error) {
	return s.visibleSourceIn(ctx, publicView, idText)
}

// visibleSourceIn is visibleSource for view v.
func (s *Server) visibleSourceIn(ctx context.Context, v view, idText string) (*inquest.Source, *inquest.Case, error) {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil || id <= 0 {
		return nil, nil, inquest.Errorf(inquest.ENOTFOUND, "There is no source %q.", idText)
	}
	src, err := s.st.Source(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.caseByID(ctx, src.CaseID)
	if err != nil {
		return nil, nil, err
	}
	if c == nil || !v.canSeeCase(c) || !v.canSeeSource(src) || (!v.workspace && !s.inScope(c)) {
		return nil, nil, inquest.Errorf(inquest.ENOTFOUND, "There is no source %d.", id)
	}
	return src, c, nil
}

// caseByID finds a case among all cases; the store looks cases up by slug,
// and a workspace holds few cases.
func (s *Server) caseByID(ctx context.Context, id int64) (*inquest.Case, error) {
	cases, err := s.st.Cases(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cases {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, nil
}

func (s *Server) visibleVersions(ctx context.Context, v view, src *inquest.Source) ([]*inquest.Source, error) {
	all, err := s.st.Versions(ctx, src.ID)
	if err != nil {
		return nil, err
	}
	var out []*inquest.Source
	for _, ver := range all {
		if v.canSeeSource(ver) {
			out = append(out, ver)
		}
	}
	return out, nil
}

// sourceStatements lists the statements of src the server may show, with
// their stances on the case's claims.
func (s *Server) sourceStatements(ctx context.Context, v view, c *inquest.Case, src *inquest.Source) ([]statementView, error) {
	all, err := s.st.Statements(ctx, inquest.StatementFilter{SourceID: src.ID})
	if err != nil {
		return nil, err
	}
	var shown []*inquest.Statement
	for _, st := range all {
		if v.canSeeReview(st.Review) {
			shown = append(shown, st)
		}
	}
	if len(shown) == 0 {
		return nil, nil
	}
	claims, err := s.caseClaims(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	claimByID := map[int64]*inquest.Claim{}
	for _, cl := range claims {
		if v.workspace || !cl.Private {
			claimByID[cl.ID] = cl
		}
	}
	// The source's own stances, not the whole case's, when the store can.
	var stances []*inquest.Stance
	if pw, ok := s.st.(inquest.PagedWorkspace); ok {
		stances, err = pw.SourceStances(ctx, src.ID)
	} else {
		stances, err = s.st.Stances(ctx, c.ID)
	}
	if err != nil {
		return nil, err
	}
	byStatement := map[int64][]stanceView{}
	for _, sn := range stances {
		if cl := claimByID[sn.ClaimID]; cl != nil && v.canSeeReview(sn.Review) {
			byStatement[sn.StatementID] = append(byStatement[sn.StatementID], stanceView{Claim: cl, Stance: sn.Stance, Review: sn.Review})
		}
	}
	people, err := s.peopleOf(ctx, shown)
	if err != nil {
		return nil, err
	}
	out := make([]statementView, 0, len(shown))
	for _, st := range shown {
		sv := statementView{Statement: st, Speaker: st.SpeakerName, Stances: byStatement[st.ID]}
		if st.PersonID != 0 {
			p := people[st.PersonID]
			switch {
			case p != nil && p.Private && !v.workspace:
				// The role and the name as the text gave them identify the
				// person as well as the name does.
				masked := *st
				masked.SpeakerName, masked.SpeakerRole, masked.Note = "", "", ""
				sv.Statement, sv.Speaker = &masked, protectedName
			case p != nil && sv.Speaker == "":
				sv.Speaker = p.Name
			}
		}
		if sv.Speaker == "" {
			sv.Speaker = "unknown speaker"
		}
		out = append(out, sv)
	}
	return out, nil
}

// peopleOf reads the speakers of the statements in one query: one query
// a speaker would wait for a connection each time on a busy server.
func (s *Server) peopleOf(ctx context.Context, sts []*inquest.Statement) (map[int64]*inquest.Person, error) {
	rr, err := s.recordReads()
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, st := range sts {
		if st.PersonID != 0 {
			ids = append(ids, st.PersonID)
		}
	}
	people, err := rr.PeopleByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*inquest.Person, len(people))
	for _, p := range people {
		out[p.ID] = p
	}
	return out, nil
}

// sourceFigures lists the figures of src: its own when the store can read
// them alone, else the case's, which the caller filters.
func (s *Server) sourceFigures(ctx context.Context, c *inquest.Case, src *inquest.Source) ([]*inquest.Figure, error) {
	if pw, ok := s.st.(inquest.PagedWorkspace); ok {
		return pw.SourceFigures(ctx, src.ID)
	}
	return s.st.Figures(ctx, c.ID)
}

// sourceOriginal sends the archived bytes exactly as received, as a download:
// an archived web page must never run in this site's origin.
func (s *Server) sourceOriginal(w http.ResponseWriter, r *http.Request) error {
	src, _, err := s.visibleSourceIn(r.Context(), s.viewOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	b, err := s.st.Original(r.Context(), src.ID)
	if err != nil {
		return err
	}
	ct := src.ContentType
	if _, _, err := mime.ParseMediaType(ct); ct == "" || err != nil {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": downloadName(src)}))
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'")
	h.Set("ETag", `"`+src.SHA256+`"`)
	if r.Header.Get("If-None-Match") == `"`+src.SHA256+`"` {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	_, err = w.Write(b)
	return err
}

// downloadName is the file name the original is saved under: its own file
// name, else the last part of its URL, else "source-ID" with an extension
// that fits its content type.
func downloadName(src *inquest.Source) string {
	name := path.Base(strings.ReplaceAll(src.FileName, `\`, "/"))
	if name == "." || name == "/" || name == "" {
		name = ""
		if u, err := url.Parse(src.URL); err == nil && u.Path != "" && u.Path != "/" {
			name = path.Base(u.Path)
		}
	}
	if name == "" {
		name = fmt.Sprintf("source-%d", src.ID)
	}
	if path.Ext(name) == "" {
		mt, _, _ := mime.ParseMediaType(src.ContentType)
		switch mt {
		case "text/html":
			name += ".html"
		case "text/plain":
			name += ".txt"
		case "application/pdf":
			name += ".pdf"
		}
	}
	return name
}
