package web

import "github.com/inquest-project/inquest"

// The rules of what a page may show live here, in one place, so that the
// public site cannot show private material by forgetting a check in a handler.

func (s *Server) canSeeCase(c *inquest.Case) bool { return s.workspace || c.Public }

func (s *Server) canSeeSource(src *inquest.Source) bool { return s.workspace || !src.Private }

// canSeeReview reports whether an extracted item in review state r may be
// shown: readers see only what an analyst has confirmed.
func (s *Server) canSeeReview(r inquest.Review) bool {
	if s.workspace {
		return r != inquest.Rejected
	}
	return r == inquest.Confirmed
}

// caseBySlug returns the case with the slug if this server may show it, and
// ENOTFOUND otherwise: a reader cannot tell a private case from a missing one.
func (s *Server) caseBySlug(r requestCtx, slug string) (*inquest.Case, error) {
	c, err := s.st.CaseBySlug(r.Context(), slug)
	if err != nil {
		return nil, err
	}
	if !s.canSeeCase(c) {
		return nil, inquest.Errorf(inquest.ENOTFOUND, "There is no case %q.", slug)
	}
	return c, nil
}
