package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
)

// Operations that change the record, shared by the JSON API and the
// workspace's form handlers, so that a change made on a page and one made by
// a script are the same change: same checks, same audit entry, same
// re-analysis. The review, speaker, stance, contradiction and question
// operations are WORKSPACE's, in ws_ops.go (opReviewItem, opSetSpeaker,
// opDecideStance, opContradictionStatus, opQuestionStatus); the API calls
// those. This file adds the ones the API needs beyond them: a general edit
// of a statement, and submitting and publishing chapters (editors only).
//
// Each takes the signed-in user (requireRole has also set the store's audit
// actor to the user's name in ctx) and returns domain errors: EUNAUTHORIZED
// without a user, EFORBIDDEN for a role too low, ENOTFOUND, EINVALID,
// ECONFLICT, and EINTERNAL when the store cannot do workspace work.

// opsStore is what the operations need of the store; store.DB has it all.
type opsStore interface {
	inquest.Store
	inquest.AnalysisService
	inquest.WorkspaceService
}

// opsFor returns the store as opsStore, and checks that u may act as role.
func (s *Server) opsFor(u *inquest.User, role inquest.Role) (opsStore, error) {
	if u == nil {
		return nil, inquest.Errorf(inquest.EUNAUTHORIZED, "Sign in first.")
	}
	if !u.Role.Includes(role) {
		return nil, inquest.Errorf(inquest.EFORBIDDEN, "Your role (%s) may not do this; it needs %s rights.", u.Role, role)
	}
	st, ok := s.st.(opsStore)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store cannot keep workspace changes")
	}
	return st, nil
}

// statementEdit is a change of a statement's attribution and review; nil
// fields stay as they are. Version is the statement's UpdatedAt as the
// editor read it: the edit is refused with ECONFLICT if someone changed the
// statement since.
type statementEdit struct {
	Version     time.Time       `json:"version"`
	PersonID    *int64          `json:"person_id,omitempty"`
	SpeakerName *string         `json:"speaker_name,omitempty"`
	SpeakerRole *string         `json:"speaker_role,omitempty"`
	SaidOn      *inquest.Date   `json:"said_on,omitempty"`
	Venue       *string         `json:"venue,omitempty"`
	Review      *inquest.Review `json:"review,omitempty"`
	Note        *string         `json:"note,omitempty"`
}

// opEditStatement applies e to statement id (change the speaker, the day,
// the review) and re-analyses. A person id of 0 leaves the statement with
// only a speaker name (an unknown speaker).
func (s *Server) opEditStatement(ctx context.Context, u *inquest.User, id int64, e statementEdit) (*inquest.Statement, error) {
	st, err := s.opsFor(u, inquest.RoleAnalyst)
	if err != nil {
		return nil, err
	}
	if e.Version.IsZero() {
		return nil, inquest.Errorf(inquest.EINVALID, "say which version of statement %d you edit: send its updated_at as version", id)
	}
	cur, err := st.Statement(ctx, id)
	if err != nil {
		return nil, err
	}
	if e.PersonID != nil {
		cur.PersonID = *e.PersonID
		if *e.PersonID != 0 {
			p, err := st.Person(ctx, *e.PersonID)
			if err != nil {
				if inquest.ErrorCode(err) == inquest.ENOTFOUND {
					return nil, inquest.Errorf(inquest.EINVALID, "person %d does not exist", *e.PersonID)
				}
				return nil, err
			}
			if e.SpeakerName == nil {
				cur.SpeakerName = p.Name
			}
		}
	}
	if e.SpeakerName != nil {
		cur.SpeakerName = strings.TrimSpace(*e.SpeakerName)
	}
	if e.SpeakerRole != nil {
		cur.SpeakerRole = strings.TrimSpace(*e.SpeakerRole)
	}
	if e.SaidOn != nil {
		cur.SaidOn = *e.SaidOn
	}
	if e.Venue != nil {
		cur.Venue = *e.Venue
	}
	if e.Review != nil {
		cur.Review = *e.Review
	}
	if e.Note != nil {
		cur.Note = *e.Note
	}
	if err := st.UpdateStatement(ctx, cur, e.Version); err != nil {
		return nil, err
	}
	return s.afterStatementChange(ctx, st, id)
}

// afterStatementChange re-analyses what a changed statement takes part in
// and returns the statement as stored. The change is already saved; a
// failed re-analysis says so and how to redo it.
func (s *Server) afterStatementChange(ctx context.Context, st opsStore, id int64) (*inquest.Statement, error) {
	stmt, err := st.Statement(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := casework.New(st).Reanalyse(ctx, stmt.CaseID, inquest.ContradictionScope{StatementID: id}); err != nil {
		return nil, fmt.Errorf("statement %d saved, but re-analysing it failed (run 'inquest check' to re-analyse): %w", id, err)
	}
	return stmt, nil
}

// chapterOps is the store's chapters, when it keeps them.
func (s *Server) chapterOps(u *inquest.User, role inquest.Role) (inquest.ChapterService, error) {
	if _, err := s.opsFor(u, role); err != nil {
		return nil, err
	}
	cs, ok := s.st.(inquest.ChapterService)
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no chapters")
	}
	return cs, nil
}

// opSubmitChapter puts a draft up for an editor's review.
func (s *Server) opSubmitChapter(ctx context.Context, u *inquest.User, id int64) (*inquest.Chapter, error) {
	cs, err := s.chapterOps(u, inquest.RoleAnalyst)
	if err != nil {
		return nil, err
	}
	if err := cs.SubmitChapter(ctx, id, u.Name); err != nil {
		return nil, err
	}
	return cs.Chapter(ctx, id)
}

// opPublishChapter publishes a chapter's working copy: editors only.
func (s *Server) opPublishChapter(ctx context.Context, u *inquest.User, id int64) (*inquest.ChapterVersion, error) {
	cs, err := s.chapterOps(u, inquest.RoleEditor)
	if err != nil {
		return nil, err
	}
	return cs.PublishChapter(ctx, id, u.Name)
}
