package web

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/publish"
)

// The chapter editor: Markdown in a textarea, a preview rendered by the
// same renderer as the published page (publish.RenderChapter), citations
// such as [@s12] shown as numbered footnotes that lead to the marked span in
// the archived source; drafts, submission for review, publication by an
// editor, and every published version with its diff.

type wsChaptersPage struct {
	wsPage
	Chapters []*inquest.Chapter
}

func (p wsChaptersPage) PageTitle() string { return "Chapters · " + p.Case.Title }

func (s *Server) wsChaptersPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	cs, err := s.chapters()
	if err != nil {
		return err
	}
	list, err := cs.Chapters(r.Context(), c.ID)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "ws_chapters", wsChaptersPage{wsPage: s.wsBase(r, c, "chapters"), Chapters: list})
	return nil
}

func (s *Server) wsCreateChapter(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	cs, err := s.chapters()
	if err != nil {
		return err
	}
	ch := &inquest.Chapter{CaseID: c.ID, Title: strings.TrimSpace(r.PostFormValue("title")), Slug: strings.TrimSpace(r.PostFormValue("slug"))}
	if err := cs.CreateChapter(r.Context(), ch, actor(r.Context())); err != nil {
		return err
	}
	http.Redirect(w, r, chapterPath(c, ch)+"?done="+url.QueryEscape("Draft created."), http.StatusSeeOther)
	return nil
}

func chapterPath(c *inquest.Case, ch *inquest.Chapter) string {
	return "/w/cases/" + url.PathEscape(c.Slug) + "/chapters/" + url.PathEscape(ch.Slug)
}

type wsChapterPage struct {
	wsPage
	Chapter  *inquest.Chapter
	Body     string // as edited: the saved body, or the one being previewed
	Preview  template.HTML
	Versions []wsChapterVersion
	Pending  []diffLine // working copy against the last published version
	Path     string
	Unsaved  bool
}

func (p wsChapterPage) PageTitle() string { return p.Chapter.Title + " · Chapters" }

type wsChapterVersion struct {
	*inquest.ChapterVersion
	Diff []diffLine // against the version before
}

// wsChapter loads the case and chapter of the path.
func (s *Server) wsChapter(r *http.Request) (*inquest.Case, *inquest.Chapter, inquest.ChapterService, error) {
	c, err := s.wsCase(r)
	if err != nil {
		return nil, nil, nil, err
	}
	cs, err := s.chapters()
	if err != nil {
		return nil, nil, nil, err
	}
	ch, err := cs.ChapterBySlug(r.Context(), c.ID, r.PathValue("chapter"))
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, nil, nil, inquest.Errorf(inquest.ENOTFOUND, "Case %s has no chapter %q.", c.Slug, r.PathValue("chapter"))
	}
	return c, ch, cs, err
}

func (s *Server) wsChapterPage(w http.ResponseWriter, r *http.Request) error {
	c, ch, cs, err := s.wsChapter(r)
	if err != nil {
		return err
	}
	return s.renderChapterEditor(w, r, c, ch, cs, ch.Body, false)
}

func (s *Server) renderChapterEditor(w http.ResponseWriter, r *http.Request, c *inquest.Case, ch *inquest.Chapter, cs inquest.ChapterService, body string, unsaved bool) error {
	ctx := r.Context()
	p := wsChapterPage{wsPage: s.wsBase(r, c, "chapters"), Chapter: ch, Body: body, Path: chapterPath(c, ch), Unsaved: unsaved}
	var err error
	if p.Preview, err = s.chapterPreview(ctx, c, body); err != nil {
		return err
	}
	versions, err := cs.ChapterVersions(ctx, ch.ID)
	if err != nil {
		return err
	}
	prev := ""
	for _, v := range versions {
		p.Versions = append(p.Versions, wsChapterVersion{ChapterVersion: v, Diff: lineDiff(prev, v.Body)})
		prev = v.Body
	}
	if len(versions) > 0 && ch.Status != inquest.Published {
		if d := lineDiff(prev, ch.Body); diffChanged(d) {
			p.Pending = d
		}
	}
	// Newest version first.
	for i, j := 0, len(p.Versions)-1; i < j; i, j = i+1, j-1 {
		p.Versions[i], p.Versions[j] = p.Versions[j], p.Versions[i]
	}
	s.render(w, r, http.StatusOK, "ws_chapter", p)
	return nil
}

// wsSaveChapter saves the working copy (action "save") or shows it
// rendered without saving (action "preview", the button that works
// without the script).
func (s *Server) wsSaveChapter(w http.ResponseWriter, r *http.Request) error {
	c, ch, cs, err := s.wsChapter(r)
	if err != nil {
		return err
	}
	body := strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")
	if r.PostFormValue("action") == "preview" {
		if t := strings.TrimSpace(r.PostFormValue("title")); t != "" {
			ch.Title = t
		}
		return s.renderChapterEditor(w, r, c, ch, cs, body, true)
	}
	ch.Body = body
	if t := strings.TrimSpace(r.PostFormValue("title")); t != "" {
		ch.Title = t
	}
	if err := cs.UpdateChapter(r.Context(), ch, actor(r.Context())); err != nil {
		return err
	}
	http.Redirect(w, r, chapterPath(c, ch)+"?done="+url.QueryEscape("Draft saved."), http.StatusSeeOther)
	return nil
}

