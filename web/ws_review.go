package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// The review queue: what the engine suggested and nobody has decided yet,
// newest first, each inside its source's text with the span marked.

type reviewPage struct {
	wsPage
	Source  *inquest.Source // when the queue is narrowed to one source
	Counts  []sourceCount
	Items   []reviewItem
	Stances []inquest.StanceKind
	// People and Claims are the page's one list of each that every
	// item's speaker and claim fields refer to (ws_lists.go).
	People, Claims pickList
	Self           string // this page's URL, where forms come back to
	Pager          pager  // Total and Pages unknown: the queue is read a page at a time
}

func (p reviewPage) PageTitle() string { return "Review · " + p.Case.Title }

// sourceCount is a source with how many suggestions wait in it.
type sourceCount struct {
	Source *inquest.Source
	inquest.SourceReviewCount
}

// reviewItem is one suggestion to decide, with its place in the source.
type reviewItem struct {
	Kind      string // statement, stance, figure, question
	ID        int64
	Anchor    string
	CreatedAt time.Time
	Source    *inquest.Source
	Before    string
	Span      string
	After     string
	Statement *inquest.Statement
	Speaker   string
	Version   string // the statement's UpdatedAt, for the edit check
	Claim     *inquest.Claim
	Stance    *inquest.Stance
	Figure    *inquest.Figure
	Question  *inquest.Question
}

// reviewLimit is how many items one page of the queue shows. Each item
// carries its context and five forms: a hundred made a 460 KB page that
// took 22 ms to build at a million statements and longer to load over a
// slow connection, while an analyst works down the queue with the keyboard
// a few dozen items at a sitting.
const reviewLimit = 50

func (s *Server) wsReviewPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	pw, err := s.paged()
	if err != nil {
		return err
	}
	p := reviewPage{wsPage: s.wsBase(r, c, "review"), Stances: []inquest.StanceKind{inquest.Supports, inquest.Denies, inquest.Qualifies}}
	var only int64
	if v := r.URL.Query().Get("source"); v != "" {
		if only, err = strconv.ParseInt(v, 10, 64); err != nil {
			return inquest.Errorf(inquest.EINVALID, "source %q is not an id", v)
		}
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	base := "/w/cases/" + url.PathEscape(c.Slug) + "/review"
	if only != 0 {
		base += "?source=" + strconv.FormatInt(only, 10)
	}
	p.Self = wsPageLink(base, n)
	// The sources of this page's items, with their text for the context
	// of each; the queue is read a page at a time, never the whole case.
	sources := map[int64]*inquest.Source{}
	source := func(id int64) (*inquest.Source, error) {
		if src := sources[id]; src != nil {
			return src, nil
		}
		src, err := s.st.Source(ctx, id)
		if err != nil {
			return nil, err
		}
		sources[id] = src
		return src, nil
	}
	if only != 0 {
		if p.Source, err = source(only); err != nil || p.Source.CaseID != c.ID {
			return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no source %d.", c.Slug, only)
		}
	}
	entries, more, err := pw.ReviewQueuePage(ctx, c.ID, only, reviewLimit, (n-1)*reviewLimit)
	if err != nil {
		return err
	}
	// The page's sources in one query: one query a source would wait for
	// a connection each time on a busy server.
	var srcIDs []int64
	for _, e := range entries {
		if sources[e.SourceID] == nil {
			srcIDs = append(srcIDs, e.SourceID)
		}
	}
	srcs, err := pw.SourcesWithText(ctx, srcIDs)
	if err != nil {
		return err
	}
	for _, src := range srcs {
		sources[src.ID] = src
	}
	if n > 1 && len(entries) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "The review queue has no page %d now; start again at the first.", n)
	}
	p.Pager = pager{Page: n, First: (n-1)*reviewLimit + 1, Last: (n-1)*reviewLimit + len(entries)}
	if n > 1 {
		p.Pager.Prev = wsPageLink(base, n-1)
	}
	if more {
		p.Pager.Next = wsPageLink(base, n+1)
	}
	people, err := s.peopleNames(ctx)
	if err != nil {
		return err
	}
	claims, err := s.caseClaims(ctx, c.ID)
	if err != nil {
		return err
	}
	p.People, p.Claims = people.list, claimsList(claims)
	claimByID := claimsByID(claims)
	var shown []int64
	for _, e := range entries {
		src, err := source(e.SourceID)
		if err != nil {
			return err
		}
		if len(shown) == 0 || !slices.Contains(shown, src.ID) {
			shown = append(shown, src.ID)
		}
		it := reviewItem{Kind: e.Kind, CreatedAt: e.CreatedAt, Source: src}
		switch e.Kind {
		case "statement":
			it.ID, it.Anchor, it.Statement = e.Statement.ID, fmt.Sprintf("item-s-%d", e.Statement.ID), e.Statement
			it.Speaker, it.Version = speakerOf(e.Statement), e.Statement.UpdatedAt.Format(time.RFC3339Nano)
		case "stance":
			it.ID, it.Anchor, it.Statement, it.Stance = e.Stance.ID, fmt.Sprintf("item-st-%d", e.Stance.ID), e.Statement, e.Stance
			it.Speaker, it.Claim = speakerOf(e.Statement), claimByID[e.Stance.ClaimID]
		case "figure":
			it.ID, it.Anchor, it.Figure = e.Figure.ID, fmt.Sprintf("item-f-%d", e.Figure.ID), e.Figure
		case "question":
			it.ID, it.Anchor, it.Question = e.Question.ID, fmt.Sprintf("item-q-%d", e.Question.ID), e.Question
		}
		start, end, text := it.span()
		it.Before, it.Span, it.After = inContext(src.Text, start, end, text, 280)
		p.Items = append(p.Items, it)
	}
	// What waits per source, for the sources of this page (and the one
	// the queue is narrowed to).
	if only != 0 && !slices.Contains(shown, only) {
		shown = append(shown, only)
	}
	counts, err := pw.ReviewCountsOf(ctx, shown)
	if err != nil {
		return err
	}
	for _, cnt := range counts {
		p.Counts = append(p.Counts, sourceCount{Source: sources[cnt.SourceID], SourceReviewCount: cnt})
	}
	s.render(w, r, http.StatusOK, "ws_review", p)
	return nil
}

