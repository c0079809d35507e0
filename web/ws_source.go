package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/inquest-project/inquest"
)

// The workspace's view of a source: the archived text with every statement
// and figure marked, suggested ones too; the record with its hashes; the
// versions, with a line diff against another version; the original bytes.

type wsSourcePage struct {
	wsPage
	Source     *inquest.Source
	Paragraphs []paragraph
	Statements []wsSourceStatement
	Figures    []*inquest.Figure
	Versions   []*inquest.Source
	DiffWith   *inquest.Source
	Diff       []diffLine
	Changed    bool
	// People is the page's one list of people that every statement's
	// speaker field refers to (ws_lists.go).
	People pickList
	Self   string
}

func (p wsSourcePage) PageTitle() string { return p.Source.Title + " · Workspace" }

type wsSourceStatement struct {
	statementView
	Version string
}

func (s *Server) wsSourcePage(w http.ResponseWriter, r *http.Request) error {
	v := s.viewOf(r)
	src, c, err := s.visibleSourceIn(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	ctx := r.Context()
	p := wsSourcePage{wsPage: s.wsBase(r, c, "sources"), Source: src, Self: fmt.Sprintf("/w/sources/%d", src.ID)}
	if p.Versions, err = s.st.Versions(ctx, src.ID); err != nil {
		return err
	}
	stmts, err := s.sourceStatements(ctx, v, c, src)
	if err != nil {
		return err
	}
	for _, st := range stmts {
		p.Statements = append(p.Statements, wsSourceStatement{statementView: st, Version: st.Statement.UpdatedAt.Format(time.RFC3339Nano)})
	}
	figures, err := s.sourceFigures(ctx, c, src)
	if err != nil {
		return err
	}
	for _, f := range figures {
		if f.SourceID == src.ID && f.Review != inquest.Rejected {
			p.Figures = append(p.Figures, f)
		}
	}
	people, err := s.peopleNames(ctx)
	if err != nil {
		return err
	}
	p.People = people.list
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

	// The diff: against the version asked for, else the one before.
	var other *inquest.Source
	want, _ := strconv.ParseInt(r.URL.Query().Get("diff"), 10, 64)
	for i, ver := range p.Versions {
		if (want != 0 && ver.ID == want) || (want == 0 && i+1 < len(p.Versions) && p.Versions[i+1].ID == src.ID) {
			other = ver
		}
	}
	if other != nil && other.ID != src.ID {
		full, err := s.st.Source(ctx, other.ID)
		if err != nil {
			return err
		}
		p.DiffWith = full
		if full.Version < src.Version {
			p.Diff = lineDiff(full.Text, src.Text)
		} else {
			p.Diff = lineDiff(src.Text, full.Text)
		}
		p.Changed = diffChanged(p.Diff)
	}
	s.render(w, r, http.StatusOK, "ws_source", p)
	return nil
}
