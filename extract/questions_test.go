package extract

import (
	"testing"
	"unicode/utf8"
)

func TestQuestions(t *testing.T) {
	type want struct{ text, addressee string }
	tests := []struct {
		name string
		lang string
		in   string
		want []want
	}{
		{"plain question in a paragraph", "en",
			"The report was thin. Why did the ministry wait three days before it answered? Nobody knows.",
			[]want{{"Why did the ministry wait three days before it answered?", ""}}},
		{"question in a quotation with an addressee", "en",
			`A deputy asked the Minister of Defence: “Who gave the order to open fire on the crowd?”`,
			[]want{{"Who gave the order to open fire on the crowd?", "Minister of Defence"}}},
		{"question after a statement inside one quotation", "en",
			`He replied: "Nothing happened there. Where did you read such a thing?"`,
			[]want{{"Where did you read such a thing?", ""}}},
		{"straight quotes after asked of", "en",
			`She asked of the Interior Minister: "How many people are still held without charge?"`,
			[]want{{"How many people are still held without charge?", "Interior Minister"}}},
		{"asked a named person", "en",
			`The deputy asked Berik Asylov: "Who will answer for the torture of detainees?"`,
			[]want{{"Who will answer for the torture of detainees?", "Berik Asylov"}}},
		{"short fragments are skipped", "en",
			"Why? Who knows? The vote was delayed.", nil},
		{"a question mark in a link is not a question", "en",
			"See https://example.org/page?id=5 for the full list of the names.", nil},
		{"russian with спросил у", "ru",
			"Журналист спросил у генпрокурора: «Почему списки погибших до сих пор не опубликованы?»",
			[]want{{"Почему списки погибших до сих пор не опубликованы?", "генпрокурора"}}},
		{"russian обратился к", "ru",
			"Депутат обратился к министру внутренних дел. «Кто ответит за пытки задержанных?» — спросил он.",
			[]want{{"Кто ответит за пытки задержанных?", ""}}},
		{"russian dash speech", "ru",
			"Адвокат задал вопрос суду.\n— Где доказательства участия моего подзащитного в беспорядках?",
			[]want{{"Где доказательства участия моего подзащитного в беспорядках?", ""}}},
		{"russian quotation nested inside a question", "ru",
			"Почему операция «Антитеррор» длилась так долго?",
			[]want{{"Почему операция «Антитеррор» длилась так долго?", ""}}},
		{"kazakh question with particle", "kk",
			"Депутат Бас прокурорға сұрақ қойды: «Шетелдік содырлар болды ма?»",
			[]want{{"Шетелдік содырлар болды ма?", "Бас прокурорға"}}},
		{"kazakh неге", "kk",
			"Неге тергеу нәтижелері әлі жарияланбаған?",
			[]want{{"Неге тергеу нәтижелері әлі жарияланбаған?", ""}}},
		{"two questions in a row", "en",
			"What did the committee know in advance? Why were the troops called in so fast?",
			[]want{{"What did the committee know in advance?", ""}, {"Why were the troops called in so fast?", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Questions(tt.in, tt.lang)
			checkQuestionSpans(t, tt.in, got)
			if len(got) != len(tt.want) {
				var texts []string
				for _, q := range got {
					texts = append(texts, q.Text)
				}
				t.Fatalf("Questions(%q) = %q; want %d", tt.in, texts, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Text != w.text {
					t.Errorf("question %d = %q; want %q", i, got[i].Text, w.text)
				}
				if got[i].Addressee != w.addressee {
					t.Errorf("question %d addressee = %q; want %q", i, got[i].Addressee, w.addressee)
				}
				if c := got[i].Confidence; c <= 0 || c > 1 {
					t.Errorf("question %d confidence = %v", i, c)
				}
			}
		})
	}
}

// TestQuestionsAddresseeRaisesConfidence: a question put to a named office is
// more certainly a question to an official than one without.
func TestQuestionsAddresseeRaisesConfidence(t *testing.T) {
	with := Questions(`An MP asked the Prosecutor General: "Why were the names of the dead never published?"`, "en")
	without := Questions(`Why were the names of the dead never published?`, "en")
	if len(with) != 1 || len(without) != 1 {
		t.Fatalf("found %d and %d questions; want 1 and 1", len(with), len(without))
	}
	if with[0].Confidence <= without[0].Confidence {
		t.Errorf("confidence with addressee %v <= without %v", with[0].Confidence, without[0].Confidence)
	}
}

func checkQuestionSpans(t *testing.T, text string, qs []Question) {
	t.Helper()
	runes := []rune(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(runes) || q.Start >= q.End {
			t.Fatalf("question %q has span %d-%d outside %d code points", q.Text, q.Start, q.End, len(runes))
		}
		if got := string(runes[q.Start:q.End]); got != q.Text {
			t.Fatalf("question text %q but span holds %q", q.Text, got)
		}
	}
}

func FuzzQuestions(f *testing.F) {
	for _, s := range []string{
		`He asked the Minister: "Why was the order given?"`, "«Почему?» — спросил он у министра. Почему так долго?",
		"\n— Где доказательства участия моего подзащитного?", "a?b", "???", "\xff? why why why why?", "“ ” « » ?",
		"Mr. Smith, why did you wait so long?", "Неге тергеу әлі аяқталмаған?",
	} {
		f.Add(s, "en")
		f.Add(s, "ru")
		f.Add(s, "kk")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		qs := Questions(s, lang)
		runes := []rune(s)
		prevEnd := 0
		for _, q := range qs {
			if q.Start < prevEnd || q.End > len(runes) || q.Start >= q.End {
				t.Fatalf("span %d-%d (previous end %d) outside %d code points", q.Start, q.End, prevEnd, len(runes))
			}
			if string(runes[q.Start:q.End]) != q.Text {
				t.Fatalf("text %q but span holds %q", q.Text, string(runes[q.Start:q.End]))
			}
			if !utf8.ValidString(q.Text) || q.Confidence <= 0 || q.Confidence > 1 {
				t.Fatalf("bad question %+v", q)
			}
			prevEnd = q.End
		}
	})
}
