package inquest

import "time"

// ContradictionKind says who is at odds with whom.
type ContradictionKind string

// Contradiction kinds.
const (
	// Between is two different actors taking opposite stances on one claim.
	Between ContradictionKind = "between"
	// Reversal is one actor (or office) against his own earlier statement.
	Reversal ContradictionKind = "reversal"
)

// ContradictionStatus is the analysts' verdict on a derived contradiction.
type ContradictionStatus string

// Contradiction states. A dismissed contradiction stays dismissed when the
// analysis runs again.
const (
	ContradictionSuggested ContradictionStatus = "suggested"
	ContradictionConfirmed ContradictionStatus = "confirmed"
	ContradictionDismissed ContradictionStatus = "dismissed"
)

// Contradiction is derived, never typed in: two statements with opposite
// stances on one claim. A is the earlier statement.
type Contradiction struct {
	ID           int64               `json:"id"`
	CaseID       int64               `json:"case_id"`
	ClaimID      int64               `json:"claim_id"`
	Kind         ContradictionKind   `json:"kind"`
	AStatementID int64               `json:"a_statement_id"`
	BStatementID int64               `json:"b_statement_id"`
	Degree       string              `json:"degree,omitempty"` // for reversals: no flip, half flip, full flop
	Status       ContradictionStatus `json:"status"`
	Note         string              `json:"note,omitempty"` // analyst's note: private
	DecidedBy    string              `json:"decided_by,omitempty"`
	DecidedAt    time.Time           `json:"decided_at,omitzero"`
}
