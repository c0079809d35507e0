package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit"
)

// ImportOptions adjust Import.
type ImportOptions struct {
	// CaseSlug names the new case; empty keeps the bag's.
	CaseSlug string
	// Actor is who imports, for the audit log.
	Actor string
}

// ImportUndoer is a store that can remove a case an import has just created,
// with everything recorded in it (store.DB can). Import uses it to undo an
// import that failed halfway, since inquest.Store offers no transaction
// across calls.
type ImportUndoer interface {
	UndoImport(ctx context.Context, caseID int64, newPeople []int64) error
}

// Import validates the bag at dir and loads it into st as a new case. It
// writes nothing unless the bag is valid, consistent and its case slug is
// free. The originals go through AddSource with the same bytes, so each gets
// the same SHA-256; every other record keeps its fields and spans with new
// ids. People are shared across cases: one whose slug the workspace already
// knows is kept as the workspace has it, with a warning when the two differ.
// If loading fails halfway, the new case and the people the import added are
// removed when the store can (ImportUndoer), and the error says what
// happened.
func Import(ctx context.Context, st inquest.Store, dir string, opt ImportOptions) (*Summary, error) {
	bag, err := bagit.Validate(dir)
	if err != nil {
		var verr *bagit.ValidationError
		if errors.As(err, &verr) {
			return nil, inquest.Errorf(inquest.EINVALID, "%v\nNothing was imported. Ask the sender for a fresh copy of the bag.", err)
		}
		return nil, err
	}
	c, err := read(bag)
	if err != nil {
		return nil, inquest.Errorf(inquest.EINVALID, "bag %s: %v\nNothing was imported.", dir, err)
	}
	kase := *c.meta.Case
	if opt.CaseSlug != "" {
		kase.Slug = opt.CaseSlug
	}
	kase.ID, kase.CreatedAt = 0, time.Time{}
	if err := kase.Validate(); err != nil {
		return nil, err
	}
	if _, err := st.CaseBySlug(ctx, kase.Slug); err == nil {
		return nil, inquest.Errorf(inquest.ECONFLICT, "case %s already exists in this workspace; import into a new case with --case NEW-SLUG. Nothing was imported.", kase.Slug)
	} else if inquest.ErrorCode(err) != inquest.ENOTFOUND {
		return nil, err
	}

	l := &loader{st: st, c: c, sum: &Summary{Case: kase.Slug, Dir: dir, Warnings: c.warnings}}
	if err := l.people(ctx); err != nil {
		return nil, fmt.Errorf("import %s stopped before creating the case (people added so far stay): %w", dir, err)
	}
	if err := st.CreateCase(ctx, &kase); err != nil {
		return nil, fmt.Errorf("import %s: nothing but new people was written: create case %s: %w", dir, kase.Slug, err)
	}
	if err := l.load(ctx, kase.ID); err != nil {
		return nil, l.undo(ctx, dir, &kase, err)
	}
	if err := l.audit(ctx, dir, &kase, opt.Actor); err != nil {
		return nil, l.undo(ctx, dir, &kase, err)
	}
	return l.sum, nil
}

// loader writes a checked bag into a workspace, mapping the bag's ids to the
// workspace's.
type loader struct {
	st           inquest.Store
	c            *contents
	sum          *Summary
	personIDs    map[int64]int64
	newPeople    []int64 // ids of the people this import created
	sourceIDs    map[int64]int64
	claimIDs     map[int64]int64
	statementIDs map[int64]int64
}

func (l *loader) people(ctx context.Context) error {
	l.personIDs = map[int64]int64{}
	for _, p := range l.c.people {
		existing, err := l.st.PersonBySlug(ctx, p.Slug)
		switch {
		case err == nil:
			l.personIDs[p.ID] = existing.ID
			if !samePerson(existing, p) {
				l.sum.Warnings = append(l.sum.Warnings, fmt.Sprintf("person %s already exists in this workspace with other names, aliases or positions; the workspace's version was kept", p.Slug))
			}
			continue
		case inquest.ErrorCode(err) != inquest.ENOTFOUND:
			return err
		}
		np := *p
		np.ID = 0
		np.Positions = append([]inquest.Position(nil), p.Positions...)
		for i := range np.Positions {
			np.Positions[i].ID = 0
		}
		if err := l.st.UpsertPerson(ctx, &np); err != nil {
			return fmt.Errorf("person %s: %w", p.Slug, err)
		}
		l.personIDs[p.ID] = np.ID
		l.newPeople = append(l.newPeople, np.ID)
		l.sum.People++
	}
	return nil
}

