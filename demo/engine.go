package demo

import (
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/extract"
	"github.com/inquest-project/inquest/ingest"
)

// reviewedEngine is the extraction engine with the demo analyst's judgement
// in front of it: a suggestion for a quotation the analyst has decided, but
// with another speaker or day than the analyst's, is left out, so that the
// analyst's own entry can take its span. The store keeps one statement per
// span, so without this a wrong suggestion would block the right one, and
// the demo would depend on how well the engine of the day reads its sources.
type reviewedEngine struct {
	inner     ingest.Extractor
	decisions []decision
}

func (e reviewedEngine) ExtractFor(text, lang string, published inquest.Date) extract.Result {
	res := e.inner.ExtractFor(text, lang, published)
	kept := res.Quotes[:0]
	for _, q := range res.Quotes {
		if !e.contradicted(text, q) {
			kept = append(kept, q)
		}
	}
	res.Quotes = kept
	return res
}

// contradicted reports whether q overlaps a decided quotation and differs
// from the decision in speaker or day.
func (e reviewedEngine) contradicted(text string, q extract.Quote) bool {
	for _, d := range e.decisions {
		start, end, ok := runeSpan(text, d.Quote)
		if !ok || q.End <= start || end <= q.Start {
			continue
		}
		if q.SpeakerID != d.Speaker || (d.SaidOn.Known() && q.SaidOn != d.SaidOn) {
			return true
		}
	}
	return false
}

// runeSpan returns where quote stands in text, in code points.
func runeSpan(text, quote string) (start, end int, ok bool) {
	at := strings.Index(text, quote)
	if at < 0 {
		return 0, 0, false
	}
	start = len([]rune(text[:at]))
	return start, start + len([]rune(quote)), true
}
