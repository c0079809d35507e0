package benchgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Document is one generated news article as a file would hold it, for
// measuring ingest end to end (reading, extraction, storing).
type Document struct {
	Name      string
	Title     string
	Language  string
	Published time.Time
	Text      string
}

// Documents returns n distinct news-sized articles (about 5 KB of text each,
// English or Russian, with quotations, figures and questions the extraction
// engine finds), the same for the same seed. The speakers are named in the
// text only; the people stored by Generate are not needed.
func Documents(n int, seed uint64) []Document {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x2c3d)), opt: Options{PerSource: 24, Case: "docs"}}
	for i := range 60 { // actors the texts name, not stored
		fn, sn := firstNames[g.pick(len(firstNames))], surnames[g.pick(len(surnames))]
		g.actors = append(g.actors, actor{id: int64(i + 1), names: [2]string{fn.en + " " + sn.en, fn.ru + " " + sn.ru},
			office: offices[g.pick(len(offices))]})
	}
	g.claimIDs = []int64{1}
	out := make([]Document, 0, n)
	for i := range n {
		var b batch
		g.source(&b, 1, i, 1<<30)
		s := b.sources[0]
		// Articles end differently, so that no two share their bytes.
		text := s.Text + fmt.Sprintf("\n%s, %s. Article %d.\n", s.Publisher, strings.TrimSpace(string(s.Published)), i+1)
		day, _ := time.Parse("2006-01-02", string(s.Published))
		out = append(out, Document{Name: fmt.Sprintf("news-%06d.txt", i+1), Title: s.Title, Language: s.Language, Published: day, Text: text})
	}
	return out
}
