package extract

import "github.com/inquest-project/inquest"

// attributeQuestions completes the questions the question finder found: who
// asked and when from the quotation that holds each question (its speaker
// asked it), and people-file ids for the asker and the addressee, resolving
// a title ("the Prosecutor General") by the day asked.
func (d *document) attributeQuestions(qs []Question, quotes []Quote) []Question {
	for i := range qs {
		q := &qs[i]
		for _, qt := range quotes {
			if q.Start >= qt.Start && q.End <= qt.End+1 {
				if q.Asker == "" {
					q.Asker, q.AskerID = qt.Speaker, qt.SpeakerID
				}
				if q.AskedOn == "" {
					q.AskedOn = qt.SaidOn
				}
				break
			}
		}
		day := q.AskedOn
		if day == "" {
			day = d.published
		}
		if q.Asker != "" && q.AskerID == "" {
			q.Asker, q.AskerID = d.resolvePhrase(q.Asker, day)
		}
		if q.Addressee != "" && q.AddresseeID == "" {
			q.Addressee, q.AddresseeID = d.resolvePhrase(q.Addressee, day)
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
	st := &state{mentioned: map[*inquest.Person]bool{}}
	for _, m := range d.mentions {
		if m.w.person != nil {
			st.mentioned[m.w.person] = true
		}
	}
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