func samePerson(a, b *inquest.Person) bool {
	strip := func(ps []inquest.Position) []inquest.Position {
		out := make([]inquest.Position, len(ps))
		for i, p := range ps {
			p.ID = 0
			out[i] = p
		}
		return out
	}
	return a.Name == b.Name && a.Kind == b.Kind && reflect.DeepEqual(a.Names, b.Names) &&
		reflect.DeepEqual(a.Aliases, b.Aliases) && reflect.DeepEqual(strip(a.Positions), strip(b.Positions))
}

func (l *loader) load(ctx context.Context, caseID int64) error {
	l.sourceIDs = map[int64]int64{}
	for _, bs := range l.c.sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		original, err := l.c.bag.ReadFile(bs.Original)
		if err != nil {
			return fmt.Errorf("source %d: %w", bs.ID, err)
		}
		text, err := l.c.bag.ReadFile(bs.TextFile)
		if err != nil {
			return fmt.Errorf("source %d: %w", bs.ID, err)
		}
		s := *bs.Source
		s.ID, s.CaseID, s.Version, s.PreviousID = 0, caseID, 0, 0
		s.Text = string(text)
		stored, created, err := l.st.AddSource(ctx, &s, original)
		if err != nil {
			return fmt.Errorf("source %d (%s): %w", bs.ID, bs.Locator, err)
		}
		if stored.SHA256 != bs.SHA256 {
			return fmt.Errorf("source %d (%s): stored with SHA-256 %s, but the bag says %s", bs.ID, bs.Locator, stored.SHA256, bs.SHA256)
		}
		if !created {
			l.sum.Warnings = append(l.sum.Warnings, fmt.Sprintf("source %d (%s) has the same bytes as source %d of the bag; they are one source now", bs.ID, bs.Locator, stored.ID))
		} else {
			l.sum.Sources++
			l.sum.Bytes += stored.Size
		}
		if stored.Version != bs.Version {
			l.sum.Warnings = append(l.sum.Warnings, fmt.Sprintf("source %d (%s) was version %d and is version %d here", bs.ID, bs.Locator, bs.Version, stored.Version))
		}
		l.sourceIDs[bs.ID] = stored.ID
	}

	l.claimIDs = map[int64]int64{}
	for _, bc := range l.c.claims {
		cl := *bc
		cl.ID, cl.CaseID = 0, caseID
		if err := l.st.UpsertClaim(ctx, &cl); err != nil {
			return fmt.Errorf("claim %s: %w", bc.Slug, err)
		}
		l.claimIDs[bc.ID] = cl.ID
		l.sum.Claims++
	}

	l.statementIDs = map[int64]int64{}
	for _, bs := range l.c.statements {
		s := *bs.Statement
		s.ID, s.CaseID, s.SourceID, s.PersonID = 0, caseID, l.sourceIDs[bs.SourceID], l.person(bs.PersonID)
		if err := l.st.AddStatement(ctx, &s); err != nil {
			return fmt.Errorf("statement %d: %w", bs.ID, err)
		}
		l.statementIDs[bs.ID] = s.ID
		l.sum.Statements++
	}

	for _, bs := range l.c.stances {
		s := *bs
		s.ID, s.StatementID, s.ClaimID = 0, l.statementIDs[bs.StatementID], l.claimIDs[bs.ClaimID]
		if err := l.st.AddStance(ctx, &s); err != nil {
			return fmt.Errorf("stance %d: %w", bs.ID, err)
		}
		l.sum.Stances++
	}

	for _, bf := range l.c.figures {
		f := *bf
		f.ID, f.CaseID, f.SourceID = 0, caseID, l.sourceIDs[bf.SourceID]
		f.StatementID, f.ClaimantID = l.statement(bf.StatementID), l.person(bf.ClaimantID)
		f.MeasureID = 0 // measures are workspace records the bag does not carry; Measure keeps the name
		if err := l.st.AddFigure(ctx, &f); err != nil {
			return fmt.Errorf("figure %d: %w", bf.ID, err)
		}
		l.sum.Figures++
	}

	for _, bq := range l.c.questions {
		q := *bq
		q.ID, q.CaseID, q.SourceID = 0, caseID, l.sourceIDs[bq.SourceID]
		q.StatementID, q.AnswerStatementID = l.statement(bq.StatementID), l.statement(bq.AnswerStatementID)
		q.AskerID, q.AddresseeID = l.person(bq.AskerID), l.person(bq.AddresseeID)
		if err := l.st.AddQuestion(ctx, &q); err != nil {
			return fmt.Errorf("question %d: %w", bq.ID, err)
		}
		l.sum.Questions++
	}

	for _, be := range l.c.events {
		e := *be
		e.ID, e.CaseID, e.SourceIDs = 0, caseID, nil
		for _, id := range be.SourceIDs {
			e.SourceIDs = append(e.SourceIDs, l.sourceIDs[id])
		}
		if err := l.st.AddEvent(ctx, &e); err != nil {
			return fmt.Errorf("event %d: %w", be.ID, err)
		}
		l.sum.Events++
	}
	return nil
}

