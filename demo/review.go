package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"time"

	"github.com/inquest-project/inquest"
)

// reviewFile is content/review.json: what an analyst decided about the
// engine's suggestions in the demo sources. Applying it makes the demo show
// what a reviewed case looks like (confirmed statements on the public pages,
// a contradiction between two officials) whatever the engine of the day
// finds on its own.
type reviewFile struct {
	Decisions []decision `json:"decisions"`
}

type decision struct {
	Source  string                        `json:"source"` // file name in content/sources
	Quote   string                        `json:"quote"`  // verbatim, as in the text
	Speaker string                        `json:"speaker"`
	SaidOn  inquest.Date                  `json:"said_on"`
	Venue   string                        `json:"venue"`
	Stances map[string]inquest.StanceKind `json:"stances"`
	Reject  []string                      `json:"reject"` // claims whose suggested stance is wrong
}

func readReview(files fs.FS) (*reviewFile, error) {
	b, err := fs.ReadFile(files, "review.json")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var rf reviewFile
	if err := json.Unmarshal(b, &rf); err != nil {
		return nil, fmt.Errorf("demo: review.json: %w", err)
	}
	return &rf, nil
}

// reviewer is the name the demo's decisions are recorded under.
const reviewer = "demo"

// applyReview confirms each decided quotation in its source, entering it by
// hand when the engine did not suggest it, and records the stances.
func applyReview(ctx context.Context, st inquest.Store, c *inquest.Case, rf *reviewFile, sources []*inquest.Source) (confirmed int, err error) {
	bySlug := map[string]*inquest.Source{}
	for _, s := range sources {
		bySlug[s.FileName] = s
	}
	claims, err := st.Claims(ctx, c.ID)
	if err != nil {
		return 0, err
	}
	claimID := map[string]int64{}
	for _, cl := range claims {
		claimID[cl.Slug] = cl.ID
	}
	now := time.Now().UTC()
	for i, d := range rf.Decisions {
		src := bySlug[d.Source]
		if src == nil {
			return confirmed, fmt.Errorf("demo: review.json decision %d: no source %s", i+1, d.Source)
		}
		stmt, err := confirmQuote(ctx, st, src, d)
		if err != nil {
			return confirmed, fmt.Errorf("demo: review.json decision %d (%s): %w", i+1, d.Source, err)
		}
		confirmed++
		for slug, kind := range d.Stances {
			id, ok := claimID[slug]
			if !ok {
				return confirmed, fmt.Errorf("demo: review.json decision %d: no claim %s", i+1, slug)
			}
			s := &inquest.Stance{StatementID: stmt.ID, ClaimID: id, Stance: kind, Review: inquest.Confirmed,
				Confidence: 1, DecidedBy: reviewer, DecidedAt: now}
			if err := st.AddStance(ctx, s); err != nil {
				return confirmed, fmt.Errorf("demo: stance of statement %d on %s: %w", stmt.ID, slug, err)
			}
		}
		if len(d.Reject) > 0 {
			if err := rejectStances(ctx, st, c.ID, stmt.ID, d.Reject, claimID, now); err != nil {
				return confirmed, err
			}
		}
	}
	return confirmed, nil
}

// confirmQuote finds the statement suggested for the quotation and confirms
// it, or enters it with the span where the quotation stands in the text.
func confirmQuote(ctx context.Context, st inquest.Store, src *inquest.Source, d decision) (*inquest.Statement, error) {
	start, end, ok := runeSpan(src.Text, d.Quote)
	if !ok {
		return nil, fmt.Errorf("quotation %q is not in the text", d.Quote)
	}
	existing, err := st.Statements(ctx, inquest.StatementFilter{SourceID: src.ID})
	if err != nil {
		return nil, err
	}
	p, err := st.PersonBySlug(ctx, d.Speaker)
	if err != nil {
		return nil, fmt.Errorf("speaker %s: %w", d.Speaker, err)
	}
	for _, s := range existing {
		if s.End <= start || end <= s.Start || s.Review == inquest.Rejected {
			continue
		}
		// The engine's span overlaps the quotation: confirm it if the engine
		// found the right speaker, else reject it and enter the quotation.
		if s.PersonID == p.ID {
			if err := st.SetStatementReview(ctx, s.ID, inquest.Confirmed, reviewer); err != nil {
				return nil, err
			}
			return s, nil
		}
		if err := st.SetStatementReview(ctx, s.ID, inquest.Rejected, reviewer); err != nil {
			return nil, err
		}
	}
	s := &inquest.Statement{CaseID: src.CaseID, SourceID: src.ID, PersonID: p.ID, SpeakerName: p.Name,
		Text: d.Quote, Start: start, End: end, SaidOn: d.SaidOn, Venue: d.Venue, Language: src.Language,
		Origin: inquest.Entered, Review: inquest.Confirmed, Confidence: 1}
	if err := st.AddStatement(ctx, s); err != nil {
		return nil, err
	}
	if s.Review != inquest.Confirmed || s.PersonID != p.ID {
		return nil, fmt.Errorf("the engine attributed %q to %q, and a statement on the same span is stored once; fix the engine or the quotation", d.Quote, s.SpeakerName)
	}
	return s, nil
}

// rejectStances marks the engine's suggested stances of a statement on the
// named claims as rejected, so that they count in no contradiction.
func rejectStances(ctx context.Context, st inquest.Store, caseID, statementID int64, slugs []string, claimID map[string]int64, now time.Time) error {
	stances, err := st.Stances(ctx, caseID)
	if err != nil {
		return err
	}
	for _, slug := range slugs {
		for _, s := range stances {
			if s.StatementID == statementID && s.ClaimID == claimID[slug] && s.Review == inquest.Suggested {
				s.Review, s.DecidedBy, s.DecidedAt = inquest.Rejected, reviewer, now
				if err := st.AddStance(ctx, s); err != nil {
					return fmt.Errorf("demo: reject stance of statement %d on %s: %w", statementID, slug, err)
				}
			}
		}
	}
	return nil
}