// span returns where in its source the item is, and its own text.
func (it *reviewItem) span() (int, int, string) {
	switch {
	case it.Figure != nil:
		return it.Figure.Start, it.Figure.End, it.Figure.Text
	case it.Question != nil:
		return it.Question.Start, it.Question.End, it.Question.Text
	}
	return it.Statement.Start, it.Statement.End, it.Statement.Text
}

func speakerOf(st *inquest.Statement) string {
	if st.SpeakerName != "" {
		return st.SpeakerName
	}
	return "unknown speaker"
}

// inContext cuts the text around [start, end) (in code points): up to width
// code points before and after, starting and ending at a space where one is
// near. A span outside the text shows the item's own words alone.
func inContext(text string, start, end int, own string, width int) (before, span, after string) {
	runes := []rune(text)
	if start < 0 || end > len(runes) || end <= start {
		return "", own, ""
	}
	from := max(0, start-width)
	for i := from; from > 0 && i < start && i < from+40; i++ {
		if runes[i] == ' ' || runes[i] == '\n' {
			from = i + 1
			break
		}
	}
	to := min(len(runes), end+width)
	for i := to - 1; to < len(runes) && i > end && i > to-40; i-- {
		if runes[i] == ' ' || runes[i] == '\n' {
			to = i
			break
		}
	}
	before, span, after = string(runes[from:start]), string(runes[start:end]), string(runes[end:to])
	if from > 0 {
		before = "… " + before
	}
	if to < len(runes) {
		after += " …"
	}
	return before, span, after
}

// Handlers of the queue's forms.

func (s *Server) wsReviewStatement(w http.ResponseWriter, r *http.Request) error {
	return s.wsReviewKind(w, r, "statement", "s")
}

func (s *Server) wsReviewFigure(w http.ResponseWriter, r *http.Request) error {
	return s.wsReviewKind(w, r, "figure", "f")
}

func (s *Server) wsReviewQuestion(w http.ResponseWriter, r *http.Request) error {
	return s.wsReviewKind(w, r, "question", "q")
}

func (s *Server) wsReviewKind(w http.ResponseWriter, r *http.Request, kind, short string) error {
	id, err := pathID(r, "id", kind)
	if err != nil {
		return err
	}
	d, err := reviewDecision(r.PostFormValue("decision"))
	if err != nil {
		return err
	}
	if err := s.opReviewItem(r.Context(), kind, id, d); err != nil {
		return err
	}
	backTo(w, r, "/w/", fmt.Sprintf("%s %d %s.", kind, id, d))
	return nil
}

func (s *Server) wsSetSpeaker(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "statement")
	if err != nil {
		return err
	}
	personID, name, err := s.speakerFromForm(r)
	if err != nil {
		return err
	}
	if personID == 0 && strings.TrimSpace(name) == "" {
		return inquest.Errorf(inquest.EINVALID, "Type the speaker of statement %d: a person from the list, or a name with \"not on record\" ticked.", id)
	}
	st, err := s.opSetSpeaker(r.Context(), id, personID, name, r.PostFormValue("version"))
	if err != nil {
		return err
	}
	backTo(w, r, fmt.Sprintf("/w/sources/%d#ts-%d", st.SourceID, st.ID), fmt.Sprintf("Statement %d: speaker is now %s.", id, st.SpeakerName))
	return nil
}

func (s *Server) wsDecideStance(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "statement")
	if err != nil {
		return err
	}
	st, err := s.st.Statement(r.Context(), id)
	if err != nil {
		return err
	}
	claimID, err := s.claimNamed(r.Context(), st.CaseID, r.PostFormValue("claim"))
	if err != nil {
		return err
	}
	review := inquest.Confirmed
	if v := r.PostFormValue("decision"); v != "" {
		if review, err = reviewDecision(v); err != nil {
			return err
		}
	}
	stance := r.PostFormValue("stance")
	if review == inquest.Rejected {
		stance = ""
	}
	derived, err := s.opDecideStance(r.Context(), id, claimID, stance, review, r.PostFormValue("note"))
	if err != nil {
		return err
	}
	done := fmt.Sprintf("Statement %d: stance recorded.", id)
	if len(derived) > 0 {
		done += fmt.Sprintf(" %d contradiction(s) now hold on that claim.", len(derived))
	}
	backTo(w, r, "/w/", done)
	return nil
}

func (s *Server) wsConfirmSource(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id", "source")
	if err != nil {
		return err
	}
	ws, err := s.ws()
	if err != nil {
		return err
	}
	n, err := ws.ConfirmSourceSuggestions(r.Context(), id, actor(r.Context()))
	if err != nil {
		return err
	}
	src, err := s.st.Source(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.opReanalyse(r.Context(), src.CaseID, inquest.ContradictionScope{}); err != nil {
		return err
	}
	backTo(w, r, "/w/", fmt.Sprintf("Confirmed %d statement(s) of source %d.", n, id))
	return nil
}
