package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// newsText builds about size bytes of news-like text, half English and half
// Russian, from sentence patterns with numbers, dates and plain prose, so the
// benchmarks measure the engine on the mix it meets.
func newsText(size int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	en := []string{
		"The ministry said on %d January that %d people had been detained in the city.",
		"According to officials, more than %d,%03d protesters gathered near the main square.",
		"The report, published on page %d, did not explain why the troops were called in.",
		"Witnesses described the night as chaotic, with shooting heard across several districts.",
		"Under Article %d of the treaty, the alliance sent about %d peacekeepers.",
		"Lawyers for the families said the investigation had stalled and asked for an independent inquiry.",
		"At least %d police officers were injured and %d vehicles were burned, the statement said.",
		"The prosecutor declined to comment on the allegations of torture in custody.",
		"Why did the authorities wait %d days before publishing the list of the dead?",
		"In %d the parliament adopted amendments that critics called cosmetic.",
		"The opposition leader, who lives abroad, called the hearings a show staged for foreign diplomats.",
		"Residents of the southern districts told reporters they had not been warned about the curfew.",
		"The minister's spokesman promised that the findings would be made public once the review was complete.",
		"Human rights groups have repeatedly asked for access to the detention facilities, without success.",
		"Several independent outlets were blocked during the first week, and mobile internet remained patchy.",
	}
	ru := []string{
		"По данным министерства, %d января было задержано более %d человек.",
		"Около %d тыс. военнослужащих прибыли в страну для охраны стратегических объектов.",
		"Адвокаты заявили, что расследование затягивается, а родственники не получают ответов.",
		"В соответствии со статьей %d договора решение было принято единогласно.",
		"В результате беспорядков погибли %d человек, в том числе %d сотрудников полиции.",
		"Прокуратура сообщила, что возбуждено свыше %d уголовных дел по фактам пыток.",
		"Журналисты спросили, почему списки погибших до сих пор не опубликованы?",
		"Восемь человек скончались в местах лишения свободы, сообщил омбудсмен.",
		"Митинг продолжался несколько часов, после чего участники разошлись.",
		"В течение %d дней в городе действовал режим чрезвычайного положения.",
		"Правозащитники неоднократно просили допустить их в следственные изоляторы, но получали отказ.",
		"Жители окраин рассказали журналистам, что узнали о комендантском часе из социальных сетей.",
		"Представитель ведомства пообещал, что результаты проверки будут обнародованы после её завершения.",
		"Оппозиционный политик, проживающий за рубежом, назвал слушания спектаклем для иностранных дипломатов.",
		"Независимые издания были заблокированы в первые дни, а мобильный интернет работал с перебоями.",
	}
	var b strings.Builder
	b.Grow(size + 256)
	for b.Len() < size {
		set := en
		if rng.IntN(2) == 1 {
			set = ru
		}
		for p := 0; p < 4 && b.Len() < size; p++ {
			tmpl := set[rng.IntN(len(set))]
			args := make([]any, strings.Count(tmpl, "%"))
			for i := range args {
				args[i] = 1 + rng.IntN(999)
			}
			fmt.Fprintf(&b, tmpl, args...)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkFigures(b *testing.B) {
	text := newsText(512<<10, 1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	cpu0 := processCPU()
	for b.Loop() {
		n = len(Figures(text, "ru"))
	}
	reportCPUThroughput(b, cpu0, len(text))
	if n == 0 {
		b.Fatal("no figures found in the benchmark text")
	}
}

// reportCPUThroughput adds "cpu-MB/s": megabytes per second of CPU time the
// process spent in the loop, GC included.
func reportCPUThroughput(b *testing.B, cpu0 time.Duration, size int) {
	cpu := processCPU() - cpu0
	if cpu0 == 0 || cpu <= 0 {
		return
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
}

func BenchmarkQuestions(b *testing.B) {
	text := newsText(512<<10, 2)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		Questions(text, "ru")
	}
	reportCPUThroughput(b, cpu0, len(text))
}

// TestNewsTextFigures keeps the benchmark honest: its text holds figures and
// the finder sees them.
func TestNewsTextFigures(t *testing.T) {
	text := newsText(64<<10, 3)
	figs := Figures(text, "ru")
	checkSpans(t, text, figs)
	if len(figs) < 50 {
		t.Errorf("found %d figures in %d bytes of generated news; want at least 50", len(figs), len(text))
	}
}
