package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// The workspace's front page lists every case, private ones too, with how
// much waits for review; a case's page lists its sources with theirs.

type wsHomePage struct {
	wsPage
	Cases []wsCaseSummary
}

func (wsHomePage) PageTitle() string { return "Workspace" }

type wsCaseSummary struct {
	Case    *inquest.Case
	Waiting int
	More    bool // more than Waiting wait: counting stopped there
}

// waitingUpTo is where the front page stops counting each kind of
// suggestion: "1,000 or more" says what an exact count over a
// million-statement case would, at a bounded cost.
const waitingUpTo = 1000

func (s *Server) wsHome(w http.ResponseWriter, r *http.Request) error {
	pw, err := s.paged()
	if err != nil {
		return err
	}
	cases, err := s.st.Cases(r.Context())
	if err != nil {
		return err
	}
	p := wsHomePage{wsPage: s.wsBase(r, nil, "home")}
	for _, c := range cases {
		n, more, err := pw.ReviewWaiting(r.Context(), c.ID, waitingUpTo)
		if err != nil {
			return err
		}
		p.Cases = append(p.Cases, wsCaseSummary{Case: c, Waiting: n, More: more})
	}
	s.render(w, r, http.StatusOK, "ws_home", p)
	return nil
}

type wsCasePage struct {
	wsPage
	Sources []wsSourceRow
	Pager   pager
}

func (p wsCasePage) PageTitle() string { return p.Case.Title + " · Workspace" }

type wsSourceRow struct {
	Source  *inquest.Source
	Waiting inquest.SourceReviewCount
}

// wsPageSize is how many rows one page of a workspace list shows.
const wsPageSize = 100

// wsPageNumber reads ?page=N, 1 when absent.
func wsPageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, inquest.Errorf(inquest.EINVALID, "page %q is not a page number; pages count from 1", v)
	}
	return n, nil
}

// wsPageLink is the link to page n of the list at base (which may carry a
// query already).
func wsPageLink(base string, n int) string {
	if n == 1 {
		return base
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "page=" + strconv.Itoa(n)
}

// paged returns the store's paged reads; every store of this project has
// them.
// recordReads returns the store's reads by id, which the public pages and
// the workspace's lists use to read a page's records in one query instead
// of one query each.
func (s *Server) recordReads() (inquest.RecordReads, error) {
	rr, ok := s.st.(inquest.RecordReads)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store cannot read records by id")
	}
	return rr, nil
}

func (s *Server) paged() (inquest.PagedWorkspace, error) {
	p, ok := s.st.(inquest.PagedWorkspace)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store cannot read a page at a time")
	}
	return p, nil
}

// wsCasePage lists the case's sources a page at a time, with what waits
// for review in each.
func (s *Server) wsCasePage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	pw, err := s.paged()
	if err != nil {
		return err
	}
	n, err := wsPageNumber(r)
	if err != nil {
		return err
	}
	sources, more, err := pw.LatestSourcesPage(r.Context(), c.ID, wsPageSize, (n-1)*wsPageSize)
	if err != nil {
		return err
	}
	if n > 1 && len(sources) == 0 {
		return inquest.Errorf(inquest.ENOTFOUND, "Case %s has no page %d of sources.", c.Slug, n)
	}
	base := "/w/cases/" + url.PathEscape(c.Slug)
	p := wsCasePage{wsPage: s.wsBase(r, c, "sources"), Pager: pager{Page: n, First: (n-1)*wsPageSize + 1, Last: (n-1)*wsPageSize + len(sources)}}
	if n > 1 {
		p.Pager.Prev = wsPageLink(base, n-1)
	}
	if more {
		p.Pager.Next = wsPageLink(base, n+1)
	}
	ids := make([]int64, len(sources))
	for i, src := range sources {
		ids[i] = src.ID
	}
	counts, err := pw.ReviewCountsOf(r.Context(), ids)
	if err != nil {
		return err
	}
	byID := map[int64]inquest.SourceReviewCount{}
	for _, n := range counts {
		byID[n.SourceID] = n
	}
	for _, src := range sources {
		p.Sources = append(p.Sources, wsSourceRow{Source: src, Waiting: byID[src.ID]})
	}
	s.render(w, r, http.StatusOK, "ws_case", p)
	return nil
}
