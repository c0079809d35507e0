package inquest

import "context"

// ContradictionScope is the part of a case a re-analysis covered: the
// contradictions on one claim, those involving one statement, both (one
// stance changed), or, when zero, the whole case.
type ContradictionScope struct {
	ClaimID     int64
	StatementID int64
}

// Covers reports whether c lies within the scope.
func (s ContradictionScope) Covers(c *Contradiction) bool {
	if s.ClaimID != 0 && c.ClaimID != s.ClaimID {
		return false
	}
	if s.StatementID != 0 && c.AStatementID != s.StatementID && c.BStatementID != s.StatementID {
		return false
	}
	return true
}

// AnalysisService keeps what the analysis derives and the analysts' verdicts
// on it. A contradiction is identified by its claim and its two statements,
// whichever came first, so that its verdict survives re-analysis.
type AnalysisService interface {
	// SaveContradictions records the contradictions derived for scope of the
	// case. Each is inserted, or updates the stored one with the same claim
	// and statements, keeping its id, status, note and who decided; ID,
	// Status, Note, DecidedBy and DecidedAt of derived are set from the store.
	// Stored contradictions within scope that were not derived again stop
	// being listed but keep their verdict, which returns with them. EINVALID
	// if one of derived lies outside scope or the case.
	SaveContradictions(ctx context.Context, caseID int64, scope ContradictionScope, derived []*Contradiction) error
	// Contradictions lists the case's contradictions that currently hold,
	// by claim and statements.
	Contradictions(ctx context.Context, caseID int64) ([]*Contradiction, error)
	// ContradictionsByStatus lists those of one status, e.g. the confirmed
	// ones the public site shows, without reading the rest: a large case
	// derives millions that nobody has looked at yet.
	ContradictionsByStatus(ctx context.Context, caseID int64, status ContradictionStatus) ([]*Contradiction, error)
	// ContradictionsPage lists up to limit of those of one status, from
	// offset, oldest first, and whether more follow: the triage page reads
	// one page, not the millions a large case derives.
	ContradictionsPage(ctx context.Context, caseID int64, status ContradictionStatus, offset, limit int) ([]*Contradiction, bool, error)
	// Contradiction returns one contradiction. ENOTFOUND.
	Contradiction(ctx context.Context, id int64) (*Contradiction, error)
	// SetContradictionStatus records an analyst's verdict with a note and who
	// decided. ENOTFOUND; EINVALID for an unknown status or no decider.
	SetContradictionStatus(ctx context.Context, id int64, status ContradictionStatus, note, by string) error

	// ClaimStances returns the stances on one claim and the statements they
	// are of: what re-analysing one change on that claim reads, instead of
	// the whole case.
	ClaimStances(ctx context.Context, claimID int64) ([]*Stance, []*Statement, error)

	// UpsertMeasure inserts m or renames the measure with the same case and
	// slug, and sets ID. EINVALID for a bad slug or no name.
	UpsertMeasure(ctx context.Context, m *Measure) error
	// Measures lists the case's measures by slug.
	Measures(ctx context.Context, caseID int64) ([]*Measure, error)
	// SetMeasurePart declares that measure part counts a part of measure
	// total (security-force deaths of deaths); total 0 undoes it. EINVALID if
	// the two are of different cases or the same measure; ENOTFOUND.
	SetMeasurePart(ctx context.Context, part, total int64) error
	// MeasureParts maps each part measure of the case to its total.
	MeasureParts(ctx context.Context, caseID int64) (map[int64]int64, error)
	// AssignFigure assigns a figure to a measure of its case (0 unassigns).
	// ENOTFOUND; EINVALID if the measure is of another case.
	AssignFigure(ctx context.Context, figureID, measureID int64) error
}

// Valid reports whether s is a contradiction status.
func (s ContradictionStatus) Valid() bool {
	return s == ContradictionSuggested || s == ContradictionConfirmed || s == ContradictionDismissed
}

// Validate checks a measure before it is stored.
func (m *Measure) Validate() error {
	if !ValidSlug(m.Slug) {
		return Errorf(EINVALID, "measure id %q must be lower-case letters, digits and dashes", m.Slug)
	}
	if m.Name == "" {
		return Errorf(EINVALID, "measure %q has no name", m.Slug)
	}
	return nil
}
