package extract

import (
	"maps"
	"testing"

	"github.com/inquest-project/inquest"
)

// stanceTestClaims are claims of an imagined case, written for these tests,
// in English and Russian only, as claims files usually are.
func stanceTestClaims() []*inquest.Claim {
	return []*inquest.Claim{
		{Slug: "foreign-fighters", Text: "Foreign militants took part in the unrest.",
			Texts: map[string]string{"ru": "В беспорядках участвовали иностранные боевики."}},
		{Slug: "coup", Text: "The unrest was an attempted coup.",
			Texts: map[string]string{"ru": "Беспорядки были попыткой государственного переворота."}},
		{Slug: "torture", Text: "Detainees were tortured on a mass scale.",
			Texts: map[string]string{"ru": "Задержанных массово пытали."}},
		{Slug: "troops-fired", Text: "Troops fired on peaceful protesters.",
			Texts: map[string]string{"ru": "Военные стреляли по мирным протестующим."}},
		{Slug: "no-peacekeepers-in-combat", Text: "CSTO peacekeepers did not take part in combat.",
			Texts: map[string]string{"ru": "Миротворцы ОДКБ не участвовали в боевых действиях."}},
	}
}

type stanceCase struct {
	name    string
	lang    string
	quote   string
	context string
	want    map[string]inquest.StanceKind
}

var (
	stanceSup = inquest.Supports
	stanceDen = inquest.Denies
)

func stanceFF(k inquest.StanceKind) map[string]inquest.StanceKind {
	return map[string]inquest.StanceKind{"foreign-fighters": k}
}

