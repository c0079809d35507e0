package web

import (
	"net/http"
	"strings"

	"github.com/inquest-project/inquest"
)

// The rules of what a page may show live here, in one place, so that the
// public site cannot show private material by forgetting a check in a handler.
//
// Who sees what is decided per request: the workspace view (private
// material, suggestions) only under /w/ or /api/v1/ and only for a signed-in
// user; every other request, and every request of the static export, gets the
// public view.

// view is what one request may see.
type view struct {
	workspace bool
}

// publicView is what every reader sees: public cases, non-private sources,
// people and claims, confirmed items, published chapters.
var publicView = view{}

// viewOf returns the view of request r.
func (s *Server) viewOf(r *http.Request) view {
	if r == nil || !workspacePath(r.URL.Path) {
		return publicView
	}
	if s.signedIn(r) {
		return view{workspace: true}
	}
	return publicView
}

// workspacePath reports whether path may show private material to a user
// who has signed in.
func workspacePath(path string) bool {
	return path == "/w" || strings.HasPrefix(path, "/w/") || strings.HasPrefix(path, "/api/v1/")
}

// signedIn reports whether the request comes from a signed-in user
// (userFrom, set by the accounts middleware). While Options.Workspace still
// exists, the loopback demo server stands for a signed-in analyst on the
// workspace paths only.
func (s *Server) signedIn(r *http.Request) bool {
	return userFrom(r.Context()) != nil || s.workspace
}

// Workspace reports whether the view shows private material.
func (v view) Workspace() bool { return v.workspace }

func (v view) canSeeCase(c *inquest.Case) bool { return v.workspace || c.Public }

func (v view) canSeeSource(src *inquest.Source) bool { return v.workspace || !src.Private }

func (v view) canSeePerson(p *inquest.Person) bool { return v.workspace || !p.Private }

func (v view) canSeeClaim(c *inquest.Claim) bool { return v.workspace || !c.Private }

func (v view) canSeeEvent(e *inquest.Event) bool { return v.workspace || !e.Private }

// canSeeReview reports whether an extracted item in review state r may be
// shown: readers see only what an analyst has confirmed.
func (v view) canSeeReview(r inquest.Review) bool {
	if v.workspace {
		return r != inquest.Rejected
	}
	return r == inquest.Confirmed
}

// canSeeContradiction: readers see only contradictions an analyst confirmed.
func (v view) canSeeContradiction(c *inquest.Contradiction) bool {
	if v.workspace {
		return c.Status != inquest.ContradictionDismissed
	}
	return c.Status == inquest.ContradictionConfirmed
}

// viewOfCtx gives the view of a request known only by its context: the
// public one, which is always safe.
func viewOfReq(s *Server, r requestCtx) view {
	if req, ok := r.(*http.Request); ok {
		return s.viewOf(req)
	}
	return publicView
}

// caseBySlug returns the case with the slug if this request may see it, and
// ENOTFOUND otherwise: a reader cannot tell a private case from a missing one.
func (s *Server) caseBySlug(r requestCtx, slug string) (*inquest.Case, error) {
	c, err := s.st.CaseBySlug(r.Context(), slug)
	if err != nil {
		return nil, err
	}
	if !viewOfReq(s, r).canSeeCase(c) {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", slug)
	}
	return c, nil
}
