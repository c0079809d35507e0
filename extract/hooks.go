package extract

import "github.com/inquest-project/inquest"

// The orchestrator reaches the figure, question and stance finders (written
// beside it in this package) through these variables, so that a finder that
// has not landed yet can be left nil without breaking the build.
var (
	findFigures   func(text, lang string) []Figure   = Figures
	findQuestions func(text, lang string) []Question = Questions
	findStances   func(quote, context, lang string, claims []*inquest.Claim) (map[string]inquest.StanceKind, map[string]float64)
)
