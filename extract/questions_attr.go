package extract

// attributeQuestions fills who asked and when for the questions the question
// finder found, from the quotation that holds each question (its speaker
// asked it) or, failing that, from the reporting clause of its sentence.
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
	}
	return qs
}
