package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
)

// The workspace's operations, one function each, so that a form handler
// and a JSON endpoint doing the same thing share one implementation. Each
// takes the decider from the context (the signed-in user).

// reviewDecision parses a form's decision: "confirm", "reject" or "suggest"
// (undo).
func reviewDecision(v string) (inquest.Review, error) {
	switch strings.TrimSpace(v) {
	case "confirm", "confirmed":
		return inquest.Confirmed, nil
	case "reject", "rejected":
		return inquest.Rejected, nil
	case "suggest", "suggested":
		return inquest.Suggested, nil
	}
	return "", inquest.Errorf(inquest.EINVALID, "decision %q is not confirm or reject", v)
}

// opReviewItem records a decision on a suggested statement, figure or
// question.
func (s *Server) opReviewItem(ctx context.Context, kind string, id int64, r inquest.Review) error {
	ws, err := s.ws()
	if err != nil {
		return err
	}
	by := actor(ctx)
	switch kind {
	case "statement":
		if err := s.st.SetStatementReview(ctx, id, r, by); err != nil {
			return err
		}
		// A statement confirmed or rejected changes which contradictions
		// hold: re-derive those it takes part in.
		st, err := s.st.Statement(ctx, id)
		if err != nil {
			return err
		}
		return s.opReanalyse(ctx, st.CaseID, inquest.ContradictionScope{StatementID: id})
	case "figure":
		defer s.forgetFigureDerivations()
		return ws.SetFigureReview(ctx, id, r, by)
	case "question":
		return ws.SetQuestionReview(ctx, id, r, by)
	}
	return inquest.Errorf(inquest.EINVALID, "%q cannot be reviewed", kind)
}

// opReanalyse re-derives the contradictions a change can affect; a failure
// is reported but the change it follows stays made.
func (s *Server) opReanalyse(ctx context.Context, caseID int64, scope inquest.ContradictionScope) error {
	cw, err := s.casework()
	if err != nil {
		return nil // a store without analysis has nothing to re-derive
	}
	if _, err := cw.Reanalyse(ctx, caseID, scope); err != nil {
		return fmt.Errorf("the change is saved, but re-analysing its contradictions failed (run 'inquest check'): %w", err)
	}
	return nil
}

// opSetSpeaker changes who said a statement: a known person (personID), or
// a name as the text gives it when personID is 0. version is the statement's
// UpdatedAt as the analyst read it (RFC 3339), so that an edit made
// meanwhile by someone else is not overwritten.
func (s *Server) opSetSpeaker(ctx context.Context, id, personID int64, name, version string) (*inquest.Statement, error) {
	ws, err := s.ws()
	if err != nil {
		return nil, err
	}
	st, err := s.st.Statement(ctx, id)
	if err != nil {
		return nil, err
	}
	readAt := st.UpdatedAt
	if version != "" {
		if readAt, err = time.Parse(time.RFC3339Nano, version); err != nil {
			return nil, inquest.Errorf(inquest.EINVALID, "version %q of statement %d is not a time; reload the page", version, id)
		}
	}
	name = strings.TrimSpace(name)
	if personID != 0 {
		p, err := s.st.Person(ctx, personID)
		if err != nil {
			return nil, err
		}
		st.PersonID, st.SpeakerName = p.ID, p.Name
	} else {
		if name == "" {
			return nil, inquest.Errorf(inquest.EINVALID, "choose a person or type the speaker's name for statement %d", id)
		}
		st.PersonID, st.SpeakerName = 0, name
	}
	if err := ws.UpdateStatement(ctx, st, readAt); err != nil {
		return nil, err
	}
	s.forgetFigureDerivations() // a figure said in it has a new claimant
	return st, s.opReanalyse(ctx, st.CaseID, inquest.ContradictionScope{StatementID: id})
}

// opDecideStance records how a statement bears on a claim (stance "" or
// "none" removes it) and re-analyses what that affects.
func (s *Server) opDecideStance(ctx context.Context, statementID, claimID int64, stance string, review inquest.Review, note string) ([]*inquest.Contradiction, error) {
	cw, err := s.casework()
	if err != nil {
		return nil, err
	}
	k := inquest.StanceKind(strings.TrimSpace(stance))
	if k == "none" {
		k = ""
	}
	if claimID == 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "choose the claim statement %d bears on", statementID)
	}
	return cw.DecideStance(ctx, casework.StanceDecision{StatementID: statementID, ClaimID: claimID, Stance: k, Review: review,
		By: actor(ctx), Note: note})
}

// opContradictionStatus records an analyst's verdict on a contradiction.
func (s *Server) opContradictionStatus(ctx context.Context, id int64, status, note string) error {
	a, err := s.analysis()
	if err != nil {
		return err
	}
	st := inquest.ContradictionStatus(status)
	switch status {
	case "confirm":
		st = inquest.ContradictionConfirmed
	case "dismiss":
		st = inquest.ContradictionDismissed
	case "reopen":
		st = inquest.ContradictionSuggested
	}
	if !st.Valid() {
		return inquest.Errorf(inquest.EINVALID, "verdict %q is not confirm or dismiss", status)
	}
	return a.SetContradictionStatus(ctx, id, st, strings.TrimSpace(note), actor(ctx))
}

// opQuestionStatus triages a question: answered by a statement, or open,
// evaded, refused with a note.
func (s *Server) opQuestionStatus(ctx context.Context, id int64, status string, answer int64, note string) error {
	ws, err := s.ws()
	if err != nil {
		return err
	}
	if inquest.QuestionStatus(status) == inquest.Answered || answer != 0 {
		if answer == 0 {
			return inquest.Errorf(inquest.EINVALID, "question %d: give the id of the statement that answers it", id)
		}
		return ws.AnswerQuestion(ctx, id, answer, actor(ctx))
	}
	return ws.SetQuestionStatus(ctx, id, inquest.QuestionStatus(status), actor(ctx), strings.TrimSpace(note))
}
