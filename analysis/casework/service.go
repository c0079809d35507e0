package casework

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// Store is what case work needs of the record: the record itself, the
// analysis state, and the analysts' stance decisions. store.DB implements it.
type Store interface {
	inquest.Store
	inquest.AnalysisService
	// DecideStance records an analyst's decision on how a statement bears
	// on a claim (stance "" removes it), with who decided and why, and
	// re-analyses nothing by itself. ENOTFOUND; EINVALID.
	DecideStance(ctx context.Context, statementID, claimID int64, stance inquest.StanceKind, review inquest.Review, by, note string) error
}

// Service runs the analysis over stored cases.
type Service struct{ st Store }

// New returns a service over st.
func New(st Store) *Service { return &Service{st: st} }

// Findings is what a full analysis of a case derived, with the record it was
// derived from.
type Findings struct {
	Record *Record
	// Contradictions hold now, with their stored ids and verdicts.
	Contradictions  []*inquest.Contradiction
	FigureConflicts []analysis.FigureConflict
	FigureSeries    []analysis.Series
	// OpenQuestions are as of the day the analysis was asked about.
	OpenQuestions []analysis.OpenQuestion
}

// Analyse loads the case, derives its contradictions and saves them (new
// ones as suggested, known ones keeping their id and verdict, vanished ones
// kept inactive), then derives the figure series and conflicts and the
// questions open on day today.
func (s *Service) Analyse(ctx context.Context, c *inquest.Case, today inquest.Date) (*Findings, error) {
	r, err := s.Load(ctx, c)
	if err != nil {
		return nil, err
	}
	derived := analysis.Contradictions(r.ContradictionRecord())
	if err := s.st.SaveContradictions(ctx, c.ID, inquest.ContradictionScope{}, derived); err != nil {
		return nil, fmt.Errorf("save the contradictions of case %s: %w", c.Slug, err)
	}
	fr := r.FigureRecord()
	series := analysis.FigureSeries(fr)
	return &Findings{
		Record:          r,
		Contradictions:  derived,
		FigureConflicts: analysis.FigureConflicts(fr, series),
		FigureSeries:    series,
		OpenQuestions:   analysis.OpenQuestions(r.Questions, today),
	}, nil
}

// Reanalyse re-derives and saves only the contradictions a change can
// affect, without reading the case: for each claim in scope it reads the
// stances on that claim and their statements, re-pairs the changed
// statement (or the whole claim), and saves within that scope, so that the
// analysts' verdicts stay. A statement change (no claim) covers every claim
// of the case, since its speaker or day may matter on each. A zero change
// re-analyses the whole case. It returns the contradictions derived within
// the scope, with their stored ids and verdicts.
func (s *Service) Reanalyse(ctx context.Context, caseID int64, ch inquest.ContradictionScope) ([]*inquest.Contradiction, error) {
	people, err := s.st.People(ctx)
	if err != nil {
		return nil, err
	}
	if ch.ClaimID == 0 && ch.StatementID == 0 {
		statements, err := s.st.Statements(ctx, inquest.StatementFilter{CaseID: caseID})
		if err != nil {
			return nil, err
		}
		stances, err := s.st.Stances(ctx, caseID)
		if err != nil {
			return nil, err
		}
		derived := analysis.Contradictions(analysis.Record{CaseID: caseID, Statements: statements, Stances: stances, People: people})
		return derived, s.st.SaveContradictions(ctx, caseID, ch, derived)
	}
	claims := []int64{ch.ClaimID}
	if ch.ClaimID == 0 {
		cs, err := s.st.Claims(ctx, caseID)
		if err != nil {
			return nil, err
		}
		claims = claims[:0]
		for _, c := range cs {
			claims = append(claims, c.ID)
		}
	}
	var out []*inquest.Contradiction
	for _, claimID := range claims {
		stances, statements, err := s.st.ClaimStances(ctx, claimID)
		if err != nil {
			return nil, err
		}
		scope := inquest.ContradictionScope{ClaimID: claimID, StatementID: ch.StatementID}
		ix := analysis.NewIndex(analysis.Record{CaseID: caseID, Statements: statements, Stances: stances, People: people})
		derived := ix.Affected(scope)
		if err := s.st.SaveContradictions(ctx, caseID, scope, derived); err != nil {
			return nil, fmt.Errorf("save the contradictions on claim %d: %w", claimID, err)
		}
		out = append(out, derived...)
	}
	return out, nil
}

// StanceDecision is an analyst's decision on how one statement bears on one
// claim. Stance "" removes the stance: it is kept as rejected, so that the
// engine does not suggest it again. Review "" means confirmed.
type StanceDecision struct {
	StatementID int64
	ClaimID     int64
	Stance      inquest.StanceKind
	Review      inquest.Review
	By          string
	Note        string
}

// DecideStance records the decision and re-analyses the contradictions it
// can affect (that statement on that claim, nothing else), returning them.
func (s *Service) DecideStance(ctx context.Context, d StanceDecision) ([]*inquest.Contradiction, error) {
	st, err := s.st.Statement(ctx, d.StatementID)
	if err != nil {
		return nil, err
	}
	if err := s.st.DecideStance(ctx, d.StatementID, d.ClaimID, d.Stance, d.Review, d.By, d.Note); err != nil {
		return nil, err
	}
	out, err := s.Reanalyse(ctx, st.CaseID, inquest.ContradictionScope{ClaimID: d.ClaimID, StatementID: d.StatementID})
	if err != nil {
		return nil, fmt.Errorf("stance decided, but re-analysing statement %d on claim %d failed (run 'inquest check' to re-analyse): %w",
			d.StatementID, d.ClaimID, err)
	}
	return out, nil
}
