package web

import (
	"net/http"

	"github.com/inquest-project/inquest"
)

// apiOp is one operation of the JSON API: its route, who may call it, and
// what the OpenAPI document (openapi.go) says of it. The table below is the
// one list of the API; apiRoutes registers it and the document is made from
// it, so the two cannot drift apart.
type apiOp struct {
	Method, Path string
	// Role needed; "" for an operation open to readers (who get the public
	// view). Every operation that changes state needs a role.
	Role     inquest.Role
	Summary  string
	Query    []apiParam
	Body     any // a value of the request body's type, nil for none
	Response any // a value of the response's type
	Handler  func(http.ResponseWriter, *http.Request) error
	// Registered says the route is registered elsewhere (routes.go) and is
	// only described here.
	Registered bool
}

// apiParam is a query parameter.
type apiParam struct {
	Name, Type, Description string
	Required                bool
}

// apiOps is the JSON API. s may be nil when only the description is wanted.
func (s *Server) apiOps() []apiOp {
	caseQ := func(extra ...apiParam) []apiParam { return extra }
	return []apiOp{
		{Method: "GET", Path: "/api/v1/cases", Summary: "List the cases: public ones for readers, all for signed-in users.",
			Response: []*inquest.Case{}, Registered: true},
		{Method: "GET", Path: "/api/v1/cases/{slug}/sources", Summary: "List the sources of a case (without their text).",
			Response: []*inquest.Source{}, Registered: true},
		{Method: "GET", Path: "/api/v1/sources/{id}", Summary: "One source with its extracted text.",
			Response: &inquest.Source{}, Registered: true},

		{Method: "GET", Path: "/api/v1/me", Role: inquest.RoleAnalyst, Summary: "The signed-in user.",
			Response: &inquest.User{}, Handler: s.apiMe},
		{Method: "GET", Path: "/api/v1/cases/{slug}", Role: inquest.RoleAnalyst, Summary: "One case.",
			Response: &inquest.Case{}, Handler: s.apiCase},
		{Method: "GET", Path: "/api/v1/cases/{slug}/statements", Role: inquest.RoleAnalyst,
			Summary: "The statements of a case, by source and position; suggested and rejected ones too.",
			Query: caseQ(
				apiParam{Name: "review", Type: "string", Description: "only statements in this review state: suggested, confirmed or rejected"},
				apiParam{Name: "source", Type: "integer", Description: "only statements of this source"},
				apiParam{Name: "person", Type: "integer", Description: "only statements by this person"},
				apiParam{Name: "limit", Type: "integer", Description: "at most this many (default all)"},
				apiParam{Name: "offset", Type: "integer", Description: "skip this many first"}),
			Response: []*inquest.Statement{}, Handler: s.apiStatements},
		{Method: "GET", Path: "/api/v1/statements/{id}", Role: inquest.RoleAnalyst, Summary: "One statement.",
			Response: &inquest.Statement{}, Handler: s.apiStatement},
		{Method: "GET", Path: "/api/v1/people", Role: inquest.RoleAnalyst, Summary: "Every person and organisation, with names, aliases and positions.",
			Response: []*inquest.Person{}, Handler: s.apiPeople},
		{Method: "GET", Path: "/api/v1/people/{slug}", Role: inquest.RoleAnalyst, Summary: "One person.",
			Response: &inquest.Person{}, Handler: s.apiPerson},
		{Method: "GET", Path: "/api/v1/cases/{slug}/claims", Role: inquest.RoleAnalyst, Summary: "The claims of a case.",
			Response: []*inquest.Claim{}, Handler: s.apiClaims},
		{Method: "GET", Path: "/api/v1/cases/{slug}/stances", Role: inquest.RoleAnalyst, Summary: "The stances of the case's statements on its claims.",
			Response: []*inquest.Stance{}, Handler: s.apiStances},
		{Method: "GET", Path: "/api/v1/cases/{slug}/contradictions", Role: inquest.RoleAnalyst, Summary: "The contradictions that hold in a case, with the analysts' verdicts.",
			Response: []*inquest.Contradiction{}, Handler: s.apiContradictions},
		{Method: "GET", Path: "/api/v1/contradictions/{id}", Role: inquest.RoleAnalyst, Summary: "One contradiction.",
			Response: &inquest.Contradiction{}, Handler: s.apiContradiction},
		{Method: "GET", Path: "/api/v1/cases/{slug}/figures", Role: inquest.RoleAnalyst, Summary: "The figures claimed in a case.",
			Response: []*inquest.Figure{}, Handler: s.apiFigures},
		{Method: "GET", Path: "/api/v1/cases/{slug}/questions", Role: inquest.RoleAnalyst, Summary: "The questions put to officials in a case.",
			Response: []*inquest.Question{}, Handler: s.apiQuestions},
		{Method: "GET", Path: "/api/v1/cases/{slug}/chapters", Role: inquest.RoleAnalyst, Summary: "The chapters of a case (working copies).",
			Response: []*inquest.Chapter{}, Handler: s.apiChapters},
		{Method: "GET", Path: "/api/v1/chapters/{id}", Role: inquest.RoleAnalyst, Summary: "One chapter's working copy and its published versions.",
			Response: &apiChapterWithVersions{}, Handler: s.apiChapter},
		{Method: "GET", Path: "/api/v1/cases/{slug}/search", Role: inquest.RoleAnalyst,
			Summary: "Search a case's sources, statements, people and claims; Russian and Kazakh words match in any inflected form.",
			Query: []apiParam{
				{Name: "q", Type: "string", Description: "the words to find", Required: true},
				{Name: "kind", Type: "string", Description: "only this kind: source, statement, person or claim"},
				{Name: "person", Type: "integer", Description: "statements by this person only"},
				{Name: "claim", Type: "integer", Description: "statements with a stance on this claim only"},
				{Name: "lang", Type: "string", Description: "sources and statements in this language only"},
				{Name: "from", Type: "string", Description: "said or published on or after this day (YYYY-MM-DD)"},
				{Name: "to", Type: "string", Description: "said or published on or before this day (YYYY-MM-DD)"},
				{Name: "limit", Type: "integer", Description: "at most this many of each kind (default 50)"}},
			Response: []inquest.RecordHit{}, Handler: s.apiSearch},
		{Method: "GET", Path: "/api/v1/audit", Role: inquest.RoleAnalyst,
			Summary: "The history of one record (entity and id), oldest first; without them, the latest changes, newest first.",
			Query: []apiParam{
				{Name: "entity", Type: "string", Description: "statement, stance, contradiction, source, person, claim, figure, question, chapter, user, …"},
				{Name: "id", Type: "integer", Description: "the record's id"}},
			Response: []*inquest.AuditEntry{}, Handler: s.apiAudit},

		{Method: "GET", Path: "/api/v1/jobs", Role: inquest.RoleAnalyst,
			Summary: "The background jobs (URL fetches, re-analyses, static builds), newest first, with their state, attempts, progress, last error and who queued them (created_by and created_by_name; created_by is 0 for a job the system or the command line queued, or whose user was deleted).",
			Query: []apiParam{
				{Name: "state", Type: "string", Description: "only jobs in this state: queued, running, done, failed or cancelled"},
				{Name: "kind", Type: "string", Description: "only jobs of this kind: ingest.url, analysis.reanalyse or build.static"},
				{Name: "limit", Type: "integer", Description: "at most this many (default 100, at most 1000)"}},
			Response: []*inquest.Job{}, Handler: s.apiJobs},
		{Method: "GET", Path: "/api/v1/jobs/{id}", Role: inquest.RoleAnalyst,
			Summary:  "One background job, as an item of the job list shows it: its state, attempts, progress, the next try (run_at) of a queued job, the last error in full, who queued it (created_by 0 and no created_by_name: the system or the command line), and once done what it made (result): a fetch's source_id and already_archived (with version and previous_id for a new version of a page the case held), a re-analysis's statements and contradictions, a build's pages, files, bytes and dir.",
			Response: &inquest.Job{}, Handler: s.apiJob},
		{Method: "POST", Path: "/api/v1/jobs", Role: inquest.RoleAnalyst,
			Summary: "Queue a background job: ingest.url (fetch url into the case), analysis.reanalyse (optionally one claim) or build.static (editors). The same job already waiting or running is returned with created false.",
			Body:    &jobRequest{}, Response: &jobQueued{}, Handler: s.apiEnqueueJob},
		{Method: "POST", Path: "/api/v1/jobs/{id}/cancel", Role: inquest.RoleAnalyst,
			Summary:  "Cancel a job: a queued one at once; a running one is asked to stop and stops within a heartbeat.",
			Response: &inquest.Job{}, Handler: s.apiCancelJob},

		{Method: "POST", Path: "/api/v1/statements/{id}/review", Role: inquest.RoleAnalyst,
			Summary: "Confirm or reject a suggested statement (or return it to suggested).",
			Body:    &reviewRequest{}, Response: &inquest.Statement{}, Handler: s.apiReviewStatement},
		{Method: "PATCH", Path: "/api/v1/statements/{id}", Role: inquest.RoleAnalyst,
			Summary: "Edit a statement's speaker, day, venue, review or note. Send the statement's updated_at as version: the edit is refused with 409 if someone changed it since.",
			Body:    &statementEdit{}, Response: &inquest.Statement{}, Handler: s.apiEditStatement},
		{Method: "POST", Path: "/api/v1/statements/{id}/speaker", Role: inquest.RoleAnalyst,
			Summary: "Change who said a statement: a known person, or a name as the text gives it.",
			Body:    &speakerRequest{}, Response: &inquest.Statement{}, Handler: s.apiSetSpeaker},
		{Method: "POST", Path: "/api/v1/stances", Role: inquest.RoleAnalyst,
			Summary: "Set how a statement bears on a claim (supports, denies, qualifies; none removes it); returns the contradictions re-derived.",
			Body:    &stanceRequest{}, Response: &stanceResponse{}, Handler: s.apiDecideStance},
		{Method: "POST", Path: "/api/v1/contradictions/{id}/status", Role: inquest.RoleAnalyst,
			Summary: "Confirm or dismiss a contradiction with a note (or reopen it).",
			Body:    &contradictionStatusRequest{}, Response: &inquest.Contradiction{}, Handler: s.apiContradictionStatus},
		{Method: "POST", Path: "/api/v1/figures/{id}/review", Role: inquest.RoleAnalyst,
			Summary: "Confirm or reject a suggested figure.",
			Body:    &reviewRequest{}, Response: &okResponse{}, Handler: s.apiReviewKind("figure")},
		{Method: "POST", Path: "/api/v1/questions/{id}/review", Role: inquest.RoleAnalyst,
			Summary: "Confirm or reject a suggested question.",
			Body:    &reviewRequest{}, Response: &okResponse{}, Handler: s.apiReviewKind("question")},
		{Method: "POST", Path: "/api/v1/questions/{id}/status", Role: inquest.RoleAnalyst,
			Summary: "Triage a question: answered (by a statement), open, evaded or refused, with a note.",
			Body:    &questionStatusRequest{}, Response: &okResponse{}, Handler: s.apiQuestionStatus},
		{Method: "POST", Path: "/api/v1/chapters/{id}/submit", Role: inquest.RoleAnalyst,
			Summary:  "Put a chapter's draft up for an editor's review.",
			Response: &inquest.Chapter{}, Handler: s.apiSubmitChapter},
		{Method: "POST", Path: "/api/v1/chapters/{id}/publish", Role: inquest.RoleEditor,
			Summary:  "Publish a chapter's working copy as its next version (editors).",
			Response: &inquest.ChapterVersion{}, Handler: s.apiPublishChapter},
	}
}

// apiRoutes registers the JSON API under /api/v1/ (issue 5) from apiOps,
// and its description at /api/v1/openapi.json.
func (s *Server) apiRoutes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/openapi.json", s.handle(s.openAPI))
	for _, op := range s.apiOps() {
		if op.Registered {
			continue
		}
		pattern := op.Method + " " + op.Path
		h := s.handle(op.Handler)
		switch {
		case !isSafeMethod(op.Method):
			s.handleState(mux, op.Role, pattern, h)
		case op.Role != "":
			mux.Handle(pattern, s.requireRole(op.Role, h))
		default:
			mux.Handle(pattern, h)
		}
	}
}
