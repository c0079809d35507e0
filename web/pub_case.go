package web

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/inquest-project/inquest"
)

// pubBase is what every public case page carries: the case and the section
// of the case navigation it belongs to.
type pubBase struct {
	Case    *inquest.Case
	Section string // "case", "chapters", "claims", "matrix", "timeline", "figures", "questions", "people", "data"
	Rec     *pubRecord
}

// pubContext is one public request: its view of the case, the link prefix
// of its language, and today for the days questions have waited.
type pubContext struct {
	s      *Server
	r      *http.Request
	prefix string
	lang   string
	today  inquest.Date
}

// clock gives the web layer its today; the analysis never reads a clock.
var clock = time.Now

func (s *Server) pubCtx(r *http.Request) pubContext {
	set := s.templatesFor(r)
	return pubContext{s: s, r: r, prefix: set.prefix, lang: set.lang, today: inquest.DateOf(clock())}
}

// link puts the request's language prefix in front of a site path.
func (pc pubContext) link(path string) string { return pc.prefix + path }

// publicCase loads the case named in the path and its public record; any
// case readers may not see is ENOTFOUND.
func (s *Server) publicCase(r *http.Request) (*pubRecord, error) {
	slug := r.PathValue("slug")
	c, err := s.st.CaseBySlug(r.Context(), slug)
	if err != nil && inquest.ErrorCode(err) != inquest.ENOTFOUND {
		return nil, err // a broken database is a 500, not a missing case
	}
	if err != nil || !publicView.canSeeCase(c) || !s.inScope(c) {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", slug)
	}
	return s.publicRecord(r.Context(), c)
}

// siteScope limits a server to one case: the static export of one case
// builds a site in which the others do not exist.
var siteScope sync.Map // *Server -> case slug

func (s *Server) inScope(c *inquest.Case) bool {
	v, ok := siteScope.Load(s)
	return !ok || v.(string) == c.Slug
}

// building reports whether s renders a static export: one case, one
// snapshot of its record, loaded once for the whole build so that every
// page shows the same moment.
func (s *Server) building() bool {
	_, ok := siteScope.Load(s)
	return ok
}

// NewCaseSite returns the public site of one case only, as the static
// export builds it: other cases answer 404 and are not listed, and the
// language switcher leads to English at the unprefixed pages (see
// languageSwitch), so that the export need not write /en/ as a second copy.
func NewCaseSite(st inquest.Store, slug string) http.Handler {
	s := NewServer(st, Options{})
	siteScope.Store(s, slug)
	h := s.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), staticSiteKey{}, true)))
	})
}

// staticSiteKey marks the requests of a static site (NewCaseSite).
type staticSiteKey struct{}

// staticSite reports whether a request renders a page of a static site.
func staticSite(ctx context.Context) bool {
	v, _ := ctx.Value(staticSiteKey{}).(bool)
	return v
}

// publicCases lists the public cases in scope, for the home page and the
// pages of people.
func (s *Server) publicCases(ctx context.Context) ([]*inquest.Case, error) {
	all, err := s.casesIn(ctx, publicView)
	if err != nil {
		return nil, err
	}
	var out []*inquest.Case
	for _, c := range all {
		if s.inScope(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// SiteStart are the paths the static export of a case starts from: the
// front page and the case in each interface language (the switcher links
// the rest). English is the unprefixed pages, which render in English
// without an Accept-Language, as every request of the export is; /en/ would
// be the same site again.
func SiteStart(slug string) []string {
	out := []string{"/", "/cases/" + slug}
	for _, l := range uiLanguages {
		if l != uiLanguages[0] {
			out = append(out, "/"+l+"/", "/"+l+"/cases/"+slug)
		}
	}
	return out
}

// NotPublic reports the paths the static export must not follow: the
// workspace, the API and accounts, which are never part of the public site.
func NotPublic(p string) bool {
	for _, l := range uiLanguages {
		p = strings.TrimPrefix(p, "/"+l)
	}
	return workspacePath(p) || strings.HasPrefix(p, "/api/") || p == "/login" || p == "/logout"
}
