package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// FuzzExtract checks that the engine never panics and that every span it
// returns lies inside the text, in order, and holds exactly the text given.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"“We will not give up,” Bekov said on Friday.",
		"«Первая часть, — сказал он. — Вторая часть».",
		"— Никакой армии не было, — сказал генпрокурор. — Мы проверили.",
		"\"Open quote\n\nnext paragraph\" - said someone.",
		"«Вложенные «кавычки «три» уровня» и конец»",
		"“unclosed quotation running to the end",
		"ALMATY, March 5 (Reuters) - “Text here for the test,” he said.",
		"‘single ’ apostrophes’ won’t break “it”.",
		"10 ақпанда Беков «Тергеу толығымен аяқталды», – деді.",
		"— \n—\n« »\n\"\"\n“”",
		"По словам Бекова, «все задержанные получили доступ к адвокатам».",
	}
	for _, s := range seeds {
		f.Add(s, "2022-03-10")
	}
	eng := NewEngine(Options{People: testPeople()})
	f.Fuzz(func(t *testing.T, text string, published string) {
		if !utf8.ValidString(text) {
			return
		}
		pub := inquestDate(published)
		res := eng.ExtractFor(text, "", pub)
		runes := []rune(text)
		check := func(kind string, sp Span, got string) {
			if sp.Start < 0 || sp.End > len(runes) || sp.Start > sp.End {
				t.Fatalf("%s span %d..%d outside [0, %d]", kind, sp.Start, sp.End, len(runes))
			}
			if string(runes[sp.Start:sp.End]) != got {
				t.Fatalf("%s span %d..%d holds %q, text is %q", kind, sp.Start, sp.End, string(runes[sp.Start:sp.End]), got)
			}
		}
		for _, q := range res.Quotes {
			check("quote", q.Span, q.Text)
			if q.SpeakerSpan.End > 0 {
				ss := q.SpeakerSpan
				if ss.Start < 0 || ss.End > len(runes) || ss.Start > ss.End {
					t.Fatalf("speaker span %d..%d outside the text", ss.Start, ss.End)
				}
			}
			if err := q.SaidOn.Validate(); err != nil {
				t.Fatalf("said_on %q: %v", q.SaidOn, err)
			}
		}
		for _, fg := range res.Figures {
			check("figure", fg.Span, fg.Text)
		}
		for _, qs := range res.Questions {
			check("question", qs.Span, qs.Text)
		}
	})
}

// inquestDate keeps a fuzzed publication day only when it is a real day.
func inquestDate(s string) inquest.Date {
	d, err := inquest.ParseDate(s)
	if err != nil {
		return ""
	}
	return d
}
