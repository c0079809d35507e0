package casework

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
)

// ReviewStatement records an analyst's review of a statement (a rejected
// statement's stances count for nothing) and re-analyses the contradictions
// it takes part in, on every claim of its case, returning them.
func (s *Service) ReviewStatement(ctx context.Context, statementID int64, r inquest.Review, by string) ([]*inquest.Contradiction, error) {
	st, err := s.st.Statement(ctx, statementID)
	if err != nil {
		return nil, err
	}
	if err := s.st.SetStatementReview(ctx, statementID, r, by); err != nil {
		return nil, err
	}
	out, err := s.Reanalyse(ctx, st.CaseID, inquest.ContradictionScope{StatementID: statementID})
	if err != nil {
		return nil, fmt.Errorf("statement %d reviewed, but re-analysing it failed (run 'inquest check' to re-analyse): %w", statementID, err)
	}
	return out, nil
}
