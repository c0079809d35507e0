package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var updateFigures = flag.Bool("update-figures", false, "rewrite testdata/figures/*.golden.json from Figures")

// wantFigure is what a test expects of one figure; empty fields are not checked.
type wantFigure struct {
	value     float64
	valueMax  float64
	text      string
	qualifier string
	measure   string
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		lang string
		in   string
		want []wantFigure
	}{
		{"digits with comma groups and a predicate", "en",
			"Police said 1,200 protesters were arrested on Monday.",
			[]wantFigure{{value: 1200, text: "1,200 protesters were arrested on Monday", measure: "detainees"}}},
		{"qualifier and security deaths", "en",
			"At least 12 soldiers died in the clashes, the ministry said.",
			[]wantFigure{{value: 12, text: "At least 12 soldiers died in the clashes", qualifier: "at least", measure: "security-force deaths"}}},
		{"thousand as a word", "en",
			"He spoke of 300 thousand armed men in the regions.",
			[]wantFigure{{value: 300000, text: "300 thousand armed men in the regions"}}},
		{"million with a decimal point and money", "en",
			"The fund paid out 1.5 million tenge.",
			[]wantFigure{{value: 1.5e6, text: "1.5 million tenge", measure: "money"}}},
		{"currency sign", "en",
			"The bank lost $4 million in the riots.",
			[]wantFigure{{value: 4e6, text: "$4 million", measure: "money"}}},
		{"spaced thousands and about", "en",
			"Around 2 500 troops from the alliance landed.",
			[]wantFigure{{value: 2500, text: "Around 2 500 troops from the alliance landed", qualifier: "about", measure: "troops"}}},
		{"narrow no-break space groups", "ru",
			"Задержаны 7\u202f300 человек.",
			[]wantFigure{{value: 7300, text: "Задержаны 7\u202f300 человек", measure: "detainees"}}},
		{"no-break space groups", "ru",
			"Около 4\u00a0000 военнослужащих прибыли.",
			[]wantFigure{{value: 4000, qualifier: "about", measure: "troops"}}},
		{"range with a hyphen", "en",
			"Witnesses said 15-20 people had died in custody.",
			[]wantFigure{{value: 15, valueMax: 20, text: "15-20 people had died in custody", measure: "deaths in custody"}}},
		{"range with between", "en",
			"Between 200 and 230 people were killed.",
			[]wantFigure{{value: 200, valueMax: 230, text: "Between 200 and 230 people were killed", measure: "deaths"}}},
		{"range sharing its scale", "ru",
			"На площадь вышли 5-6 тысяч человек.",
			[]wantFigure{{value: 5000, valueMax: 6000, text: "5-6 тысяч человек"}}},
		{"a series of revised values is not a range", "en",
			"The official death toll was revised from 147 to 212 to 240 within a year.",
			[]wantFigure{{value: 147, text: "death toll was revised from 147", measure: "deaths"},
				{value: 212, text: "death toll was revised from 147 to 212", measure: "deaths"},
				{value: 240, text: "death toll was revised from 147 to 212 to 240", measure: "deaths"}}},
		{"range with from and to", "en",
			"Witnesses said from 300 to 400 people took part.",
			[]wantFigure{{value: 300, valueMax: 400, text: "from 300 to 400 people took part"}}},
		{"number words", "en",
			"Five journalists were detained and seven regions saw rallies.",
			[]wantFigure{{value: 5, text: "Five journalists were detained", measure: "detainees"}, {value: 7, text: "seven regions saw rallies"}}},
		{"fewer than a number word", "en",
			"Fewer than ten people gathered in the square.",
			[]wantFigure{{value: 10, qualifier: "less than", text: "Fewer than ten people gathered in the square"}}},
		{"one person, in a list", "en",
			"Two inmates died in one prison, four in the north and one person in the capital.",
			[]wantFigure{{value: 2, text: "Two inmates died"}, {value: 4, text: "four in the north"}, {value: 1, text: "one person in the capital"}}},
		{"number with only a predicate", "en",
			"Of these, 640 were taken into custody.",
			[]wantFigure{{value: 640, text: "640 were taken into custody", measure: "detainees"}}},
		{"counted noun before the number", "en",
			"The tally of people detained came close to 8,000.",
			[]wantFigure{{value: 8000, text: "people detained came close to 8,000", qualifier: "almost", measure: "detainees"}}},
		{"count after a colon", "en",
			"Detentions so far: 9,900.",
			[]wantFigure{{value: 9900, text: "Detentions so far: 9,900", measure: "detainees"}}},
		{"count after a dash", "ru",
			"Число погибших – 225.",
			[]wantFigure{{value: 225, text: "погибших – 225", measure: "deaths"}}},
		{"parenthesised exact count", "en",
			"Nearly 12,000 people (11,874) joined the march.",
			[]wantFigure{{value: 12000, text: "Nearly 12,000 people"}, {value: 11874, text: "Nearly 12,000 people (11,874)"}}},
		{"quoted counted word", "en",
			`He said 9,000 "extremists" had come from abroad.`,
			[]wantFigure{{value: 9000, text: `9,000 "extremists" had come from abroad`, measure: "attackers"}}},
		{"a strong contingent", "en",
			"A 2,500-strong CSTO contingent guarded the airport.",
			[]wantFigure{{value: 2500, text: "2,500-strong CSTO contingent guarded the airport", measure: "troops"}}},
		{"counts of them with a predicate", "en",
			"At least 1,000 people were injured, 400 of them hospitalised.",
			[]wantFigure{{value: 1000, measure: "injured"}, {value: 400, text: "400 of them hospitalised"}}},
		{"of before the number", "en",
			"Officials confirmed the deaths of 97 civilians.",
			[]wantFigure{{value: 97, text: "deaths of 97 civilians", measure: "deaths"}}},
		{"criminal cases", "en",
			"More than 900 criminal cases were opened.",
			[]wantFigure{{value: 900, qualifier: "more than", measure: "criminal cases"}}},
		{"relative clause after a comma", "en",
			"Only 40 of them, 2214 people, who were fined in court, appealed.",
			[]wantFigure{{value: 2214, text: "2214 people, who were fined in court"}}},
		{"russian qualifier and scale", "ru",
			"По данным МВД, более 5 тысяч человек было задержано.",
			[]wantFigure{{value: 5000, text: "более 5 тысяч человек было задержано", qualifier: "more than", measure: "detainees"}}},
		{"russian decimal comma with тыс.", "ru",
			"Около 2,5 тыс. военнослужащих прибыли в страну.",
			[]wantFigure{{value: 2500, qualifier: "about", measure: "troops"}}},
		{"russian inflected number words", "ru",
			"Следствие установило вину восьми задержанных, а двух человек отпустили.",
			[]wantFigure{{value: 8, text: "восьми задержанных"}, {value: 2, text: "двух человек отпустили"}}},
		{"russian one with a person noun", "ru",
			"В изоляторе умер один задержанный, ещё одного человека госпитализировали.",
			[]wantFigure{{value: 1, text: "умер один задержанный", measure: "deaths"}, {value: 1, text: "одного человека госпитализировали"}}},
		{"russian verb before the number", "ru",
			"В ходе беспорядков погибли 173 человека.",
			[]wantFigure{{value: 173, text: "погибли 173 человека", measure: "deaths"}}},
		{"russian number after its noun", "ru",
			"Известно, что при штурме погибли сотрудники полиции 14, остальные ранены.",
			[]wantFigure{{value: 14, text: "погибли сотрудники полиции 14", measure: "security-force deaths"}}},
		{"russian свыше", "ru",
			"Возбуждено свыше 200 уголовных дел.",
			[]wantFigure{{value: 200, qualifier: "more than", measure: "criminal cases"}}},
		{"russian list with dashes", "ru",
			"Изъято 900 единиц оружия: 410 – автоматы, 320 – пистолеты.",
			[]wantFigure{{value: 900, text: "900 единиц оружия", measure: "weapons"}, {value: 410, text: "410 – автоматы"}, {value: 320, text: "320 – пистолеты"}}},
		{"russian place before a dash", "ru",
			"Больше всего людей погибло в Таразе – 61 человек.",
			[]wantFigure{{value: 61, text: "погибло в Таразе – 61 человек"}}},
		{"russian не менее", "ru",
			"Не менее 30 человек получили ранения.",
			[]wantFigure{{value: 30, qualifier: "at least", measure: "injured"}}},
		{"kazakh digits and death", "kk",
			"Оқиға кезінде 112 адам қаза тапты.",
			[]wantFigure{{value: 112, text: "112 адам қаза тапты", measure: "deaths"}}},
		{"kazakh мыңнан астам", "kk",
			"Полиция 3 мыңнан астам адамды ұстады.",
			[]wantFigure{{value: 3000, text: "3 мыңнан астам адамды ұстады", qualifier: "more than", measure: "detainees"}}},
		{"kazakh bare thousand", "kk",
			"Алаңға мыңнан астам адам жиналды.",
			[]wantFigure{{value: 1000, qualifier: "more than"}}},
		{"kazakh ten with an ending", "kk",
			"Оннан астам адам жараланды.",
			[]wantFigure{{value: 10, qualifier: "more than", measure: "injured"}}},
		{"kazakh number words", "kk",
			"Жиырма бес полицей жараланды.",
			[]wantFigure{{value: 25, measure: "injured"}}},
		{"kazakh сегіз", "kk",
			"Сегіз адам азаптаудан қаза тапты.",
			[]wantFigure{{value: 8, measure: "deaths in custody"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Figures(tt.in, tt.lang)
			checkSpans(t, tt.in, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Figures(%q) found %d: %s; want %d", tt.in, len(got), describeFigures(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Value != w.value || g.ValueMax != w.valueMax {
					t.Errorf("figure %d value = %v-%v; want %v-%v (%q)", i, g.Value, g.ValueMax, w.value, w.valueMax, g.Text)
				}
				if w.text != "" && g.Text != w.text {
					t.Errorf("figure %d text = %q; want %q", i, g.Text, w.text)
				}
				if w.qualifier != "" && g.Qualifier != w.qualifier {
					t.Errorf("figure %d (%q) qualifier = %q; want %q", i, g.Text, g.Qualifier, w.qualifier)
				}
				if w.measure != "" && g.Measure != w.measure {
					t.Errorf("figure %d (%q) measure = %q; want %q", i, g.Text, g.Measure, w.measure)
				}
				if g.Confidence <= 0 || g.Confidence > 1 {
					t.Errorf("figure %d confidence = %v; want in (0,1]", i, g.Confidence)
				}
			}
		})
	}
}