var stanceCases = []stanceCase{
	// Plain support.
	{"support en", "en", "Armed foreign mercenaries took part in the attacks on the city.", "", stanceFF(stanceSup)},
	{"support, from other countries en", "en", "Militants from Central Asian countries attacked the city.", "", stanceFF(stanceSup)},
	{"support, from other countries ru", "ru", "На город напали боевики из центральноазиатских стран.", "", stanceFF(stanceSup)},
	{"support ru", "ru", "В нападениях на город участвовали иностранные наемники.", "", stanceFF(stanceSup)},
	{"support kk", "kk", "Қалаға шабуылға шетелдік содырлар қатысқан.", "", stanceFF(stanceSup)},
	{"support of a coup en", "en", "Those people tried to seize power by force.", "",
		map[string]inquest.StanceKind{"coup": stanceSup}},
	{"support of a coup ru", "ru", "Это была попытка захвата власти, подготовленная заранее.", "",
		map[string]inquest.StanceKind{"coup": stanceSup}},
	{"support of a coup kk", "kk", "Бұл билікті басып алуға жасалған әрекет болды.", "",
		map[string]inquest.StanceKind{"coup": stanceSup}},
	{"support of torture kk", "kk", "Тергеу изоляторында ұсталғандарды азаптады.", "",
		map[string]inquest.StanceKind{"torture": stanceSup}},

	// Plain denial.
	{"denial en", "en", "There were no foreign fighters in the city.", "", stanceFF(stanceDen)},
	{"denial ru", "ru", "Никаких иностранных боевиков в городе не было.", "", stanceFF(stanceDen)},
	{"denial kk", "kk", "Қалада шетелдік содырлар болған жоқ.", "", stanceFF(stanceDen)},
	{"denial of a predicate en", "en", "Foreign militants did not take part in the riots.", "", stanceFF(stanceDen)},
	{"denial of a predicate ru", "ru", "Иностранные боевики не участвовали в беспорядках.", "", stanceFF(stanceDen)},
	{"denial of a predicate kk", "kk", "Шетелдік содырлар тәртіпсіздікке қатыспады.", "", stanceFF(stanceDen)},
	{"denial of identity en", "en", "The militants were local, they were not foreign.", "", stanceFF(stanceDen)},
	{"denial of identity kk", "kk", "Олар шетелдік содырлар емес еді.", "", stanceFF(stanceDen)},
	{"absence ru", "ru", "Иностранные боевики в беспорядках отсутствовали.", "", stanceFF(stanceDen)},
	{"admission ru", "ru", "Министр признал, что в беспорядках участвовали иностранные боевики.", "", stanceFF(stanceSup)},
	{"denial verb, object first ru", "ru", "Участие иностранных боевиков министр отрицает.", "", stanceFF(stanceDen)},
	{"denial of torture ru", "ru", "Фактов пыток в изоляторах не выявлено.", "",
		map[string]inquest.StanceKind{"torture": stanceDen}},
	{"denial of firing en", "en", "The soldiers did not fire a single shot at the protesters.", "",
		map[string]inquest.StanceKind{"troops-fired": stanceDen}},
	// "Not a single shot" is said of the peacekeepers, not of all troops: it
	// does not deny that troops fired on protesters.
	{"a negative claim is supported by a denial", "ru", "Миротворцы ОДКБ не сделали ни одного выстрела и в боях не участвовали.", "",
		map[string]inquest.StanceKind{"no-peacekeepers-in-combat": stanceSup}},
	{"losses among them", "ru", "Потерь среди миротворцев ОДКБ нет, миссия завершена.", "", nil},
	{"no evidence of them", "ru", "Доказательств участия иностранных боевиков нет.", "", stanceFF(stanceDen)},

	// A negation in another clause does not flip the stance.
	{"other clause en", "en", "Foreign militants attacked the airport, and the police did not manage to stop them.", "", stanceFF(stanceSup)},
	{"other clause ru", "ru", "Иностранные боевики напали на аэропорт, но полиция не смогла их остановить.", "", stanceFF(stanceSup)},
	{"other clause kk", "kk", "Шетелдік содырлар әуежайға шабуыл жасады, бірақ полиция оларды тоқтата алмады.", "", stanceFF(stanceSup)},
	{"not only", "en", "Not only local bandits but also foreign militants took part.", "", stanceFF(stanceSup)},

	// Double negation.
	{"double negation en", "en", "It is not true that there were no foreign militants.", "", stanceFF(stanceSup)},
	{"double negation ru", "ru", "Неправда, что иностранных боевиков не было.", "", stanceFF(stanceSup)},
	{"double negation kk", "kk", "Шетелдік содырлар болған жоқ деген сөз өтірік.", "", stanceFF(stanceSup)},
	{"cannot deny", "en", "We cannot deny that foreign militants took part.", "", stanceFF(stanceSup)},
	{"negated opinion en", "en", "I don't think there was any coup attempt.", "",
		map[string]inquest.StanceKind{"coup": stanceDen}},
	{"negated opinion ru", "ru", "Я не считаю, что это была попытка переворота.", "",
		map[string]inquest.StanceKind{"coup": stanceDen}},

	// Denying a companion takes the thing itself for granted.
	{"no talks with militants en", "en", "There will be no talks with the foreign militants, only their surrender.", "", nil},
	{"no talks with militants ru", "ru", "Никаких переговоров с иностранными боевиками не будет.", "", nil},
	{"no talks with militants kk", "kk", "Шетелдік содырлармен ешқандай келіссөз болмайды.", "", nil},
	{"no evidence of militants", "en", "There is no evidence of foreign militants in the city.", "", stanceFF(stanceDen)},
	{"not confirmed ru", "ru", "Информация об участии иностранных боевиков не подтвердилась.", "", stanceFF(stanceDen)},
	{"found no confirmation ru", "ru", "Версия о попытке госпереворота не нашла подтверждения.", "",
		map[string]inquest.StanceKind{"coup": stanceDen}},
	{"participle with жоқ kk", "kk", "Шетелдік содырлар тәртіпсіздікке қатысқан жоқ.", "", stanceFF(stanceDen)},
	// "Did not fire a single shot" is said of its subject only: it does not
	// deny that troops fired on protesters.
	{"participle with жоқ, restricted kk", "kk", "ҰҚШҰ бітімгерлері бірде-бір оқ атқан жоқ.", "",
		map[string]inquest.StanceKind{"no-peacekeepers-in-combat": stanceSup}},
	{"passive, not absence ru", "ru", "Иностранные боевики не были задержаны полицией.", "", stanceFF(stanceSup)},
	{"not there ru", "ru", "Иностранные боевики в городе не были, это выдумка.", "", stanceFF(stanceDen)},
	{"sentenced for ru", "ru", "Суд приговорил его к десяти годам за попытку захвата власти.", "", nil},

	// Verbs of denial and verdicts of falsehood.
	{"denial verb en", "en", "The ministry denied that foreign militants took part.", "", stanceFF(stanceDen)},
	{"denial verb ru", "ru", "Министерство опровергло участие иностранных боевиков.", "", stanceFF(stanceDen)},
	{"denial verb kk", "kk", "Министрлік шетелдік содырлардың қатысуын жоққа шығарды.", "", stanceFF(stanceDen)},
	{"falsehood in the next sentence ru", "ru", "Говорят, что в беспорядках участвовали иностранные боевики. Это ложь.", "", stanceFF(stanceDen)},
	{"falsehood after a denial en", "en", "Troops never fired on peaceful protesters. All claims to the contrary are lies.", "",
		map[string]inquest.StanceKind{"troops-fired": stanceDen}},

	// Unrelated topics: no stance.
	{"unrelated en", "en", "The price of bread has doubled since the spring.", "", nil},
	{"unrelated ru", "ru", "Цены на хлеб выросли вдвое с весны.", "", nil},
	{"unrelated kk", "kk", "Көктемнен бері нанның бағасы екі есе өсті.", "", nil},
	{"half the claim en", "en", "The militants have not laid down their arms.", "", nil},
	{"half the claim ru", "ru", "Группы террористов захватили оружейные магазины.", "", nil},
	{"foreign, but not fighters", "en", "This is neither the first nor the last case of foreign interference.", "", nil},
	{"troops, but not fighting", "en", "The CSTO peacekeepers guarded the power stations.", "", nil},

	// A claim that names who acted needs a quotation that names them.
	{"no agent", "en", "Dozens of peaceful protesters were killed in the unrest.", "", nil},
	{"agent", "en", "Soldiers killed dozens of peaceful protesters.", "",
		map[string]inquest.StanceKind{"troops-fired": stanceSup}},
	{"agent after by", "en", "Dozens of peaceful protesters were killed by soldiers.", "",
		map[string]inquest.StanceKind{"troops-fired": stanceSup}},
	{"doers among the dead", "en", "Dozens of protesters and several soldiers were killed.", "", nil},
	{"doers among the dead ru", "ru", "Убиты десятки протестующих и несколько военных.", "", nil},
	// What the claim joins must be said together, not set against each other.
	{"contrast en", "en", "Several soldiers were shot, but the number of protesters hurt is unknown.", "", nil},
	{"contrast ru", "ru", "Несколько военных были застрелены, однако о протестующих данных нет.", "", nil},
	// Denying the degree denies the claim that asserts it.
	{"not widespread", "en", "Some detainees were tortured, but torture was not widespread.", "",
		map[string]inquest.StanceKind{"torture": stanceDen}},

	// Not asserted: threatened, aimed at, asked, charged, ordered.
	{"asked about", "en", "When asked about foreign militants in the city, the minister smiled.", "", nil},
	{"ordered", "en", "He ordered the troops to shoot protesters without warning.", "", nil},
	{"complaints", "ru", "Поступило 90 жалоб о пытках задержанных.", "", nil},
	{"must en", "en", "Troops must not fire on peaceful protesters.", "", nil},
	{"must ru", "ru", "Военные должны прекратить стрелять по мирным протестующим.", "", nil},
	{"must kk", "kk", "Әскерилер бейбіт шерушілерге оқ атпауы тиіс.", "", nil},
	{"purpose kk", "kk", "Шетелдік содырлар билікті басып алу үшін шабуыл жасады.", "", stanceFF(stanceSup)},
	{"cannot confirm", "en", "I cannot confirm that foreign militants took part.", "", nil},
	{"neither confirm nor deny", "en", "I can neither confirm nor deny that foreign militants took part.", "", nil},
	{"no one denies", "en", "No one denies that foreign militants took part.", "", stanceFF(stanceSup)},
	{"urge", "en", "We urge the authorities to investigate the torture of detainees.", "", nil},
	{"a threat", "en", "There is a threat of attacks by foreign militants.", "", nil},
	{"a question", "en", "Were foreign militants involved in the riots?", "", nil},
	{"a charge en", "en", "He was convicted of an attempted coup.", "", nil},
	{"a charge ru", "ru", "Возбуждены уголовные дела о попытке захвата власти.", "", nil},
	{"a version", "ru", "Версия о попытке переворота обсуждается в обществе.", "", nil},
	{"a purpose", "en", "They came in order to seize power.", "", nil},

	// The claim is named only around the quotation.
	{"context only", "en", "We will never forget those days.",
		"Asked about foreign militants, the minister said: We will never forget those days.", nil},
	{"pronoun denial en", "en", "They were not there.",
		"Asked whether foreign militants took part, the minister replied: They were not there.", stanceFF(stanceDen)},
	{"pronoun denial ru", "ru", "Их не было.",
		"На вопрос об иностранных боевиках министр ответил: «Их не было».", stanceFF(stanceDen)},
	{"pronoun denial kk", "kk", "Олар болған жоқ.",
		"Шетелдік содырлар туралы сұраққа министр: «Олар болған жоқ», – деп жауап берді.", stanceFF(stanceDen)},
	{"pronoun with two claims before it", "en", "They were not there.",
		"Asked about foreign militants and about CSTO peacekeepers in combat, he said: They were not there.", nil},
	{"pronoun, context after the quote", "en", "They were not there.",
		"He said: They were not there. Later foreign militants were blamed.", nil},
}