func (l *loader) person(id int64) int64 {
	if id == 0 {
		return 0
	}
	return l.personIDs[id]
}

func (l *loader) statement(id int64) int64 {
	if id == 0 {
		return 0
	}
	return l.statementIDs[id]
}

// audit records the import with the hash of the bag's payload manifest,
// which pins every byte that came in, so the chain of custody shows where
// the case came from.
func (l *loader) audit(ctx context.Context, dir string, kase *inquest.Case, actor string) error {
	manifest, err := os.ReadFile(filepath.Join(dir, "manifest-sha256.txt"))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(manifest)
	after, err := json.Marshal(map[string]any{
		"bag":                 dir,
		"external_identifier": l.c.bag.Info.Get(bagit.LabelExternalIdentifier),
		"source_organization": l.c.bag.Info.Get(bagit.LabelSourceOrganization),
		"bagging_date":        l.c.bag.Info.Get(bagit.LabelBaggingDate),
		"payload_oxum":        l.c.bag.Info.Get(bagit.LabelPayloadOxum),
		"manifest_sha256":     hex.EncodeToString(sum[:]),
		"public_only":         l.c.meta.PublicOnly,
		"counts":              l.sum.counts(),
	})
	if err != nil {
		return err
	}
	if actor == "" {
		actor = "import"
	}
	return l.st.Audit(ctx, &inquest.AuditEntry{Actor: actor, Action: "case.import", Entity: "case", EntityID: kase.ID, After: string(after)})
}

// undo removes a half-imported case when the store can, and says what
// happened either way.
func (l *loader) undo(ctx context.Context, dir string, kase *inquest.Case, cause error) error {
	if d, ok := l.st.(ImportUndoer); ok {
		if err := d.UndoImport(context.WithoutCancel(ctx), kase.ID, l.newPeople); err == nil {
			return fmt.Errorf("import %s stopped: %w. The partly imported case %s was removed, with the people the import had added; nothing of the bag remains in the workspace", dir, cause, kase.Slug)
		} else {
			return fmt.Errorf("import %s stopped: %w. Removing the partly imported case %s failed too (%v): it holds %d of %d sources and %d of %d statements; do not use it",
				dir, cause, kase.Slug, err, l.sum.Sources, len(l.c.sources), l.sum.Statements, len(l.c.statements))
		}
	}
	return fmt.Errorf("import %s stopped: %w. The case %s is incomplete (%d of %d sources, %d of %d statements); this store cannot remove it, so do not use it",
		dir, cause, kase.Slug, l.sum.Sources, len(l.c.sources), l.sum.Statements, len(l.c.statements))
}
