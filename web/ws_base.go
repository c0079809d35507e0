package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
)

// The analysts' workspace under /w/: every page here sits behind
// requireRole (workspaceRoutes), so userFrom is never nil in its handlers,
// and every request sees the workspace view (private material and
// suggestions). Changes go through the WorkspaceService of the store.

// wsPage is what every workspace page model carries: who is signed in, the
// form token for its forms, and the case it is about (nil for none).
type wsPage struct {
	User   *inquest.User
	CSRF   string
	Case   *inquest.Case
	Active string // which tab of the workspace navigation is current
	Flash  string // what the last action did, from ?done=
	Lang   string // interface language of the request, for wsNav and Flash
}

// Base returns the part every workspace page has, for wsNav.
func (p wsPage) Base() wsPage { return p }

// CSRFToken lets csrfField take the page model itself.
func (p wsPage) CSRFToken() string { return p.CSRF }

// CanPublish reports whether the signed-in user is an editor.
func (p wsPage) CanPublish() bool { return p.User != nil && p.User.Role.Includes(inquest.RoleEditor) }

func (s *Server) wsBase(r *http.Request, c *inquest.Case, active string) wsPage {
	return wsPage{User: userFrom(r.Context()), CSRF: csrfToken(r.Context()), Case: c, Active: active, Flash: r.URL.Query().Get("done"),
		Lang: s.templatesFor(r).lang}
}

// ws returns the store's workspace operations; every store of this program
// has them.
func (s *Server) ws() (inquest.WorkspaceService, error) {
	w, ok := s.st.(inquest.WorkspaceService)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store has no workspace operations")
	}
	return w, nil
}

// analysis returns the store's analysis state (contradictions, measures).
func (s *Server) analysis() (inquest.AnalysisService, error) {
	a, ok := s.st.(inquest.AnalysisService)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no analysis")
	}
	return a, nil
}

// casework returns the service that records stance decisions and
// re-analyses what they affect, shared with the CLI.
func (s *Server) casework() (*casework.Service, error) {
	st, ok := s.st.(casework.Store)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no analysis")
	}
	return casework.New(st), nil
}

// chapters returns the store's chapters.
func (s *Server) chapters() (inquest.ChapterService, error) {
	c, ok := s.st.(inquest.ChapterService)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no chapters")
	}
	return c, nil
}

// wsCase loads the case named by the {slug} of the path.
func (s *Server) wsCase(r *http.Request) (*inquest.Case, error) {
	slug := r.PathValue("slug")
	c, err := s.st.CaseBySlug(r.Context(), slug)
	if inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q. Pick one at /w/.", slug)
	}
	return c, err
}

// pathID parses the {name} of the path as a positive id; what names the
// thing in the error.
func pathID(r *http.Request, name, what string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, inquest.Errorf(inquest.ENOTFOUND, "There is no %s %q.", what, v)
	}
	return id, nil
}

// formID parses a form field as an id; 0 when empty.
func formID(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.PostFormValue(name))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, inquest.Errorf(inquest.EINVALID, "%s %q is not an id; choose one from the list", name, v)
	}
	return id, nil
}

// backTo redirects after a form to the page named by the form's "next"
// field when it is a workspace path, else to fallback, with a note of what
// was done (shown once at the top of the page) and an optional anchor.
func backTo(w http.ResponseWriter, r *http.Request, fallback, done string) {
	next := r.PostFormValue("next")
	if !strings.HasPrefix(next, "/w/") || strings.ContainsAny(next, "\r\n\\") || strings.HasPrefix(next, "//") {
		next = fallback
	}
	frag := ""
	if i := strings.IndexByte(next, '#'); i >= 0 {
		next, frag = next[:i], next[i:]
	}
	if done != "" {
		u, err := url.Parse(next)
		if err == nil {
			q := u.Query()
			q.Set("done", done)
			u.RawQuery = q.Encode()
			next = u.String()
		}
	}
	http.Redirect(w, r, next+frag, http.StatusSeeOther)
}

// actor is the signed-in user's name, recorded as who decided.
func actor(ctx context.Context) string {
	if u := userFrom(ctx); u != nil {
		return u.Name
	}
	return ""
}

// today is the day by which questions count their days unanswered.
func today() inquest.Date { return inquest.DateOf(time.Now()) }

// wsNavItems are the tabs of a case in the workspace.
var wsNavItems = []struct{ key, label, path string }{
	{"review", "Review", "/review"},
	{"sources", "Sources", ""},
	{"claims", "Claims", "/claims"},
	{"contradictions", "Contradictions", "/contradictions"},
	{"figures", "Figures", "/figures"},
	{"questions", "Questions", "/questions"},
	{"search", "Search", "/search"},
	{"chapters", "Chapters", "/chapters"},
}

func init() {
	extraFuncs["wsNav"] = wsNav
	extraFuncs["wsMarks"] = wsMarks
	extraFuncs["pathEscape"] = url.PathEscape
	extraFuncs["langs"] = func() []string { return []string{"en", "ru", "kk"} }
	extraFuncs["mulf"] = func(a, b float64) float64 { return a * b }
}

// wsNav renders the workspace navigation of a page: the case's tabs, the
// people, and who is signed in with the log-out button.
func wsNav(p wsPage) template.HTML {
	var b strings.Builder
	b.WriteString(`<nav class="ws-nav" aria-label="Workspace"><a href="/w/"`)
	if p.Active == "home" {
		b.WriteString(` aria-current="page"`)
	}
	fmt.Fprintf(&b, `>%s</a>`, template.HTMLEscapeString(translate(p.Lang, "Workspace")))
	if p.Case != nil {
		base := "/w/cases/" + url.PathEscape(p.Case.Slug)
		for _, it := range wsNavItems {
			fmt.Fprintf(&b, `<a href="%s"`, template.HTMLEscapeString(base+it.path))
			if p.Active == it.key {
				b.WriteString(` aria-current="page"`)
			}
			fmt.Fprintf(&b, `>%s</a>`, template.HTMLEscapeString(translate(p.Lang, it.label)))
		}
	}
	b.WriteString(`<a href="/w/people"`)
	if p.Active == "people" {
		b.WriteString(` aria-current="page"`)
	}
	fmt.Fprintf(&b, `>%s</a>`, template.HTMLEscapeString(translate(p.Lang, "People")))
	if p.User != nil {
		fmt.Fprintf(&b, `<form method="post" action="/logout" class="ws-logout"><span>%s (%s)</span>%s<button type="submit">%s</button></form>`,
			template.HTMLEscapeString(p.User.Name), template.HTMLEscapeString(string(p.User.Role)), csrfField(p.CSRF),
			template.HTMLEscapeString(translate(p.Lang, "Log out")))
	}
	b.WriteString(`</nav>`)
	if p.Flash != "" {
		fmt.Fprintf(&b, `<p class="ws-flash" role="status">%s</p>`, template.HTMLEscapeString(translateFlash(p.Lang, p.Flash)))
	}
	return template.HTML(b.String())
}

// wsMarks turns a snippet marked with \x02 and \x03 (store.MarkStart,
// MarkEnd) into HTML with <mark>, escaping everything else.
func wsMarks(snippet string) template.HTML {
	esc := template.HTMLEscapeString(snippet)
	esc = strings.ReplaceAll(esc, "\x02", "<mark>")
	esc = strings.ReplaceAll(esc, "\x03", "</mark>")
	// An unbalanced mark (a snippet cut inside one) is closed.
	if strings.Count(esc, "<mark>") > strings.Count(esc, "</mark>") {
		esc += "</mark>"
	}
	return template.HTML(esc)
}