func TestStances(t *testing.T) {
	m := NewStanceMatcher(stanceTestClaims())
	for _, tc := range stanceCases {
		t.Run(tc.name, func(t *testing.T) {
			got, conf := m.Stances(tc.quote, tc.context, tc.lang)
			want := tc.want
			if want == nil {
				want = map[string]inquest.StanceKind{}
			}
			if !maps.Equal(got, want) {
				t.Errorf("Stances(%q) = %v (confidence %v), want %v", tc.quote, got, conf, want)
			}
			for slug, c := range conf {
				if c < stanceMinConfidence || c > 1 {
					t.Errorf("confidence of %s = %v, want in [%v, 1]", slug, c, stanceMinConfidence)
				}
				if _, ok := got[slug]; !ok {
					t.Errorf("confidence for %s without a stance", slug)
				}
			}
		})
	}
}

// TestStancesWrapper checks that the single-call form gives what the matcher
// gives, and notices claims that changed between calls.
func TestStancesWrapper(t *testing.T) {
	claims := stanceTestClaims()
	q := "There were no foreign fighters in the city."
	got, _ := Stances(q, "", "en", claims)
	if want := stanceFF(stanceDen); !maps.Equal(got, want) {
		t.Fatalf("Stances = %v, want %v", got, want)
	}
	claims[0].Text = "Foreign journalists were expelled."
	claims[0].Texts = nil
	got, _ = Stances(q, "", "en", claims)
	if len(got) != 0 {
		t.Errorf("after the claim changed, Stances = %v, want none", got)
	}
}

