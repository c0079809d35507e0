package evidence

import (
	"time"

	"github.com/inquest-project/inquest"
)

// Format and FormatVersion identify an Inquest evidence bag in case.json.
const (
	Format        = "inquest-evidence-bag"
	FormatVersion = 1
)

// Payload file names, relative to data/.
const (
	fileCase       = "case.json"
	fileSources    = "sources.json"
	fileStatements = "statements.json"
	filePeople     = "people.json"
	fileClaims     = "claims.json"
	fileStances    = "stances.json"
	fileFigures    = "figures.json"
	fileQuestions  = "questions.json"
	fileEvents     = "events.json"
)

// caseFile is data/case.json.
type caseFile struct {
	Format        string         `json:"format"`
	FormatVersion int            `json:"format_version"`
	ExportedAt    time.Time      `json:"exported_at"`
	PublicOnly    bool           `json:"public_only"`
	Case          *inquest.Case  `json:"case"`
	Counts        map[string]int `json:"counts"`
}

// bagSource is one record of sources.json: every field of the source except
// its text, which is in TextFile, and the bag path of its original bytes.
type bagSource struct {
	*inquest.Source
	Original string `json:"original"`
	TextFile string `json:"text_file"`
}

// bagStatement is one record of statements.json: the statement and a W3C Web
// Annotation target locating its words in the source's text.
type bagStatement struct {
	*inquest.Statement
	Target *target `json:"target,omitempty"`
}

// target is a Web Annotation SpecificResource: the source text it points
// into and the selectors that find the span in it.
type target struct {
	Source   string     `json:"source"`
	Selector []selector `json:"selector"`
}

// selector is a TextQuoteSelector (exact, prefix, suffix) or a
// TextPositionSelector (start, end in Unicode code points, end exclusive).
type selector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
}

// quoteContext is how many code points of prefix and suffix a
// TextQuoteSelector carries: enough to tell repeated phrases apart.
const quoteContext = 32

// selectors builds the two selectors of the span [start, end) of a text,
// given as code points. The quote selector is left out when the span does
// not fit the text.
func selectors(runes []rune, start, end int) []selector {
	s, e := start, end
	pos := selector{Type: "TextPositionSelector", Start: &s, End: &e}
	if start < 0 || end < start || end > len(runes) {
		return []selector{pos}
	}
	quote := selector{
		Type:   "TextQuoteSelector",
		Exact:  string(runes[start:end]),
		Prefix: string(runes[max(0, start-quoteContext):start]),
		Suffix: string(runes[end:min(len(runes), end+quoteContext)]),
	}
	return []selector{quote, pos}
}

// Summary counts what an export wrote or an import loaded.
type Summary struct {
	Case       string   `json:"case"`
	Dir        string   `json:"dir"`
	Sources    int      `json:"sources"`
	Bytes      int64    `json:"bytes"` // of original bytes
	People     int      `json:"people"`
	Claims     int      `json:"claims"`
	Statements int      `json:"statements"`
	Stances    int      `json:"stances"`
	Figures    int      `json:"figures"`
	Questions  int      `json:"questions"`
	Events     int      `json:"events"`
	Warnings   []string `json:"warnings,omitempty"`
}

func (s *Summary) counts() map[string]int {
	return map[string]int{
		"sources": s.Sources, "people": s.People, "claims": s.Claims, "statements": s.Statements,
		"stances": s.Stances, "figures": s.Figures, "questions": s.Questions, "events": s.Events,
	}
}