// TestFiguresNotCounts lists numbers that are not figures: dates, times,
// years, labels, durations, ages, shares, ordinals, codes and pronouns.
func TestFiguresNotCounts(t *testing.T) {
	tests := []struct{ lang, in string }{
		{"en", "The curfew began on January 5 and ended on 19 January 2022."},
		{"en", "In 2021 the law changed; by 2023 it was gone."},
		{"en", "Residents gathered at 17:20 and left at 6 pm."},
		{"en", "Under Article 4 of the treaty and paragraph 2 of the protocol."},
		{"en", "70 days after the events nothing was known; two years later neither."},
		{"en", "A 25-year-old man was detained; he was 31 years old."},
		{"en", "Turnout was 62% and 15 percent abstained."},
		{"en", "Roughly 1 in 10 had gunshot wounds."},
		{"en", "That is a rate of five per 100,000 residents."},
		{"en", "The 1st Army Corps and the 3rd battalion moved in."},
		{"en", "COVID-19 and Mi-8 helicopters; see page 12, chapter 3."},
		{"en", "Call +7 727 255 10 10 for details."},
		{"en", "One of them refused, the other one agreed, in a one-time deal."},
		{"en", "The two countries signed the deal after the three leaders met."},
		{"en", "State channel Khabar 24 reported the news."},
		{"en", "Thousands of people and dozens of officers were there."},
		{"en", "The report was dated 05.01.2022 and filed as No. 45."},
		{"en", "The session lasted three and a half hours."},
		{"en", "He divided the events into three waves and named two reasons."},
		{"ru", "Следствие длилось два с половиной года и прошло в три этапа."},
		{"ru", "Курс доллара – 435,5 тенге, бензин подорожал до 120,5 тенге."},
		{"ru", "Вечером 5 января президент выступил, а 10 января отчитался."},
		{"ru", "В соответствии со статьей 4 договора и ч. 2 ст. 272 УК РК."},
		{"ru", "В течение 10 дней и 3 месяцев позже; в 2022 году."},
		{"ru", "Одна из них сбежала; одним из тех, кто поддержал, был министр."},
		{"ru", "Сотни людей и несколько тысяч боевиков, по его словам."},
		{"ru", "Телеканал «Хабар 24» сообщил, что 5-й батальон прибыл."},
		{"kk", "2022 жылғы 5 қаңтарда 10 күн бойы төтенше жағдай болды."},
		{"kk", "Қылмыстық кодекстің 255-бабы бойынша."},
		{"kk", "16 жастағы жасөспірім сотталды."},
		{"kk", "Қаңтардың 5-і мен 6-сы аралығында ереуіл болды."},
		{"en", "Clashes on January 5 and 6 spread to the south."},
	}
	for _, tt := range tests {
		if got := Figures(tt.in, tt.lang); len(got) != 0 {
			t.Errorf("Figures(%q) = %s; want none", tt.in, describeFigures(got))
		}
	}
}

