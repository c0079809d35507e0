package inquest

import (
	"context"
	"regexp"
	"time"
)

// Case is one monitored investigation, such as the January 2022 events.
type Case struct {
	ID         int64     `json:"id"`
	Slug       string    `json:"slug"`
	Title      string    `json:"title"`
	Background string    `json:"background,omitempty"` // Markdown
	Languages  []string  `json:"languages,omitempty"`
	PeriodFrom Date      `json:"period_from,omitempty"`
	PeriodTo   Date      `json:"period_to,omitempty"`
	Public     bool      `json:"public"`
	CreatedAt  time.Time `json:"created_at"`
}

var slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// ValidSlug reports whether s can name a case, person, claim or measure in a URL.
func ValidSlug(s string) bool { return slugRe.MatchString(s) }

// Validate checks the fields a user supplies.
func (c *Case) Validate() error {
	if !ValidSlug(c.Slug) {
		return Errorf(EINVALID, "case slug %q must be lower-case letters, digits and dashes, starting with a letter or digit", c.Slug)
	}
	if c.Title == "" {
		return Errorf(EINVALID, "case %q needs a title", c.Slug)
	}
	if err := c.PeriodFrom.Validate(); err != nil {
		return err
	}
	return c.PeriodTo.Validate()
}

// CaseService stores cases.
type CaseService interface {
	// CreateCase inserts c and sets its ID and CreatedAt. ECONFLICT if the slug is taken.
	CreateCase(ctx context.Context, c *Case) error
	// UpdateCase saves title, background, languages, period and public. ENOTFOUND.
	UpdateCase(ctx context.Context, c *Case) error
	// CaseBySlug returns the case. ENOTFOUND.
	CaseBySlug(ctx context.Context, slug string) (*Case, error)
	// Cases lists every case ordered by slug.
	Cases(ctx context.Context) ([]*Case, error)
}
