package inquest

import (
	"context"
	"time"
)

// Claim is a proposition under dispute, with its text in several languages.
type Claim struct {
	ID        int64             `json:"id"`
	CaseID    int64             `json:"case_id"`
	Slug      string            `json:"slug"`            // the id of the claims file, e.g. "foreign-terrorists"
	Text      string            `json:"text"`            // English
	Texts     map[string]string `json:"texts,omitempty"` // other languages
	Private   bool              `json:"private"`
	CreatedAt time.Time         `json:"created_at"`
}

// TextIn returns the claim's text in lang, falling back to English.
func (c *Claim) TextIn(lang string) string {
	if t, ok := c.Texts[lang]; ok && t != "" {
		return t
	}
	return c.Text
}

// Validate checks the fields a user supplies.
func (c *Claim) Validate() error {
	if !ValidSlug(c.Slug) {
		return Errorf(EINVALID, "claim id %q must be lower-case letters, digits and dashes", c.Slug)
	}
	if c.Text == "" && len(c.Texts) == 0 {
		return Errorf(EINVALID, "claim %q has no text", c.Slug)
	}
	return nil
}

// StanceKind is how a statement bears on a claim.
type StanceKind string

// Stance kinds.
const (
	Supports  StanceKind = "supports"
	Denies    StanceKind = "denies"
	Qualifies StanceKind = "qualifies"
)

// Opposes reports whether two stances cannot both hold.
func (k StanceKind) Opposes(other StanceKind) bool {
	return (k == Supports && other == Denies) || (k == Denies && other == Supports)
}

// Valid reports whether k is one of the stance kinds.
func (k StanceKind) Valid() bool { return k == Supports || k == Denies || k == Qualifies }

// Stance links a statement to a claim. The engine suggests; an analyst decides.
type Stance struct {
	ID          int64      `json:"id"`
	StatementID int64      `json:"statement_id"`
	ClaimID     int64      `json:"claim_id"`
	Stance      StanceKind `json:"stance"`
	Review      Review     `json:"review"`
	Confidence  float64    `json:"confidence"`
	DecidedBy   string     `json:"decided_by,omitempty"`
	DecidedAt   time.Time  `json:"decided_at,omitzero"`
	Note        string     `json:"note,omitempty"` // analyst's reason: private
}

// ClaimService stores claims and stances.
type ClaimService interface {
	// UpsertClaim inserts c or replaces the texts of the claim with the same
	// case and slug, and sets ID.
	UpsertClaim(ctx context.Context, c *Claim) error
	// Claims lists the case's claims ordered by slug.
	Claims(ctx context.Context, caseID int64) ([]*Claim, error)
	// AddStance inserts s, or updates the stance of the same statement and
	// claim unless an analyst has already decided it (Review != suggested).
	AddStance(ctx context.Context, s *Stance) error
	// Stances lists the stances of the case's statements.
	Stances(ctx context.Context, caseID int64) ([]*Stance, error)
}