// wsPreviewChapter answers the editor's script with the rendered body and
// footnotes as an HTML fragment. It changes nothing.
func (s *Server) wsPreviewChapter(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	html, err := s.chapterPreview(r.Context(), c, r.PostFormValue("body"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write([]byte(html))
	return err
}

func (s *Server) wsSubmitChapter(w http.ResponseWriter, r *http.Request) error {
	c, ch, cs, err := s.wsChapter(r)
	if err != nil {
		return err
	}
	if err := cs.SubmitChapter(r.Context(), ch.ID, actor(r.Context())); err != nil {
		return err
	}
	http.Redirect(w, r, chapterPath(c, ch)+"?done="+url.QueryEscape("Submitted for an editor's review."), http.StatusSeeOther)
	return nil
}

func (s *Server) wsPublishChapter(w http.ResponseWriter, r *http.Request) error {
	c, ch, cs, err := s.wsChapter(r)
	if err != nil {
		return err
	}
	v, err := cs.PublishChapter(r.Context(), ch.ID, actor(r.Context()))
	if err != nil {
		return err
	}
	http.Redirect(w, r, chapterPath(c, ch)+"?done="+url.QueryEscape(fmt.Sprintf("Version %d published.", v.Version)), http.StatusSeeOther)
	return nil
}

// chapterPreview renders body with its citations resolved for the
// workspace: every statement, figure, question and claim of the case that
// is not rejected, each footnote leading to the marked span in the
// workspace's view of the source.
func (s *Server) chapterPreview(ctx context.Context, c *inquest.Case, body string) (template.HTML, error) {
	resolve := s.workspaceResolver(ctx, c)
	html, notes, err := publish.RenderChapter(body, resolve)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.WriteString(string(html))
	if len(notes) > 0 {
		b.WriteString(`<ol class="footnotes">`)
		for _, n := range notes {
			fmt.Fprintf(&b, `<li id="%s">`, n.ID())
			if n.Missing {
				fmt.Fprintf(&b, `<span class="ws-missing">%s: no such item in this case.</span>`, template.HTMLEscapeString(n.Ref.String()))
			} else {
				t := n.Target
				fmt.Fprintf(&b, `%s`, template.HTMLEscapeString(t.Label))
				if t.Quote != "" {
					fmt.Fprintf(&b, `: “<span lang="%s">%s</span>”`, template.HTMLEscapeString(t.Lang), template.HTMLEscapeString(t.Quote))
				}
				fmt.Fprintf(&b, ` <a class="ws-evidence" href="%s">evidence</a>`, template.HTMLEscapeString(t.Href))
			}
			for _, back := range n.Backrefs {
				fmt.Fprintf(&b, ` <a href="#%s" aria-label="back to the text">↩</a>`, back)
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ol>`)
	}
	return template.HTML(b.String()), nil
}

// workspaceResolver looks citations up in the case, loading each kind once.
func (s *Server) workspaceResolver(ctx context.Context, c *inquest.Case) publish.Resolver {
	var (
		statements map[int64]*inquest.Statement
		figures    map[int64]*inquest.Figure
		questions  map[int64]*inquest.Question
		claims     map[string]*inquest.Claim
	)
	return func(ref publish.Ref) (publish.Target, bool) {
		switch ref.Kind {
		case publish.RefStatement:
			if statements == nil {
				statements = map[int64]*inquest.Statement{}
				all, _ := s.st.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
				for _, st := range all {
					statements[st.ID] = st
				}
			}
			st := statements[ref.ID]
			if st == nil || st.Review == inquest.Rejected {
				return publish.Target{}, false
			}
			label := speakerOf(st)
			if st.SaidOn.Known() {
				label += ", " + showDate(st.SaidOn)
			}
			if st.Review != inquest.Confirmed {
				label += " (not yet confirmed)"
			}
			return publish.Target{Href: fmt.Sprintf("/w/sources/%d#ts-%d", st.SourceID, st.ID), Label: label, Quote: st.Text, Lang: st.Language}, true
		case publish.RefFigure:
			if figures == nil {
				figures = map[int64]*inquest.Figure{}
				all, _ := s.st.Figures(ctx, c.ID)
				for _, f := range all {
					figures[f.ID] = f
				}
			}
			f := figures[ref.ID]
			if f == nil || f.Review == inquest.Rejected {
				return publish.Target{}, false
			}
			label := fmt.Sprintf("%g %s", f.Value, f.Measure)
			if f.ClaimantName != "" {
				label += ", " + f.ClaimantName
			}
			return publish.Target{Href: fmt.Sprintf("/w/sources/%d#tf-%d", f.SourceID, f.ID), Label: label, Quote: f.Text}, true
		case publish.RefQuestion:
			if questions == nil {
				questions = map[int64]*inquest.Question{}
				all, _ := s.st.Questions(ctx, c.ID)
				for _, q := range all {
					questions[q.ID] = q
				}
			}
			q := questions[ref.ID]
			if q == nil || q.Review == inquest.Rejected {
				return publish.Target{}, false
			}
			href := fmt.Sprintf("/w/cases/%s/questions#q-%d", url.PathEscape(c.Slug), q.ID)
			if q.SourceID != 0 {
				href = fmt.Sprintf("/w/sources/%d", q.SourceID)
			}
			return publish.Target{Href: href, Label: "Question " + string(q.Status), Quote: q.Text}, true
		case publish.RefClaim:
			if claims == nil {
				claims = map[string]*inquest.Claim{}
				all, _ := s.st.Claims(ctx, c.ID)
				for _, cl := range all {
					claims[cl.Slug] = cl
				}
			}
			cl := claims[ref.Slug]
			if cl == nil {
				return publish.Target{}, false
			}
			return publish.Target{Href: fmt.Sprintf("/w/cases/%s/claims?claim=%s", url.PathEscape(c.Slug), url.QueryEscape(cl.Slug)), Label: "Claim", Quote: cl.Text, Lang: "en"}, true
		}
		return publish.Target{}, false
	}
}
