package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// cpuTime is the process's user and system time: on a machine shared with
// other work, MB per CPU second measures the engine where wall time cannot.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-MB/s metric for n bytes processed per op since start.
func reportCPU(b *testing.B, start time.Duration, n int) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}

// syntheticNews writes about n bytes of news-like text: paragraphs of
// reporting with quotations, speakers, titles, dates and numbers, in English
// and Russian, generated from a fixed seed (no corpus text).
func syntheticNews(n int) string {
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	enNames := []string{"Daniyar Bekov", "Bekov", "Olga Smirnova", "the Prosecutor General", "the interior minister", "Aliya Nurova", "a local official", "Mr Tulegenov"}
	enVerbs := []string{"said", "told reporters", "added", "stressed", "noted", "insisted"}
	enWords := strings.Fields("the investigation into the events of January continues and officials say that many people were detained in several cities while lawyers and relatives of detainees demand an independent inquiry into allegations of torture and the use of force against peaceful protesters in the main square")
	ruNames := []string{"Беков", "генпрокурор", "министр внутренних дел Тулегенов", "Ольга Смирнова", "адвокат Иванов"}
	ruVerbs := []string{"заявил", "сказал", "отметил", "сообщил", "подчеркнул"}
	ruWords := strings.Fields("расследование январских событий продолжается и по данным ведомства в нескольких городах были задержаны люди а адвокаты и родственники задержанных требуют независимого расследования сообщений о пытках и применении силы против мирных протестующих на центральной площади")
	months := []string{"January", "February", "March"}
	ruMonths := []string{"января", "февраля", "марта"}
	sentence := func(words []string, k int) string {
		var b strings.Builder
		for i := 0; i < k; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		s := b.String()
		// Capitalise the first letter, not the first byte: cutting a
		// Cyrillic letter in two made the text invalid UTF-8, which news
		// text never is (inquest extract refuses it), and sent every pass
		// down its slow path for broken bytes.
		_, n := utf8.DecodeRuneInString(s)
		return strings.ToUpper(s[:n]) + s[n:]
	}
	var b strings.Builder
	for b.Len() < n {
		// about a third of the paragraphs of a news report quote someone
		switch rng.IntN(12) {
		case 0:
			fmt.Fprintf(&b, "On %s %d, %s %s: “%s. %s.”\n\n", pick(months), 1+rng.IntN(28), pick(enNames), pick(enVerbs), sentence(enWords, 12), sentence(enWords, 9))
		case 1:
			fmt.Fprintf(&b, "“%s,” %s %s. “%s.”\n\n", sentence(enWords, 10), pick(enNames), pick(enVerbs), sentence(enWords, 14))
		case 2, 3, 4:
			fmt.Fprintf(&b, "%s. %s said that %d people had been detained and %s. %s.\n\n", sentence(enWords, 15), pick(enNames), 100+rng.IntN(9000), sentence(enWords, 8), sentence(enWords, 11))
		case 5:
			fmt.Fprintf(&b, "«%s», — %s %s. %d %s %s.\n\n", sentence(ruWords, 11), pick(ruVerbs), pick(ruNames), 1+rng.IntN(28), pick(ruMonths), sentence(ruWords, 9))
		case 6:
			fmt.Fprintf(&b, "По словам %s, %s. %s «%s».\n\n", "Бекова", sentence(ruWords, 10), sentence(ruWords, 6), sentence(ruWords, 8))
		case 7:
			fmt.Fprintf(&b, "— %s, — %s %s. — %s.\n\n", sentence(ruWords, 9), pick(ruVerbs), pick(ruNames), sentence(ruWords, 7))
		case 8, 9:
			fmt.Fprintf(&b, "%s, %s. %s. %s.\n\n", sentence(enWords, 14), sentence(enWords, 9), sentence(enWords, 17), sentence(enWords, 12))
		default:
			fmt.Fprintf(&b, "%s %d %s %s. %s, %s.\n\n", sentence(ruWords, 9), 1+rng.IntN(28), pick(ruMonths), sentence(ruWords, 6), sentence(ruWords, 13), sentence(ruWords, 8))
		}
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	text := syntheticNews(1 << 20)
	eng := NewEngine(Options{People: testPeople(), Published: "2022-03-20"})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		eng.Extract(text)
	}
	reportCPU(b, start, len(text))
}

// BenchmarkQuotations measures this file's part alone: quotations, speakers
// and dates, without figures, questions and stances.
func BenchmarkQuotations(b *testing.B) {
	text := syntheticNews(1 << 20)
	eng := NewEngine(Options{People: testPeople(), Published: "2022-03-20"})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		d := newDocumentIn(documentPool.Get().(*document), text, "en", "2022-03-20", eng)
		d.quotations()
		releaseDocument(d)
	}
	reportCPU(b, start, len(text))
}

// BenchmarkExtractWithClaims adds stance suggestions for three claims.
func BenchmarkExtractWithClaims(b *testing.B) {
	text := syntheticNews(1 << 20)
	claims := []*inquest.Claim{
		{Slug: "foreign-fighters", Text: "Foreign fighters took part in the unrest.", Texts: map[string]string{"ru": "В беспорядках участвовали иностранные боевики."}},
		{Slug: "torture", Text: "Detainees were tortured.", Texts: map[string]string{"ru": "Задержанных пытали."}},
		{Slug: "force", Text: "Police used force against peaceful protesters.", Texts: map[string]string{"ru": "Полиция применяла силу против мирных протестующих."}},
	}
	eng := NewEngine(Options{People: testPeople(), Claims: claims, Published: "2022-03-20"})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		eng.Extract(text)
	}
	reportCPU(b, start, len(text))
}