// TestStancesLiteralClaim: a claim whose words the lexicon does not know is
// still matched by its own words, in its own language.
func TestStancesLiteralClaim(t *testing.T) {
	claims := []*inquest.Claim{{Slug: "toll-concealed", Text: "The authorities concealed the death toll."}}
	m := NewStanceMatcher(claims)
	for _, tc := range []struct {
		quote string
		want  inquest.StanceKind
	}{
		{"The authorities have concealed the real death toll for months.", stanceSup},
		{"The authorities never concealed the death toll.", stanceDen},
		{"The weather was cold.", ""},
	} {
		got, _ := m.Stances(tc.quote, "", "en")
		if got["toll-concealed"] != tc.want {
			t.Errorf("Stances(%q) = %v, want %q", tc.quote, got, tc.want)
		}
	}
}

// TestStancesOtherCase: claims of another case, about things the lexicon
// knows only in part or not at all, are matched by their own words too.
func TestStancesOtherCase(t *testing.T) {
	m := NewStanceMatcher([]*inquest.Claim{
		{Slug: "journalists-detained", Text: "Journalists were detained for covering the protests.",
			Texts: map[string]string{"ru": "Журналистов задерживали за освещение протестов."}},
		{Slug: "election-falsified", Text: "The election results were falsified."},
	})
	for _, tc := range []struct {
		quote string
		want  map[string]inquest.StanceKind
	}{
		{"Police detained three journalists who were covering the rally.",
			map[string]inquest.StanceKind{"journalists-detained": stanceSup}},
		{"Полиция задержала журналистов, которые снимали митинг.",
			map[string]inquest.StanceKind{"journalists-detained": stanceSup}},
		{"Police detained hundreds of protesters.", nil},
		{"No journalist was detained during the protests.",
			map[string]inquest.StanceKind{"journalists-detained": stanceDen}},
		{"The election results were falsified, observers say.",
			map[string]inquest.StanceKind{"election-falsified": stanceSup}},
		{"The results were not falsified.",
			map[string]inquest.StanceKind{"election-falsified": stanceDen}},
		{"The election took place in March.", nil},
		{"The weather in the capital was cold.", nil},
	} {
		got, _ := m.Stances(tc.quote, "", "")
		want := tc.want
		if want == nil {
			want = map[string]inquest.StanceKind{}
		}
		if !maps.Equal(got, want) {
			t.Errorf("Stances(%q) = %v, want %v", tc.quote, got, want)
		}
	}
}

