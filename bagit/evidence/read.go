package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/bagit"
)

// contents is a bag read and checked for consistency, before anything is
// written to a workspace.
type contents struct {
	bag        *bagit.Bag
	meta       caseFile
	sources    []bagSource
	statements []bagStatement
	people     []*inquest.Person
	claims     []*inquest.Claim
	stances    []*inquest.Stance
	figures    []*inquest.Figure
	questions  []*inquest.Question
	events     []*inquest.Event
	warnings   []string
	// textPath and text hold the last source text read for checkQuote: one
	// at a time, since a case's texts together may not fit in memory.
	textPath string
	text     []rune
}

// read decodes every JSON file of a validated bag and checks that the records
// refer only to each other and that every source's files are the bytes its
// record names, so that an import fails before it writes, not halfway.
func read(bag *bagit.Bag) (*contents, error) {
	c := &contents{bag: bag}
	if err := c.decode(fileCase, &c.meta); err != nil {
		return nil, err
	}
	switch {
	case c.meta.Format != Format:
		return nil, fmt.Errorf("%s: format %q is not an Inquest evidence bag (%q)", fileCase, c.meta.Format, Format)
	case c.meta.FormatVersion < 1 || c.meta.FormatVersion > FormatVersion:
		return nil, fmt.Errorf("%s: format version %d is not one this Inquest reads (up to %d); upgrade Inquest", fileCase, c.meta.FormatVersion, FormatVersion)
	case c.meta.Case == nil:
		return nil, fmt.Errorf("%s: no case", fileCase)
	}
	for _, f := range []struct {
		name string
		v    any
	}{
		{fileSources, &c.sources}, {fileStatements, &c.statements}, {filePeople, &c.people},
		{fileClaims, &c.claims}, {fileStances, &c.stances}, {fileFigures, &c.figures},
		{fileQuestions, &c.questions}, {fileEvents, &c.events},
	} {
		if err := c.decode(f.name, f.v); err != nil {
			return nil, err
		}
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *contents) decode(name string, v any) error {
	b, err := c.bag.ReadFile(name)
	if err != nil {
		return fmt.Errorf("data/%s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("data/%s is not what an Inquest bag holds: %v", name, err)
	}
	if dec.More() {
		return fmt.Errorf("data/%s: unexpected data after the JSON value", name)
	}
	return nil
}

func (c *contents) check() error {
	sort.Slice(c.sources, func(i, j int) bool { return c.sources[i].ID < c.sources[j].ID })
	sort.Slice(c.statements, func(i, j int) bool { return c.statements[i].ID < c.statements[j].ID })

	sources := map[int64]bagSource{}
	for i, s := range c.sources {
		if s.Source == nil || s.ID == 0 {
			return fmt.Errorf("data/%s: record %d has no id", fileSources, i+1)
		}
		if _, dup := sources[s.ID]; dup {
			return fmt.Errorf("data/%s: source %d appears twice", fileSources, s.ID)
		}
		sources[s.ID] = s
		if err := c.checkFile(s.Original, s.SHA256, fmt.Sprintf("source %d original", s.ID)); err != nil {
			return err
		}
		if err := c.checkFile(s.TextFile, s.TextSHA256, fmt.Sprintf("source %d text", s.ID)); err != nil {
			return err
		}
		if s.PreviousID != 0 {
			if _, ok := sources[s.PreviousID]; !ok {
				c.warnf("source %d (%s) is version %d, but its earlier version %d is not in the bag; it is imported as the first version", s.ID, s.Locator, s.Version, s.PreviousID)
			}
		}
	}
	people := map[int64]bool{}
	for i, p := range c.people {
		if p.ID == 0 {
			return fmt.Errorf("data/%s: person %d has no id", filePeople, i+1)
		}
		if err := p.Validate(); err != nil {
			return fmt.Errorf("data/%s: %s", filePeople, inquest.ErrorMessage(err))
		}
		people[p.ID] = true
	}
	knownPerson := func(what string, id int64) error {
		if id != 0 && !people[id] {
			return fmt.Errorf("%s refers to person %d, who is not in data/%s", what, id, filePeople)
		}
		return nil
	}
	claims := map[int64]bool{}
	for i, cl := range c.claims {
		if cl.ID == 0 {
			return fmt.Errorf("data/%s: claim %d has no id", fileClaims, i+1)
		}
		if err := cl.Validate(); err != nil {
			return fmt.Errorf("data/%s: %s", fileClaims, inquest.ErrorMessage(err))
		}
		claims[cl.ID] = true
	}
	statements := map[int64]bool{}
	for i, s := range c.statements {
		if s.Statement == nil || s.ID == 0 {
			return fmt.Errorf("data/%s: record %d has no id", fileStatements, i+1)
		}
		what := fmt.Sprintf("data/%s: statement %d", fileStatements, s.ID)
		_, ok := sources[s.SourceID]
		if !ok {
			return fmt.Errorf("%s refers to source %d, which is not in data/%s", what, s.SourceID, fileSources)
		}
		if err := knownPerson(what, s.PersonID); err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%s: %s", what, inquest.ErrorMessage(err))
		}
		statements[s.ID] = true
	}
	// Quotes source by source, so that each text is read once.
	bySource := append([]bagStatement(nil), c.statements...)
	sort.SliceStable(bySource, func(i, j int) bool { return bySource[i].SourceID < bySource[j].SourceID })
	for _, s := range bySource {
		if err := c.checkQuote(s, sources[s.SourceID]); err != nil {
			return fmt.Errorf("data/%s: statement %d: %w", fileStatements, s.ID, err)
		}
	}
	knownStatement := func(what string, id int64) error {
		if id != 0 && !statements[id] {
			return fmt.Errorf("%s refers to statement %d, which is not in data/%s", what, id, fileStatements)
		}
		return nil
	}
	for _, s := range c.stances {
		what := fmt.Sprintf("data/%s: stance %d", fileStances, s.ID)
		if s.StatementID == 0 {
			return fmt.Errorf("%s has no statement", what)
		}
		if err := knownStatement(what, s.StatementID); err != nil {
			return err
		}
		if !claims[s.ClaimID] {
			return fmt.Errorf("%s refers to claim %d, which is not in data/%s", what, s.ClaimID, fileClaims)
		}
		if !s.Stance.Valid() || !s.Review.Valid() {
			return fmt.Errorf("%s: stance %q or review %q is not known", what, s.Stance, s.Review)
		}
	}
	measures := false
	for _, f := range c.figures {
		what := fmt.Sprintf("data/%s: figure %d", fileFigures, f.ID)
		if _, ok := sources[f.SourceID]; !ok {
			return fmt.Errorf("%s refers to source %d, which is not in data/%s", what, f.SourceID, fileSources)
		}
		if err := knownStatement(what, f.StatementID); err != nil {
			return err
		}
		if err := knownPerson(what, f.ClaimantID); err != nil {
			return err
		}
		measures = measures || f.MeasureID != 0
	}
	if measures {
		c.warnf("figures keep their measure by name; the workspace's measure records are not carried by the bag")
	}
	for _, q := range c.questions {
		what := fmt.Sprintf("data/%s: question %d", fileQuestions, q.ID)
		if _, ok := sources[q.SourceID]; q.SourceID != 0 && !ok {
			return fmt.Errorf("%s refers to source %d, which is not in data/%s", what, q.SourceID, fileSources)
		}
		for _, id := range []int64{q.StatementID, q.AnswerStatementID} {
			if err := knownStatement(what, id); err != nil {
				return err
			}
		}
		for _, id := range []int64{q.AskerID, q.AddresseeID} {
			if err := knownPerson(what, id); err != nil {
				return err
			}
		}
	}
	for _, e := range c.events {
		for _, id := range e.SourceIDs {
			if _, ok := sources[id]; !ok {
				return fmt.Errorf("data/%s: event %d refers to source %d, which is not in data/%s", fileEvents, e.ID, id, fileSources)
			}
		}
	}
	return nil
}

// checkFile makes sure a payload file is the one a record names by hash. The
// bag's SHA-256 manifest already pins every payload byte, and Inquest
// addresses content by SHA-256 too, so the two hashes must be equal.
func (c *contents) checkFile(name, want, what string) error {
	if name == "" || !c.bag.Has(name) {
		return fmt.Errorf("data/%s: %s file %q is not in the bag", fileSources, what, name)
	}
	got := c.bag.Payload["data/"+name]
	if c.bag.Algorithm != "sha256" {
		b, err := c.bag.ReadFile(name)
		if err != nil {
			return err
		}
		got = inquest.SHA256Hex(b)
	}
	if got != want {
		return fmt.Errorf("data/%s: the bytes of %s hash to %s, but its record says %s", name, what, got, want)
	}
	return nil
}

// checkQuote makes sure the exported quote selector still finds the same
// words at the statement's span of the source text.
func (c *contents) checkQuote(s bagStatement, src bagSource) error {
	if s.Target == nil {
		return nil
	}
	for _, sel := range s.Target.Selector {
		if sel.Type != "TextQuoteSelector" {
			continue
		}
		if c.textPath != src.TextFile {
			text, err := c.bag.ReadFile(src.TextFile)
			if err != nil {
				return err
			}
			c.textPath, c.text = src.TextFile, []rune(string(text))
		}
		runes := c.text
		if s.End > len(runes) || string(runes[s.Start:s.End]) != sel.Exact {
			return fmt.Errorf("its span %d..%d of source %d's text does not hold its quoted words %q", s.Start, s.End, s.SourceID, clip(sel.Exact))
		}
	}
	return nil
}

func (c *contents) warnf(format string, args ...any) {
	c.warnings = append(c.warnings, fmt.Sprintf(format, args...))
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