// TestFiguresCutText: a text cut inside the counted phrase does not say what
// the number counts.
func TestFiguresCutText(t *testing.T) {
	in := "Rioters burned 12 cars and 4 Interior Minis"
	got := Figures(in, "en")
	if len(got) != 1 || got[0].Value != 12 {
		t.Errorf("Figures(%q) = %s; want only 12 cars", in, describeFigures(got))
	}
}

func TestFiguresOffsetsAreCodePoints(t *testing.T) {
	in := "«Ёлки» — погибли 16 человек; 🚨 задержаны 5 000 человек."
	got := Figures(in, "ru")
	checkSpans(t, in, got)
	if len(got) != 2 {
		t.Fatalf("Figures(%q) = %s; want 2", in, describeFigures(got))
	}
	if got[1].Value != 5000 {
		t.Errorf("second figure = %v; want 5000", got[1].Value)
	}
}

// TestFiguresHugeNumbers: digit runs too long to be counts (codes, hashes)
// are not figures and never become infinite values.
func TestFiguresHugeNumbers(t *testing.T) {
	in := "Case 1234567890123456789012345678901234567890 people and " + strings.Repeat("9", 400) + " people."
	if got := Figures(in, "en"); len(got) != 0 {
		t.Errorf("Figures(long digit runs) = %s; want none", describeFigures(got))
	}
}