func TestStancesNoClaims(t *testing.T) {
	got, conf := Stances("Foreign militants took part.", "", "en", nil)
	if got == nil || conf == nil || len(got) != 0 || len(conf) != 0 {
		t.Errorf("with no claims, Stances = %v, %v; want two empty maps", got, conf)
	}
	var m *StanceMatcher
	if got, _ := m.Stances("x", "", "en"); len(got) != 0 {
		t.Errorf("nil matcher: %v", got)
	}
}

func FuzzStances(f *testing.F) {
	for _, tc := range stanceCases {
		f.Add(tc.quote, tc.context)
	}
	f.Add("", "")
	f.Add("n't not no нет жоқ емес «", "…?!")
	m := NewStanceMatcher(stanceTestClaims())
	f.Fuzz(func(t *testing.T, quote, context string) {
		got, conf := m.Stances(quote, context, "")
		for slug, k := range got {
			if k != inquest.Supports && k != inquest.Denies {
				t.Errorf("stance %q on %s", k, slug)
			}
			if c := conf[slug]; c < stanceMinConfidence || c > 1 {
				t.Errorf("confidence %v on %s", c, slug)
			}
		}
		// A claim made of the fuzzed text compiles too.
		Stances(context, quote, "", []*inquest.Claim{{Slug: "x", Text: quote, Texts: map[string]string{"ru": context}}})
	})
}

