package web

import (
	"net/http"

	"github.com/inquest-project/inquest"
)

// workspaceRoutes registers the analysts' workspace under /w/ (issue 5):
// every page needs a signed-in analyst; publishing a chapter needs an
// editor. State-changing routes go through handleState (auth.go).
func (s *Server) workspaceRoutes(mux *http.ServeMux) {
	page := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		mux.Handle(pattern, s.requireRole(inquest.RoleAnalyst, s.handle(h)))
	}
	change := func(role inquest.Role, pattern string, h func(http.ResponseWriter, *http.Request) error) {
		s.handleState(mux, role, pattern, s.handle(h))
	}
	analyst, editor := inquest.RoleAnalyst, inquest.RoleEditor

	page("GET /w/{$}", s.wsHome)
	page("GET /w", s.wsHome)
	page("GET /w/cases/{slug}", s.wsCasePage)

	// Review queue.
	page("GET /w/cases/{slug}/review", s.wsReviewPage)
	change(analyst, "POST /w/statements/{id}/review", s.wsReviewStatement)
	change(analyst, "POST /w/statements/{id}/speaker", s.wsSetSpeaker)
	change(analyst, "POST /w/statements/{id}/stance", s.wsDecideStance)
	change(analyst, "POST /w/figures/{id}/review", s.wsReviewFigure)
	change(analyst, "POST /w/questions/{id}/review", s.wsReviewQuestion)
	change(analyst, "POST /w/sources/{id}/confirm", s.wsConfirmSource)

	// Triage.
	page("GET /w/cases/{slug}/claims", s.wsClaimsPage)
	page("GET /w/cases/{slug}/contradictions", s.wsContradictionsPage)
	change(analyst, "POST /w/contradictions/{id}/status", s.wsContradictionStatus)
	page("GET /w/cases/{slug}/figures", s.wsFiguresPage)
	page("GET /w/cases/{slug}/questions", s.wsQuestionsPage)
	change(analyst, "POST /w/questions/{id}/status", s.wsQuestionStatus)

	// Search.
	page("GET /w/cases/{slug}/search", s.wsSearchPage)

	// Sources.
	page("GET /w/sources/{id}", s.wsSourcePage)
	page("GET /w/sources/{id}/original", s.sourceOriginal)

	// People.
	page("GET /w/people", s.wsPeoplePage)
	page("GET /w/people/{slug}", s.wsPersonPage)
	change(analyst, "POST /w/people/{slug}/merge", s.wsMergePerson)

	// Chapters.
	page("GET /w/cases/{slug}/chapters", s.wsChaptersPage)
	change(analyst, "POST /w/cases/{slug}/chapters", s.wsCreateChapter)
	page("GET /w/cases/{slug}/chapters/{chapter}", s.wsChapterPage)
	change(analyst, "POST /w/cases/{slug}/chapters/{chapter}", s.wsSaveChapter)
	change(analyst, "POST /w/cases/{slug}/chapters/{chapter}/preview", s.wsPreviewChapter)
	change(analyst, "POST /w/cases/{slug}/chapters/{chapter}/submit", s.wsSubmitChapter)
	change(editor, "POST /w/cases/{slug}/chapters/{chapter}/publish", s.wsPublishChapter)

	// Background jobs (ws_jobs.go).
	page("GET /w/jobs", s.wsJobsPage)
	page("GET /w/jobs/{id}", s.wsJobPage)
	change(analyst, "POST /w/jobs/fetch", s.wsQueueFetch)
	change(editor, "POST /w/jobs/build", s.wsQueueBuild)
	change(analyst, "POST /w/jobs/{id}/cancel", s.wsCancelJob)
}
