package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// The API's reads. Each runs behind requireRole, so the request's view is
// the workspace's: private and suggested material included.

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, userFrom(r.Context()))
}

func (s *Server) apiCase(w http.ResponseWriter, r *http.Request) error {
	c, err := s.caseBySlug(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	return writeJSON(w, c)
}

func (s *Server) apiStatements(w http.ResponseWriter, r *http.Request) error {
	c, err := s.caseBySlug(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	f := inquest.StatementFilter{CaseID: c.ID, Review: inquest.Review(r.URL.Query().Get("review"))}
	if f.Review != "" && !f.Review.Valid() {
		return inquest.Errorf(inquest.EINVALID, "review=%q is not suggested, confirmed or rejected", f.Review)
	}
	if f.SourceID, err = queryID(r, "source"); err != nil {
		return err
	}
	if f.PersonID, err = queryID(r, "person"); err != nil {
		return err
	}
	for name, dst := range map[string]*int{"limit": &f.Limit, "offset": &f.Offset} {
		if v := r.URL.Query().Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return inquest.Errorf(inquest.EINVALID, "%s=%q is not a number of statements", name, v)
			}
			*dst = n
		}
	}
	out, err := s.st.Statements(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, nonNil(out))
}

func (s *Server) apiStatement(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "statement")
	if err != nil {
		return err
	}
	st, err := s.st.Statement(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

func (s *Server) apiPeople(w http.ResponseWriter, r *http.Request) error {
	people, err := s.st.People(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, nonNil(people))
}

func (s *Server) apiPerson(w http.ResponseWriter, r *http.Request) error {
	p, err := s.st.PersonBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return writeJSON(w, p)
}

// caseList answers a list of the case named in the path.
func caseList[T any](s *Server, list func(r *http.Request, caseID int64) ([]T, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.caseBySlug(r, r.PathValue("slug"))
		if err != nil {
			return err
		}
		out, err := list(r, c.ID)
		if err != nil {
			return err
		}
		return writeJSON(w, nonNil(out))
	}
}

func (s *Server) apiClaims(w http.ResponseWriter, r *http.Request) error {
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Claim, error) { return s.st.Claims(r.Context(), id) })(w, r)
}

func (s *Server) apiStances(w http.ResponseWriter, r *http.Request) error {
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Stance, error) { return s.st.Stances(r.Context(), id) })(w, r)
}

func (s *Server) apiFigures(w http.ResponseWriter, r *http.Request) error {
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Figure, error) { return s.st.Figures(r.Context(), id) })(w, r)
}

func (s *Server) apiQuestions(w http.ResponseWriter, r *http.Request) error {
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Question, error) { return s.st.Questions(r.Context(), id) })(w, r)
}

func (s *Server) apiContradictions(w http.ResponseWriter, r *http.Request) error {
	a, err := s.analysis()
	if err != nil {
		return err
	}
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Contradiction, error) {
		return a.Contradictions(r.Context(), id)
	})(w, r)
}

func (s *Server) apiContradiction(w http.ResponseWriter, r *http.Request) error {
	a, err := s.analysis()
	if err != nil {
		return err
	}
	id, err := apiID(r, "id", "contradiction")
	if err != nil {
		return err
	}
	c, err := a.Contradiction(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, c)
}

func (s *Server) chapterStore() (inquest.ChapterService, error) {
	cs, ok := s.st.(inquest.ChapterService)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no chapters")
	}
	return cs, nil
}

func (s *Server) apiChapters(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.chapterStore()
	if err != nil {
		return err
	}
	return caseList(s, func(r *http.Request, id int64) ([]*inquest.Chapter, error) { return cs.Chapters(r.Context(), id) })(w, r)
}

// apiChapterWithVersions is a chapter's working copy and its published
// versions, oldest first.
type apiChapterWithVersions struct {
	Chapter  *inquest.Chapter          `json:"chapter"`
	Versions []*inquest.ChapterVersion `json:"versions"`
}

func (s *Server) apiChapter(w http.ResponseWriter, r *http.Request) error {
	cs, err := s.chapterStore()
	if err != nil {
		return err
	}
	id, err := apiID(r, "id", "chapter")
	if err != nil {
		return err
	}
	c, err := cs.Chapter(r.Context(), id)
	if err != nil {
		return err
	}
	vs, err := cs.ChapterVersions(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, apiChapterWithVersions{Chapter: c, Versions: nonNil(vs)})
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	ws, ok := s.st.(inquest.WorkspaceService)
	if !ok {
		return inquest.Errorf(inquest.EINTERNAL, "this store cannot search the record")
	}
	c, err := s.caseBySlug(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	q := r.URL.Query()
	rq := inquest.RecordQuery{CaseID: c.ID, Text: strings.TrimSpace(q.Get("q")), Language: q.Get("lang"),
		From: inquest.Date(q.Get("from")), To: inquest.Date(q.Get("to")), Workspace: true}
	if rq.Text == "" {
		return inquest.Errorf(inquest.EINVALID, "say what to search for: ?q=WORDS")
	}
	if k := q.Get("kind"); k != "" {
		rq.Kinds = []string{k}
	}
	for _, d := range []inquest.Date{rq.From, rq.To} {
		if err := d.Validate(); err != nil {
			return err
		}
	}
	if rq.PersonID, err = queryID(r, "person"); err != nil {
		return err
	}
	if rq.ClaimID, err = queryID(r, "claim"); err != nil {
		return err
	}
	if v := q.Get("limit"); v != "" {
		if rq.Limit, err = strconv.Atoi(v); err != nil || rq.Limit <= 0 {
			return inquest.Errorf(inquest.EINVALID, "limit=%q is not a positive number", v)
		}
	}
	hits, err := ws.SearchRecord(r.Context(), rq)
	if err != nil {
		return err
	}
	return writeJSON(w, nonNil(hits))
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) error {
	q, err := parseAuditQuery(r)
	if err != nil {
		return err
	}
	entries, err := s.auditEntries(r, q)
	if err != nil {
		return err
	}
	return writeJSON(w, nonNil(entries))
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
