package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	People  []*inquest.Person
	Claims  []*inquest.Claim
	Stances []inquest.StanceKind
	Self    string // this page's URL, where forms come back to
	More    int    // items beyond those shown
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

// reviewLimit is how many items one page of the queue shows.
const reviewLimit = 100

func (s *Server) wsReviewPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	ws, err := s.ws()
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
	p.Self = "/w/cases/" + url.PathEscape(c.Slug) + "/review"
	if only != 0 {
		p.Self += "?source=" + strconv.FormatInt(only, 10)
	}
	sources := map[int64]*inquest.Source{}
	all, err := s.st.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
	if err != nil {
		return err
	}
	for _, src := range all {
		sources[src.ID] = src
	}
	if only != 0 {
		if p.Source = sources[only]; p.Source == nil {
			return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no source %d.", c.Slug, only)
		}
	}
	counts, err := ws.ReviewCounts(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, n := range counts {
		if src := sources[n.SourceID]; src != nil {
			p.Counts = append(p.Counts, sourceCount{Source: src, SourceReviewCount: n})
		}
	}
	if p.People, err = s.st.People(ctx); err != nil {
		return err
	}
	if p.Claims, err = s.st.Claims(ctx, c.ID); err != nil {
		return err
	}
	if p.Items, err = s.reviewItems(ctx, c, only, p.Claims); err != nil {
		return err
	}
	if len(p.Items) > reviewLimit {
		p.More = len(p.Items) - reviewLimit
		p.Items = p.Items[:reviewLimit]
	}
	texts := map[int64]*inquest.Source{}
	for i := range p.Items {
		it := &p.Items[i]
		src := texts[it.Source.ID]
		if src == nil {
			if src, err = s.st.Source(ctx, it.Source.ID); err != nil {
				return err
			}
			texts[src.ID] = src
		}
		it.Source = src
		start, end, text := it.span()
		it.Before, it.Span, it.After = inContext(src.Text, start, end, text, 280)
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

// reviewItems collects the case's suggestions (of one source when only is
// not 0), newest first.
func (s *Server) reviewItems(ctx context.Context, c *inquest.Case, only int64, claims []*inquest.Claim) ([]reviewItem, error) {
	statements, err := s.st.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, SourceID: only})
	if err != nil {
		return nil, err
	}
	byID := map[int64]*inquest.Statement{}
	var items []reviewItem
	src := func(id int64) *inquest.Source { return &inquest.Source{ID: id} }
	for _, st := range statements {
		byID[st.ID] = st
		if st.Review != inquest.Suggested {
			continue
		}
		items = append(items, reviewItem{Kind: "statement", ID: st.ID, Anchor: fmt.Sprintf("item-s-%d", st.ID), CreatedAt: st.CreatedAt,
			Source: src(st.SourceID), Statement: st, Speaker: speakerOf(st), Version: st.UpdatedAt.Format(time.RFC3339Nano)})
	}
	claimByID := map[int64]*inquest.Claim{}
	for _, cl := range claims {
		claimByID[cl.ID] = cl
	}
	stances, err := s.st.Stances(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, sn := range stances {
		st := byID[sn.StatementID]
		if sn.Review != inquest.Suggested || st == nil || st.Review == inquest.Rejected {
			continue
		}
		items = append(items, reviewItem{Kind: "stance", ID: sn.ID, Anchor: fmt.Sprintf("item-st-%d", sn.ID), CreatedAt: st.CreatedAt,
			Source: src(st.SourceID), Statement: st, Speaker: speakerOf(st), Stance: sn, Claim: claimByID[sn.ClaimID]})
	}
	figures, err := s.st.Figures(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, f := range figures {
		if f.Review != inquest.Suggested || (only != 0 && f.SourceID != only) {
			continue
		}
		items = append(items, reviewItem{Kind: "figure", ID: f.ID, Anchor: fmt.Sprintf("item-f-%d", f.ID), CreatedAt: f.CreatedAt,
			Source: src(f.SourceID), Figure: f})
	}
	questions, err := s.st.Questions(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, q := range questions {
		if q.Review != inquest.Suggested || q.SourceID == 0 || (only != 0 && q.SourceID != only) {
			continue
		}
		items = append(items, reviewItem{Kind: "question", ID: q.ID, Anchor: fmt.Sprintf("item-q-%d", q.ID), CreatedAt: q.CreatedAt,
			Source: src(q.SourceID), Question: q})
	}
	kindOrder := map[string]int{"statement": 0, "stance": 1, "figure": 2, "question": 3}
	slices.SortStableFunc(items, func(a, b reviewItem) int {
		if n := b.CreatedAt.Compare(a.CreatedAt); n != 0 {
			return n
		}
		if n := cmp.Compare(b.Source.ID, a.Source.ID); n != 0 {
			return n
		}
		if n := cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]); n != 0 {
			return n
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return items, nil
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
	personID, err := formID(r, "person")
	if err != nil {
		return err
	}
	st, err := s.opSetSpeaker(r.Context(), id, personID, r.PostFormValue("name"), r.PostFormValue("version"))
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
	claimID, err := formID(r, "claim")
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
