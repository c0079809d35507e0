package extract

import "github.com/inquest-project/inquest"

// Options tell the engine what it may know besides the text.
type Options struct {
	// Lang is "en", "ru" or "kk", or "" to detect from the text.
	Lang string
	// Published anchors the year of dates such as "14 March" and days such as
	// "on Friday"; "" when unknown.
	Published inquest.Date
	// People resolve names in any script and role titles by date.
	People []*inquest.Person
	// Claims are the disputed propositions stances are suggested for.
	Claims []*inquest.Claim
}

// Span is a half-open range of Unicode code points in the text, the unit of
// the extract contract (design.md §5).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Quote is a direct quotation with its speaker: a suggestion for an analyst.
type Quote struct {
	Span
	Text        string `json:"text"` // without the quotation marks
	Speaker     string `json:"speaker"`
	SpeakerID   string `json:"speaker_id"` // people-file id, "" when unknown
	SpeakerRole string `json:"speaker_role"`
	// SpeakerSpan is the evidence for the speaker: where the text names him.
	SpeakerSpan Span                          `json:"speaker_span"`
	SaidOn      inquest.Date                  `json:"said_on"`
	Venue       string                        `json:"venue"`
	Confidence  float64                       `json:"confidence"`
	Stances     map[string]inquest.StanceKind `json:"stances"`
	// StanceConfidence holds the confidence of each suggested stance.
	StanceConfidence map[string]float64 `json:"stance_confidence"`
}

// Figure is a quantity claimed in the text with the phrase saying what it counts.
type Figure struct {
	Span
	Text       string  `json:"text"`
	Value      float64 `json:"value"`
	ValueMax   float64 `json:"value_max"` // for "200-230"; 0 otherwise
	Qualifier  string  `json:"qualifier"` // "more than", "about", "at least", ""
	Measure    string  `json:"measure"`   // suggested: "deaths", "detainees", "troops", ...
	Claimant   string  `json:"claimant"`
	ClaimantID string  `json:"claimant_id"`
	Confidence float64 `json:"confidence"`
}

// Question is a question put to someone, found in the text.
type Question struct {
	Span
	Text        string       `json:"text"`
	Asker       string       `json:"asker"`
	AskerID     string       `json:"asker_id"`
	Addressee   string       `json:"addressee"`
	AddresseeID string       `json:"addressee_id"`
	AskedOn     inquest.Date `json:"asked_on"`
	Confidence  float64      `json:"confidence"`
}

// Result is everything the engine proposes for one text.
type Result struct {
	Lang      string     `json:"lang"`
	Quotes    []Quote    `json:"quotes"`
	Figures   []Figure   `json:"figures"`
	Questions []Question `json:"questions"`
}
