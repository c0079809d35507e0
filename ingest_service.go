package inquest

import "context"

// NoStatement is the statement index of a suggested figure or question that
// no suggested statement holds.
const NoStatement = -1

// Suggestions is what the extraction engine found in one source's text,
// stored together with the source. The store fills CaseID, SourceID and the
// statement ids; spans count code points of the stored source's text.
type Suggestions struct {
	// Engine names the engine (and its version) that made the suggestions.
	// "" means no extraction ran: nothing is recorded as extracted, so that a
	// later ingest with an engine extracts the source then.
	Engine     string
	Statements []*Statement
	Figures    []SuggestedFigure
	Questions  []SuggestedQuestion
	Stances    []SuggestedStance
}

// SuggestedFigure is a figure and the statement whose quotation holds it.
type SuggestedFigure struct {
	Figure    *Figure
	Statement int // index into Suggestions.Statements, or NoStatement
}

// SuggestedQuestion is a question and the statement whose quotation holds it.
type SuggestedQuestion struct {
	Question  *Question
	Statement int // index into Suggestions.Statements, or NoStatement
}

// SuggestedStance is a suggested stance of a statement on a claim.
type SuggestedStance struct {
	Statement  int // index into Suggestions.Statements
	ClaimID    int64
	Stance     StanceKind
	Confidence float64
}

// IngestService stores a source and what the engine suggests in it as one
// unit, so that a source is never left without the suggestions made for it.
// *store.DB implements it; it is kept apart from Store so that stores
// written before it still satisfy Store.
type IngestService interface {
	// AddSourceWithSuggestions does what SourceService.AddSource does and,
	// in the same transaction, stores sug for the source (all with review
	// "suggested" unless set) and records that sug.Engine extracted it. A
	// failure anywhere stores nothing, not even the source.
	//
	// When the case already holds the same bytes, that source is returned
	// with created=false; if no extraction is recorded for it (it was stored
	// by an older version, or by an ingest that had no engine) and
	// sug.Engine is set, sug is stored for it then, its spans counting in
	// that source's text. Suggestions already stored for the same spans are
	// kept, not duplicated.
	AddSourceWithSuggestions(ctx context.Context, s *Source, original []byte, sug Suggestions) (stored *Source, created bool, err error)
	// HeldSource returns the case's source with these original bytes, with
	// its text, and whether an extraction is recorded for it; nil when the
	// case does not hold them. Ingest asks it before running the engine, so
	// that unchanged documents cost no extraction.
	HeldSource(ctx context.Context, caseID int64, sha256 string) (src *Source, extracted bool, err error)
}