// BenchmarkStances measures one quotation with its paragraph against a
// compiled set of claims, the orchestrator's unit of work. Quotations without
// a context of their own get a paragraph made of their neighbours.
func BenchmarkStances(b *testing.B) {
	m := NewStanceMatcher(stanceTestClaims())
	type input struct{ quote, context, lang string }
	var inputs []input
	var bytes int
	for i, tc := range stanceCases {
		ctx := tc.context
		if ctx == "" {
			prev := stanceCases[(i+len(stanceCases)-1)%len(stanceCases)].quote
			next := stanceCases[(i+1)%len(stanceCases)].quote
			ctx = prev + " The minister added: “" + tc.quote + "” " + next
		}
		inputs = append(inputs, input{tc.quote, ctx, tc.lang})
		bytes += len(tc.quote) + len(ctx)
	}
	b.SetBytes(int64(bytes / len(inputs)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in := &inputs[i%len(inputs)]
		m.Stances(in.quote, in.context, in.lang)
		i++
	}
}

func TestStanceLastSentences(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"One. Two. Three said: “", " Two. Three said: “"},
		{"One. Two. Three.", " Two. Three."},
		{"Only one, with no end", "Only one, with no end"},
		{"A. B.\n\nC: ", " B.\n\nC: "},
		{"", ""},
	} {
		if got := stanceLastSentences(tc.text, 2); got != tc.want {
			t.Errorf("stanceLastSentences(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestStancesConcurrent: one matcher serves many goroutines (run with -race).
func TestStancesConcurrent(t *testing.T) {
	m := NewStanceMatcher(stanceTestClaims())
	claims := stanceTestClaims()
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for _, tc := range stanceCases {
				m.Stances(tc.quote, tc.context, tc.lang)
				Stances(tc.quote, tc.context, tc.lang, claims)
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestStancesClaimPlaceNames: a claim that names its place ("in Dornach",
// "at the Koltsov plant") is still addressed by quotations that do not repeat
// the name; abuse in police stations is ill-treatment in custody; "no choice
// but to shoot" is no denial; shooting unarmed people is shooting at the
// protesters a claim speaks of.
func TestStancesClaimPlaceNames(t *testing.T) {
	m := NewStanceMatcher([]*inquest.Claim{
		{Slug: "shots", Text: "Soldiers fired live rounds at demonstrators in Dornach.",
			Texts: map[string]string{"ru": "Солдаты стреляли боевыми патронами по демонстрантам в Дорнахе."}},
		{Slug: "custody", Text: "Detainees were ill-treated in custody at the Koltsov plant.",
			Texts: map[string]string{"ru": "Задержанных на заводе Кольцова подвергали жестокому обращению."}},
	})
	for _, tc := range []struct {
		quote string
		want  map[string]inquest.StanceKind
	}{
		{"The soldiers had no choice but to fire live rounds at the demonstrators.",
			map[string]inquest.StanceKind{"shots": stanceSup}},
		{"Солдаты стреляли по безоружным людям у вокзала.",
			map[string]inquest.StanceKind{"shots": stanceSup}},
		{"Солдаты не стреляли по демонстрантам.",
			map[string]inquest.StanceKind{"shots": stanceDen}},
		{"Дорнах — красивый город.", nil},
		{"Тех, кого задержали, избивали в отделениях.",
			map[string]inquest.StanceKind{"custody": stanceSup}},
		{"Ни один задержанный не подвергался насилию.",
			map[string]inquest.StanceKind{"custody": stanceDen}},
		{"The Koltsov plant will reopen next year.", nil},
	} {
		got, _ := m.Stances(tc.quote, "", "")
		want := tc.want
		if want == nil {
			want = map[string]inquest.StanceKind{}
		}
		if !maps.Equal(got, want) {
			t.Errorf("Stances(%q) = %v, want %v", tc.quote, got, want)
		}
	}
}

// TestStancesClaimInAnotherLanguage: a claim written in English and Russian
// is still read in a Kazakh quotation through the lexicon's concepts, which
// then must include what the claim says was done; warnings ignored and
// deaths concealed are concepts of inquiries into disasters.
func TestStancesClaimInAnotherLanguage(t *testing.T) {
	m := NewStanceMatcher([]*inquest.Claim{
		{Slug: "unheeded", Text: "The factory owners ignored fire-safety warnings before the blaze.",
			Texts: map[string]string{"ru": "Владельцы фабрики игнорировали предупреждения о пожарной опасности до пожара."}},
	})
	for _, tc := range []struct {
		lang, quote string
		want        map[string]inquest.StanceKind
	}{
		{"kk", "Иелері өрт инспекторларының ескертулерін елемеді.", map[string]inquest.StanceKind{"unheeded": stanceSup}},
		{"kk", "Инспекторлар бірнеше рет ескерту жасады.", nil},
		{"en", "The owners ignored every warning the inspectors wrote before the blaze at the factory.",
			map[string]inquest.StanceKind{"unheeded": stanceSup}},
		{"en", "The inspectors issued two warnings.", nil},
	} {
		got, _ := m.Stances(tc.quote, "", tc.lang)
		want := tc.want
		if want == nil {
			want = map[string]inquest.StanceKind{}
		}
		if !maps.Equal(got, want) {
			t.Errorf("Stances(%q, %s) = %v, want %v", tc.quote, tc.lang, got, want)
		}
	}
}

// TestStancesThirdOfTheWords: when the lexicon knows what a claim is about
// and what is done, a third of its other words will do; fewer is not enough.
func TestStancesThirdOfTheWords(t *testing.T) {
	m := NewStanceMatcher([]*inquest.Claim{
		{Slug: "unheeded", Text: "The dam operator ignored structural warnings from engineers before the flood.",
			Texts: map[string]string{"ru": "Оператор плотины игнорировал предупреждения инженеров о конструкции до наводнения."}},
	})
	for _, tc := range []struct {
		quote string
		want  map[string]inquest.StanceKind
	}{
		{"The operator ignored every warning the engineers sent.", map[string]inquest.StanceKind{"unheeded": stanceSup}},
		{"Оператор плотины оставил эти предупреждения без ответа.", map[string]inquest.StanceKind{"unheeded": stanceSup}},
		{"Someone ignored the warnings.", nil},
	} {
		got, _ := m.Stances(tc.quote, "", "")
		want := tc.want
		if want == nil {
			want = map[string]inquest.StanceKind{}
		}
		if !maps.Equal(got, want) {
			t.Errorf("Stances(%q) = %v, want %v", tc.quote, got, want)
		}
	}
}