func TestFiguresInvalidUTF8(t *testing.T) {
	in := "Police detained \xff\xfe 300 people \xc3 in the city."
	got := Figures(in, "en")
	checkSpans(t, in, got)
	if len(got) != 1 || got[0].Value != 300 {
		t.Errorf("Figures(%q) = %s; want 300 people", in, describeFigures(got))
	}
}

// checkSpans asserts that every figure's span lies in text and that its Text
// is exactly the code points at the span.
func checkSpans(t *testing.T, text string, figs []Figure) {
	t.Helper()
	runes := []rune(text)
	for _, f := range figs {
		if f.Start < 0 || f.End > len(runes) || f.Start >= f.End {
			t.Fatalf("figure %q has span %d-%d outside the text of %d code points", f.Text, f.Start, f.End, len(runes))
		}
		if got := string(runes[f.Start:f.End]); got != f.Text {
			t.Fatalf("figure text %q but span %d-%d holds %q", f.Text, f.Start, f.End, got)
		}
	}
}

func describeFigures(figs []Figure) string {
	var b strings.Builder
	for i, f := range figs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(strings.TrimSpace(strings.Join([]string{f.Text, "=", ftoa(f.Value)}, " ")))
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

func ftoa(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestFiguresGolden runs Figures over longer texts written for this test in
// testdata/figures (NAME.txt, language in the name's suffix: NAME.en.txt) and
// compares with NAME.golden.json. Run with -update-figures to rewrite them
// after a deliberate change, and read the diff.
func TestFiguresGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "figures", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/figures/*.txt")
	}
	for _, path := range files {
		base := strings.TrimSuffix(path, ".txt")
		lang := strings.TrimPrefix(filepath.Ext(base), ".")
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := Figures(string(text), lang)
		checkSpans(t, string(text), got)
		out, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, '\n')
		golden := base + ".golden.json"
		if *updateFigures {
			if err := os.WriteFile(golden, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run TestFiguresGolden -update-figures to create it)", err)
		}
		if string(want) != string(out) {
			t.Errorf("%s: figures differ from %s:\n got: %s", path, golden, out)
		}
	}
}

func FuzzFigures(f *testing.F) {
	for _, s := range []string{
		"more than 5,000 people were detained", "около 2,5 тыс. военнослужащих", "5 мыңнан астам адам",
		"almost 37,000 people (36,831)", "погибли от рук преступников 16 и", "501 – нарезной, 807 – гладкоствольный",
		"15-20 people", "between 1 and", "(5)", "$", "2 000 000 000 000 000 000 000 человек", "\xff1\xfe000 people",
		"one person", "Сегіз адам", "twenty-", "5-", "1,", "1 2 3 4 5",
	} {
		f.Add(s, "en")
		f.Add(s, "ru")
		f.Add(s, "kk")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		figs := Figures(s, lang)
		runes := []rune(s)
		for _, fg := range figs {
			if fg.Start < 0 || fg.End > len(runes) || fg.Start >= fg.End {
				t.Fatalf("span %d-%d outside %d code points", fg.Start, fg.End, len(runes))
			}
			if string(runes[fg.Start:fg.End]) != fg.Text {
				t.Fatalf("text %q but span holds %q", fg.Text, string(runes[fg.Start:fg.End]))
			}
			if fg.Confidence <= 0 || fg.Confidence > 1 || !utf8.ValidString(fg.Text) {
				t.Fatalf("bad figure %+v", fg)
			}
			if _, err := json.Marshal(fg); err != nil {
				t.Fatalf("figure %+v does not encode: %v", fg, err)
			}
		}
	})
}
