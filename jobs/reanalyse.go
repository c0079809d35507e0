package jobs

import (
	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
)

// analysisRecord is what a re-analysis read from the store.
type analysisRecord struct {
	caseID     int64
	people     []*inquest.Person
	statements []*inquest.Statement
	stances    []*inquest.Stance
}

// derive runs the analysis over the record: every contradiction for a zero
// scope, else only those the change can affect (analysis.Index.Affected),
// which is what the store replaces for that scope.
func (r analysisRecord) derive(scope inquest.ContradictionScope) []*inquest.Contradiction {
	ix := analysis.NewIndex(analysis.Record{CaseID: r.caseID, Statements: r.statements, Stances: r.stances, People: r.people})
	if scope == (inquest.ContradictionScope{}) {
		return ix.All()
	}
	return ix.Affected(scope)
}
