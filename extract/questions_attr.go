package extract

import (
	"sort"

	"github.com/inquest-project/inquest"
)

// attributeQuestions completes the questions the question finder found: who
// asked and when from the quotation that holds each question (its speaker
// asked it), and people-file ids for the asker and the addressee, resolving
// a title ("the Prosecutor General") by the day asked.
func (d *document) attributeQuestions(qs []Question, quotes []Quote) []Question {
	resolved := map[string][2]string{}
	for i := range qs {
		q := &qs[i]
		// quotations are in text order and do not overlap: the one that may
		// hold the question is the last starting at or before it
		k := sort.Search(len(quotes), func(j int) bool { return quotes[j].Start > q.Start }) - 1
		if k >= 0 && q.End <= quotes[k].End+1 {
			qt := &quotes[k]
			if q.Asker == "" {
				q.Asker, q.AskerID = qt.Speaker, qt.SpeakerID
			}
			if q.AskedOn == "" {
				q.AskedOn = qt.SaidOn
			}
		}
		day := q.AskedOn
		if day == "" {
			day = d.published
		}
		lookup := func(phrase string) (string, string) {
			key := phrase + "\x00" + string(day)
			if r, ok := resolved[key]; ok {
				return r[0], r[1]
			}
			name, id := d.resolvePhrase(phrase, day)
			resolved[key] = [2]string{name, id}
			return name, id
		}
		if q.Asker != "" && q.AskerID == "" {
			q.Asker, q.AskerID = lookup(q.Asker)
		}
		if q.Addressee != "" && q.AddresseeID == "" {
			q.Addressee, q.AddresseeID = lookup(q.Addressee)
		}
	}
	return qs
}

// resolvePhrase looks a name or title up in the people file: the person's
// name and id when found, else the phrase unchanged and no id.
func (d *document) resolvePhrase(phrase string, day inquest.Date) (string, string) {
	if len(d.eng.names.byKey) == 0 && len(d.eng.names.roles) == 0 {
		return phrase, ""
	}
	p := newDocument(phrase, d.lang, d.published, d.eng)
	if len(p.toks) == 0 {
		return phrase, ""
	}
	st := &state{mentioned: d.mentioned}
	c, ok := p.best(p.candidates(0, len(p.toks)), len(p.toks), true)
	if !ok || c.kind != kPerson && c.kind != kAlias {
		return phrase, ""
	}
	w := p.resolve(st, c, sentence{t0: 0, t1: len(p.toks)}, day)
	if w.id == "" {
		return phrase, ""
	}
	return w.name, w.id
}
