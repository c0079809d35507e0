package web

import (
	"net/http"
	"strings"

	"github.com/inquest-project/inquest"
)

// The API's changes. Each is registered through handleState, so it runs
// only for a user whose role allows it, with cross-origin browser requests
// and (for a session cookie) requests without the form token refused.

type reviewRequest struct {
	Review inquest.Review `json:"review"` // confirmed, rejected or suggested
}

type speakerRequest struct {
	PersonID    int64  `json:"person_id,omitempty"`    // a known person, or 0 with speaker_name
	SpeakerName string `json:"speaker_name,omitempty"` // the name as the text gives it
	Version     string `json:"version,omitempty"`      // the statement's updated_at as read
}

type stanceRequest struct {
	StatementID int64          `json:"statement_id"`
	ClaimID     int64          `json:"claim_id,omitempty"`
	Claim       string         `json:"claim,omitempty"`  // the claim's slug, instead of claim_id
	Stance      string         `json:"stance"`           // supports, denies, qualifies, or none
	Review      inquest.Review `json:"review,omitempty"` // confirmed (default) or suggested
	Note        string         `json:"note,omitempty"`
}

type stanceResponse struct {
	Contradictions []*inquest.Contradiction `json:"contradictions"`
}

type contradictionStatusRequest struct {
	Status string `json:"status"` // confirmed, dismissed or suggested (reopen)
	Note   string `json:"note"`
}

type questionStatusRequest struct {
	Status            string `json:"status"` // answered, open, evaded or refused
	AnswerStatementID int64  `json:"answer_statement_id,omitempty"`
	Note              string `json:"note,omitempty"`
}

type okResponse struct {
	OK bool `json:"ok"`
}

func (s *Server) apiReviewStatement(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "statement")
	if err != nil {
		return err
	}
	var req reviewRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if !req.Review.Valid() {
		return inquest.Errorf(inquest.EINVALID, "review %q is not confirmed, rejected or suggested", req.Review)
	}
	if err := s.opReviewItem(r.Context(), "statement", id, req.Review); err != nil {
		return err
	}
	st, err := s.st.Statement(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

func (s *Server) apiReviewKind(kind string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := apiID(r, "id", kind)
		if err != nil {
			return err
		}
		var req reviewRequest
		if err := readJSON(w, r, &req); err != nil {
			return err
		}
		if !req.Review.Valid() {
			return inquest.Errorf(inquest.EINVALID, "review %q is not confirmed, rejected or suggested", req.Review)
		}
		if err := s.opReviewItem(r.Context(), kind, id, req.Review); err != nil {
			return err
		}
		return writeJSON(w, okResponse{OK: true})
	}
}

func (s *Server) apiEditStatement(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "statement")
	if err != nil {
		return err
	}
	var req statementEdit
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	st, err := s.opEditStatement(r.Context(), userFrom(r.Context()), id, req)
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

func (s *Server) apiSetSpeaker(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "statement")
	if err != nil {
		return err
	}
	var req speakerRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	st, err := s.opSetSpeaker(r.Context(), id, req.PersonID, req.SpeakerName, req.Version)
	if err != nil {
		return err
	}
	return writeJSON(w, st)
}

func (s *Server) apiDecideStance(w http.ResponseWriter, r *http.Request) error {
	var req stanceRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if req.StatementID <= 0 {
		return inquest.Errorf(inquest.EINVALID, "statement_id is required")
	}
	if req.ClaimID == 0 && req.Claim != "" {
		st, err := s.st.Statement(r.Context(), req.StatementID)
		if err != nil {
			return err
		}
		claims, err := s.st.Claims(r.Context(), st.CaseID)
		if err != nil {
			return err
		}
		for _, c := range claims {
			if c.Slug == req.Claim {
				req.ClaimID = c.ID
			}
		}
		if req.ClaimID == 0 {
			return inquest.Errorf(inquest.EINVALID, "statement %d's case has no claim %q", req.StatementID, req.Claim)
		}
	}
	if strings.TrimSpace(req.Stance) == "" {
		return inquest.Errorf(inquest.EINVALID, "stance is required: supports, denies, qualifies, or none to remove it")
	}
	derived, err := s.opDecideStance(r.Context(), req.StatementID, req.ClaimID, req.Stance, req.Review, req.Note)
	if err != nil {
		return err
	}
	return writeJSON(w, stanceResponse{Contradictions: nonNil(derived)})
}

func (s *Server) apiContradictionStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "contradiction")
	if err != nil {
		return err
	}
	var req contradictionStatusRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	status := inquest.ContradictionStatus(req.Status)
	if (status == inquest.ContradictionConfirmed || status == inquest.ContradictionDismissed) && strings.TrimSpace(req.Note) == "" {
		return inquest.Errorf(inquest.EINVALID, "say why: a note is required to confirm or dismiss contradiction %d", id)
	}
	if err := s.opContradictionStatus(r.Context(), id, req.Status, req.Note); err != nil {
		return err
	}
	a, err := s.analysis()
	if err != nil {
		return err
	}
	c, err := a.Contradiction(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, c)
}

func (s *Server) apiQuestionStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "question")
	if err != nil {
		return err
	}
	var req questionStatusRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.opQuestionStatus(r.Context(), id, req.Status, req.AnswerStatementID, req.Note); err != nil {
		return err
	}
	return writeJSON(w, okResponse{OK: true})
}

func (s *Server) apiSubmitChapter(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "chapter")
	if err != nil {
		return err
	}
	c, err := s.opSubmitChapter(r.Context(), userFrom(r.Context()), id)
	if err != nil {
		return err
	}
	return writeJSON(w, c)
}

func (s *Server) apiPublishChapter(w http.ResponseWriter, r *http.Request) error {
	id, err := apiID(r, "id", "chapter")
	if err != nil {
		return err
	}
	v, err := s.opPublishChapter(r.Context(), userFrom(r.Context()), id)
	if err != nil {
		return err
	}
	return writeJSON(w, v)
}
