package extract

import (
	"github.com/inquest-project/inquest"
)

// Engine extracts from many texts with the same options. Building it once
// precomputes the name and title index from the people file, so a caller that
// reads many documents (the CLI, ingest) pays for that only once.
type Engine struct {
	opt     Options
	names   *nameIndex
	stances *StanceMatcher // nil without claims
	// roleWords holds, per person of the file, the lower-case words of
	// their offices' titles and aliases, for "the minister said".
	roleWords map[*inquest.Person][]string
}

// NewEngine prepares an engine for opt. The engine is safe for concurrent use:
// Extract keeps all per-document state on its own stack.
func NewEngine(opt Options) *Engine {
	e := &Engine{opt: opt, names: newNameIndex(opt.People), roleWords: roleWordsOf(opt.People)}
	if len(opt.Claims) > 0 {
		e.stances = NewStanceMatcher(opt.Claims)
	}
	return e
}

// Extract is the convenience form of NewEngine(opt).Extract(text).
func Extract(text string, opt Options) Result {
	return NewEngine(opt).Extract(text)
}

// Extract runs the whole engine over one text with the engine's options.
func (e *Engine) Extract(text string) Result {
	return e.ExtractFor(text, e.opt.Lang, e.opt.Published)
}

// ExtractFor runs the engine over one text whose language and publication day
// differ from the engine's options (ingest reads sources of many dates).
// lang "" or "auto" detects the language from the text.
func (e *Engine) ExtractFor(text, lang string, published inquest.Date) Result {
	if lang == "" || lang == "auto" {
		lang = DetectLang(text)
	}
	d := newDocumentIn(documentPool.Get().(*document), text, lang, published, e)
	defer releaseDocument(d)
	res := Result{Lang: lang}
	res.Quotes = d.quotations()
	res.Figures = Figures(text, lang)
	res.Questions = d.attributeQuestions(Questions(text, lang), res.Quotes)
	if e.stances != nil {
		for i := range res.Quotes {
			q := &res.Quotes[i]
			q.Stances, q.StanceConfidence = e.stances.stancesIn(q.Text, func() string { return d.context(q.Span) }, lang)
		}
	}
	if res.Quotes == nil {
		res.Quotes = []Quote{}
	}
	if res.Figures == nil {
		res.Figures = []Figure{}
	}
	if res.Questions == nil {
		res.Questions = []Question{}
	}
	return res
}
