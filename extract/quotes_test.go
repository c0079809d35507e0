package extract

import (
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

// testPeople is an invented people file: two prosecutors general who held
// the office one after the other, an interior minister and a president.
func testPeople() []*inquest.Person {
	return []*inquest.Person{
		{Slug: "bekov", Name: "Daniyar Bekov", Names: map[string]string{"ru": "Данияр Беков", "kk": "Данияр Беков"},
			Aliases: []string{"Bekov", "Беков"},
			Positions: []inquest.Position{{Title: "Prosecutor General", From: "2021-01-01", To: "2022-06-30",
				Aliases: []string{"the Prosecutor General", "генпрокурор", "генеральный прокурор", "Бас прокурор"}}}},
		{Slug: "smirnova", Name: "Olga Smirnova", Names: map[string]string{"ru": "Ольга Смирнова"},
			Aliases: []string{"Smirnova", "Смирнова"},
			Positions: []inquest.Position{{Title: "Prosecutor General", From: "2022-07-01",
				Aliases: []string{"the Prosecutor General", "генпрокурор", "генеральный прокурор"}}}},
		{Slug: "tulegenov", Name: "Yerzhan Tulegenov", Names: map[string]string{"ru": "Ержан Тулегенов", "kk": "Ержан Төлегенов"},
			Aliases: []string{"Tulegenov"},
			Positions: []inquest.Position{{Title: "Minister of Internal Affairs", From: "2020-01-01",
				Aliases: []string{"the interior minister", "министр внутренних дел", "Ішкі істер министрі"}}}},
		{Slug: "dosov", Name: "Arman Dosov", Names: map[string]string{"ru": "Арман Досов", "kk": "Арман Досов"},
			Aliases: []string{"Dosov", "Досов"},
			Positions: []inquest.Position{{Title: "President", From: "2019-01-01",
				Aliases: []string{"the President", "President", "Head of State", "глава государства", "Мемлекет басшысы", "Президент"}}}},
	}
}

type wantQuote struct {
	text    string // the quotation, or its beginning followed by "…"
	speaker string // the speaker as printed
	id      string
	role    string
	saidOn  inquest.Date
}

func checkQuotes(t *testing.T, text string, opt Options, want []wantQuote) {
	t.Helper()
	res := Extract(text, opt)
	if len(res.Quotes) != len(want) {
		var got []string
		for _, q := range res.Quotes {
			got = append(got, q.Text+" ["+q.Speaker+"]")
		}
		t.Fatalf("got %d quotations %q, want %d", len(res.Quotes), got, len(want))
	}
	runes := []rune(text)
	for i, w := range want {
		q := res.Quotes[i]
		if string(runes[q.Start:q.End]) != q.Text {
			t.Errorf("quote %d: span %d..%d holds %q, text is %q", i, q.Start, q.End, string(runes[q.Start:q.End]), q.Text)
		}
		if prefix, ok := strings.CutSuffix(w.text, "…"); ok {
			if !strings.HasPrefix(q.Text, prefix) {
				t.Errorf("quote %d: got %q, want it to start %q", i, q.Text, prefix)
			}
		} else if q.Text != w.text {
			t.Errorf("quote %d: got %q, want %q", i, q.Text, w.text)
		}
		if q.Speaker != w.speaker || q.SpeakerID != w.id || q.SpeakerRole != w.role {
			t.Errorf("quote %d %q: got speaker %q id %q role %q, want %q id %q role %q", i, q.Text, q.Speaker, q.SpeakerID, q.SpeakerRole, w.speaker, w.id, w.role)
		}
		if q.SaidOn != w.saidOn {
			t.Errorf("quote %d %q: said on %q, want %q", i, q.Text, q.SaidOn, w.saidOn)
		}
	}
}

func TestQuotesEnglish(t *testing.T) {
	people := testPeople()
	tests := []struct {
		name      string
		text      string
		published inquest.Date
		want      []wantQuote
	}{
		{"speaker after, named in the file",
			"“We will publish the name of every victim,” Bekov said.", "",
			[]wantQuote{{"We will publish the name of every victim", "Daniyar Bekov", "bekov", "", ""}}},
		{"the one told is not the speaker; the apposition's head is",
			"One witness, a retired teacher, told us: “The soldiers came at night and took my neighbours away.”", "",
			[]wantQuote{{"The soldiers came at night and took my neighbours away.", "witness", "", "", ""}}},
		{"his spokesman is someone new, not the one named before",
			"Bekov has not commented. His spokesman said the minister “had acted on the advice he was given”.", "",
			[]wantQuote{{"had acted on the advice he was given", "spokesman", "", "", ""}}},
		{"the body named in full before speaks as 'the Office'",
			"The Office of the State Auditor published its findings. “Four contracts were signed without any tender at all,” the Office said.", "",
			[]wantQuote{{"Four contracts were signed without any tender at all", "Office of the State Auditor", "", "", ""}}},
		{"speaker before with a colon",
			"Bekov said: “The investigation is nearly complete and the report will follow.”", "",
			[]wantQuote{{"The investigation is nearly complete and the report will follow.", "Daniyar Bekov", "bekov", "", ""}}},
		{"broken by the attribution",
			"“The numbers are final,” Bekov told reporters, “and nobody will change them again.”", "",
			[]wantQuote{{"The numbers are final", "Daniyar Bekov", "bekov", "", ""}, {"and nobody will change them again.", "Daniyar Bekov", "bekov", "", ""}}},
		{"pronoun back to the last person",
			"Daniyar Bekov spoke for an hour. “There was never an order to shoot at anyone,” he said.", "",
			[]wantQuote{{"There was never an order to shoot at anyone", "Daniyar Bekov", "bekov", "", ""}}},
		{"several paragraphs, each opened",
			"“The first part of the long statement is here.\n\n“The second part goes on with the same statement,” Tulegenov said.", "",
			[]wantQuote{{"The first part of the long statement is here.…", "Yerzhan Tulegenov", "tulegenov", "", ""}}},
		{"role title resolved by the date said",
			"On March 3, the Prosecutor General told deputies: “Nobody was tortured in our custody.”", "2022-03-10",
			[]wantQuote{{"Nobody was tortured in our custody.", "Daniyar Bekov", "bekov", "Prosecutor General", "2022-03-03"}}},
		{"the same title later belongs to the successor",
			"On August 3, the Prosecutor General told deputies: “Nobody was tortured in our custody.”", "2022-09-10",
			[]wantQuote{{"Nobody was tortured in our custody.", "Olga Smirnova", "smirnova", "Prosecutor General", "2022-08-03"}}},
		{"according to an organisation not in the file",
			"According to Amnesty International, “the authorities have failed to investigate a single case.”", "",
			[]wantQuote{{"the authorities have failed to investigate a single case.", "Amnesty International", "", "", ""}}},
		{"unknown person after the verb, with an apposition",
			"“We were beaten every night in the cells,” said Aliya Nurova, a former detainee.", "",
			[]wantQuote{{"We were beaten every night in the cells", "Aliya Nurova", "", "", ""}}},
		{"scare quotes and names of things are not statements",
			"Officials called the protesters “bandits”. The so-called “Operation Clean Streets Plan” began, and the newspaper “Evening News of the Capital” reported on it.", "",
			nil},
		{"headline with the speaker after a dash",
			"“We did not fire a single shot” – Bekov\n\nThe prosecutor spoke on Monday.", "",
			[]wantQuote{{"We did not fire a single shot", "Daniyar Bekov", "bekov", "", ""}}},
		{"subject of the sentence before a colon",
			"Smirnova, for her part, disagreed with this version: “The figures are simply wrong.”", "",
			[]wantQuote{{"The figures are simply wrong.", "Olga Smirnova", "smirnova", "", ""}}},
		{"on Friday counted back from publication",
			"“We will not give up on the families,” Bekov said on Friday.", "2022-03-10",
			[]wantQuote{{"We will not give up on the families", "Daniyar Bekov", "bekov", "", "2022-03-04"}}},
		{"dateline",
			"ALMATY, March 5 (Reuters) - The city is calm.\n\n“The curfew is lifted from tomorrow morning,” Tulegenov said.", "2022-03-06",
			[]wantQuote{{"The curfew is lifted from tomorrow morning", "Yerzhan Tulegenov", "tulegenov", "", "2022-03-05"}}},
		{"attribution in the next sentence",
			"“Everything is under control in the city now.” This was stated by Tulegenov at a briefing.", "",
			[]wantQuote{{"Everything is under control in the city now.", "Yerzhan Tulegenov", "tulegenov", "", ""}}},
		{"a body speaks",
			"“A number of strategic sites are now guarded,” the defence ministry said.", "",
			[]wantQuote{{"A number of strategic sites are now guarded", "defence ministry", "", "", ""}}},
		{"today is the publication day",
			"Speaking today, Dosov said: “The state of emergency ends at midnight tonight.”", "2022-01-20",
			[]wantQuote{{"The state of emergency ends at midnight tonight.", "Arman Dosov", "dosov", "", "2022-01-20"}}},
		{"no day in the text: said_on stays unknown",
			"“We owe the families the truth about every death,” Bekov said.", "2022-03-10",
			[]wantQuote{{"We owe the families the truth about every death", "Daniyar Bekov", "bekov", "", ""}}},
		{"paragraph of speech carried over from the speaker before",
			"“The first answer is simple,” Smirnova said.\n\n“The second answer will take longer to give.”", "",
			[]wantQuote{{"The first answer is simple", "Olga Smirnova", "smirnova", "", ""}, {"The second answer will take longer to give.", "Olga Smirnova", "smirnova", "", ""}}},
		{"straight quotes",
			`"Our officers acted within the law at all times," the interior minister said.`, "2022-02-01",
			[]wantQuote{{"Our officers acted within the law at all times", "Yerzhan Tulegenov", "tulegenov", "Minister of Internal Affairs", ""}}},
		{"a participle clause between subject and verb",
			"Dosov, speaking at the opening of the session, said: “The reforms will not be stopped by anyone.”", "",
			[]wantQuote{{"The reforms will not be stopped by anyone.", "Arman Dosov", "dosov", "", ""}}},
		{"a possessive name is not the speaker",
			"Dosov’s spokesman Ruslan Aliyev said: “The president has read every report himself.”", "",
			[]wantQuote{{"The president has read every report himself.", "Ruslan Aliyev", "", "", ""}}},
		{"an indefinite role is someone new",
			"“The first answer is simple,” Bekov said.\n\nA spokesman for the ministry said: “We have nothing to add to that.”", "",
			[]wantQuote{{"The first answer is simple", "Daniyar Bekov", "bekov", "", ""}, {"We have nothing to add to that.", "spokesman for the ministry", "", "", ""}}},
		{"an indefinite spokesman telling an agency",
			"“We have nothing to hide from anyone,” a spokesman for the prosecutor’s office told AFP.", "",
			[]wantQuote{{"We have nothing to hide from anyone", "spokesman for the prosecutor’s office", "", "", ""}}},
		{"according to after the quotation",
			"“The curfew will remain in place until further notice,” according to Dosov.", "",
			[]wantQuote{{"The curfew will remain in place until further notice", "Arman Dosov", "dosov", "", ""}}},
		{"a body named by its acronym",
			"The KNB said: “All the suspects have been handed over to the court.”", "",
			[]wantQuote{{"All the suspects have been handed over to the court.", "KNB", "", "", ""}}},
		{"a date inside what was reported is not the day said",
			"Bekov said that on January 5 “armed groups seized the airport of the city”.", "2022-03-10",
			[]wantQuote{{"armed groups seized the airport of the city", "Daniyar Bekov", "bekov", "", ""}}},
		{"subject of the sentence before, when it reports nobody",
			"“The first answer is simple,” Bekov said.\n\nSmirnova was blunt. “Nobody will be forgiven for this crime.”", "",
			[]wantQuote{{"The first answer is simple", "Daniyar Bekov", "bekov", "", ""}, {"Nobody will be forgiven for this crime.", "Olga Smirnova", "smirnova", "", ""}}},
		{"a name before its apposition",
			"Aliya Nurova, head of the families' committee, said that “the list of the dead is still incomplete”.", "",
			[]wantQuote{{"the list of the dead is still incomplete", "Aliya Nurova", "", "", ""}}},
		{"the statement speaks for the body that issued it",
			"The ombudsman's office said in a statement that it had received many complaints. “Every case must be investigated without delay,” the statement said.", "",
			[]wantQuote{{"Every case must be investigated without delay", "ombudsman's office", "", "", ""}}},
		{"earlier: the dateline does not date it",
			"ALMATY, May 4 - The trial opened.\n\nBekov had earlier said: “The trial will be open to the press and the public.”", "2022-05-04",
			[]wantQuote{{"The trial will be open to the press and the public.", "Daniyar Bekov", "bekov", "", ""}}},
		{"relative day counted from the dateline",
			"ALMATY, May 4 - The trial opened.\n\n“The trial will be open to the press and the public,” Bekov said on Tuesday.", "2022-05-09",
			[]wantQuote{{"The trial will be open to the press and the public", "Daniyar Bekov", "bekov", "", "2022-05-03"}}},
		{"abbreviated month",
			"On Jan. 7, Bekov said: “The airport is back under the control of the police.”", "2022-01-20",
			[]wantQuote{{"The airport is back under the control of the police.", "Daniyar Bekov", "bekov", "", "2022-01-07"}}},
		{"single quotes nested in double",
			"Bekov said: “They told me ‘go home now’ and I went home at once.”", "",
			[]wantQuote{{"They told me ‘go home now’ and I went home at once.", "Daniyar Bekov", "bekov", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkQuotes(t, tt.text, Options{Lang: "en", Published: tt.published, People: people}, tt.want)
		})
	}
}

func TestQuotesRussian(t *testing.T) {
	people := testPeople()
	tests := []struct {
		name      string
		text      string
		published inquest.Date
		want      []wantQuote
	}{
		{"speaker after a dash",
			"«Мы не применяли оружие против мирных граждан», — заявил Беков.", "",
			[]wantQuote{{"Мы не применяли оружие против мирных граждан", "Daniyar Bekov", "bekov", "", ""}}},
		{"speaker before a colon",
			"Беков заявил: «Расследование будет завершено в ближайшие недели».", "",
			[]wantQuote{{"Расследование будет завершено в ближайшие недели", "Daniyar Bekov", "bekov", "", ""}}},
		{"a quotation in marks broken by a dashed attribution is two",
			"«Проверка показала, что насосы не работали неделю, — заявил Беков. — Виновные будут названы поимённо».", "",
			[]wantQuote{{"Проверка показала, что насосы не работали неделю", "Daniyar Bekov", "bekov", "", ""},
				{"Виновные будут названы поимённо", "Daniyar Bekov", "bekov", "", ""}}},
		{"a dash the speaker used cuts nothing",
			"«Первые десять обвинений — это только начало», — сказал Беков.", "",
			[]wantQuote{{"Первые десять обвинений — это только начало", "Daniyar Bekov", "bekov", "", ""}}},
		{"the day of what the person did in the paragraph before",
			"Генпрокурор Данияр Беков вчера встретился с семьями погибших.\n\n«Мы назовём каждого, кто отдавал приказы», — сказал Беков.", "2022-03-10",
			[]wantQuote{{"Мы назовём каждого, кто отдавал приказы", "Daniyar Bekov", "bekov", "", "2022-03-09"}}},
		{"dash speech broken by the attribution, title by date",
			"— Никакой иностранной армии здесь не было, — сказал генпрокурор. — Мы проверили каждый случай отдельно.", "2022-03-20",
			[]wantQuote{{"Никакой иностранной армии здесь не было", "Daniyar Bekov", "bekov", "Prosecutor General", ""},
				{"Мы проверили каждый случай отдельно.", "Daniyar Bekov", "bekov", "Prosecutor General", ""}}},
		{"по словам with the name inflected",
			"По словам Бекова, «все задержанные получили доступ к адвокатам».", "",
			[]wantQuote{{"все задержанные получили доступ к адвокатам", "Daniyar Bekov", "bekov", "", ""}}},
		{"feminine verb",
			"«Мы будем работать открыто и честно», — отметила Смирнова.", "",
			[]wantQuote{{"Мы будем работать открыто и честно", "Olga Smirnova", "smirnova", "", ""}}},
		{"date in the sentence, office and name",
			"14 марта министр внутренних дел Тулегенов сообщил: «Ситуация полностью под контролем полиции».", "2022-03-20",
			[]wantQuote{{"Ситуация полностью под контролем полиции", "Yerzhan Tulegenov", "tulegenov", "", "2022-03-14"}}},
		{"yesterday",
			"Вчера Беков заявил: «Мы передадим все материалы в суд».", "2022-03-20",
			[]wantQuote{{"Мы передадим все материалы в суд", "Daniyar Bekov", "bekov", "", "2022-03-19"}}},
		{"unknown lawyer keeps his name",
			"«Моего подзащитного пытали три дня подряд», — рассказал адвокат Иванов.", "",
			[]wantQuote{{"Моего подзащитного пытали три дня подряд", "Иванов", "", "", ""}}},
		{"name of a channel is no quotation",
			"Об этом сообщил телеканал «Новости нашего города сегодня».", "", nil},
		{"nested quotation stays inside",
			"«Он сказал мне: „Уходи отсюда быстро“, и я сразу ушёл домой», — рассказал свидетель.", "",
			[]wantQuote{{"Он сказал мне: „Уходи отсюда быстро“, и я сразу ушёл домой", "свидетель", "", "", ""}}},
		{"headline",
			"«Иностранных боевиков не было вообще» – Беков\n\nГенпрокурор выступил в парламенте.", "",
			[]wantQuote{{"Иностранных боевиков не было вообще", "Daniyar Bekov", "bekov", "", ""}}},
		{"closed only at the end of the last paragraph",
			"\"Первая часть длинного заявления звучит так.\n\nВторая часть того же самого заявления\", - сказал Беков.", "",
			[]wantQuote{{"Первая часть длинного заявления звучит так.\n\nВторая часть того же самого заявления", "Daniyar Bekov", "bekov", "", ""}}},
		{"on Friday",
			"В пятницу Беков сказал журналистам: «Работа продолжается круглосуточно и без выходных».", "2022-03-10",
			[]wantQuote{{"Работа продолжается круглосуточно и без выходных", "Daniyar Bekov", "bekov", "", "2022-03-04"}}},
		{"pronoun after a dash",
			"Ольга Смирнова выступила в сенате.\n\n«Мы ответим на каждый запрос депутатов», — сказала она.", "",
			[]wantQuote{{"Мы ответим на каждый запрос депутатов", "Olga Smirnova", "smirnova", "", ""}}},
		{"bare role refers back to the speaker",
			"Об этом сообщил министр Тулегенов.\n\n«Все подозреваемые задержаны и дают показания», — добавил спикер.", "",
			[]wantQuote{{"Все подозреваемые задержаны и дают показания", "Yerzhan Tulegenov", "tulegenov", "", ""}}},
		{"genitive name before the full name of the speaker",
			"Пресс-секретарь Досова Руслан Алиев заявил: «Президент лично читает все доклады».", "",
			[]wantQuote{{"Президент лично читает все доклады", "Руслан Алиев", "", "", ""}}},
		{"gerund between subject and verb",
			"Беков, выступая в мажилисе, заявил: «Иностранных боевиков среди погибших нет».", "",
			[]wantQuote{{"Иностранных боевиков среди погибших нет", "Daniyar Bekov", "bekov", "", ""}}},
		{"как заявил",
			"Как заявил Беков, «все уголовные дела будут переданы в суд до конца года».", "",
			[]wantQuote{{"все уголовные дела будут переданы в суд до конца года", "Daniyar Bekov", "bekov", "", ""}}},
		{"inverted subject after adverbials",
			"Число задержанных выросло до трёх тысяч, сообщил в четверг на брифинге заместитель министра Ержан Сапаров.\n\n«Большинство из них уже отпущены домой», — сказал он.", "",
			[]wantQuote{{"Большинство из них уже отпущены домой", "Ержан Сапаров", "", "", ""}}},
		{"a capitalised adjective is not a name",
			"«Мы получаем новые жалобы каждую неделю», — рассказала руководитель Независимого бюро Роза Ахметова.", "",
			[]wantQuote{{"Мы получаем новые жалобы каждую неделю", "Роза Ахметова", "", "", ""}}},
		{"a news outlet relays, the speaker is named before",
			"Беков выступил на брифинге в Астане.\n\n«Все дела будут рассмотрены открыто и публично», — передает Inform.kz.", "",
			[]wantQuote{{"Все дела будут рассмотрены открыто и публично", "Daniyar Bekov", "bekov", "", ""}}},
		{"цитирует слова",
			"«Мы не допустим повторения этих событий никогда», — цитирует агентство слова Бекова.", "",
			[]wantQuote{{"Мы не допустим повторения этих событий никогда", "Daniyar Bekov", "bekov", "", ""}}},
		{"numeric date",
			"07.01.2022 Беков заявил: «Ситуация в городе стабилизирована полностью».", "",
			[]wantQuote{{"Ситуация в городе стабилизирована полностью", "Daniyar Bekov", "bekov", "", "2022-01-07"}}},
		{"в прошлую пятницу",
			"В прошлую пятницу Беков сказал: «Работа продолжается круглосуточно и без выходных».", "2022-03-11",
			[]wantQuote{{"Работа продолжается круглосуточно и без выходных", "Daniyar Bekov", "bekov", "", "2022-03-04"}}},
		{"по словам: the name back in the nominative",
			"По словам Ивана Петрова, «никто из задержанных не видел адвоката неделю».", "",
			[]wantQuote{{"никто из задержанных не видел адвоката неделю", "Иван Петров", "", "", ""}}},
		{"по словам a woman",
			"По словам Марии Ивановой, «её сына избивали каждый день в изоляторе».", "",
			[]wantQuote{{"её сына избивали каждый день в изоляторе", "Мария Иванова", "", "", ""}}},
		{"no-break spaces around the dash and Windows line ends",
			"Беков выступил в сенате.\r\n\r\n—\u00a0Мы проверили каждый случай отдельно,\u00a0—\u00a0сказал он.\r\n", "",
			[]wantQuote{{"Мы проверили каждый случай отдельно", "Daniyar Bekov", "bekov", "", ""}}},
		{"a body in the locative before an impersonal plural",
			"В МВД заявили: «Никаких нарушений со стороны полиции не выявлено».", "",
			[]wantQuote{{"Никаких нарушений со стороны полиции не выявлено", "МВД", "", "", ""}}},
		{"a list announced by a colon is no speech",
			"Комиссия предложила следующие меры:\n— пересмотреть все приговоры по январским делам.\n— освободить всех задержанных журналистов немедленно.", "",
			nil},
		{"a colon after a verb of saying introduces speech",
			"Беков сказал журналистам:\n— Мы пересмотрим все приговоры по январским делам.", "",
			[]wantQuote{{"Мы пересмотрим все приговоры по январским делам.", "Daniyar Bekov", "bekov", "", ""}}},
		{"month after publication is last year",
			"28 декабря Беков сказал: «Итоги расследования будут опубликованы полностью».", "2022-02-01",
			[]wantQuote{{"Итоги расследования будут опубликованы полностью", "Daniyar Bekov", "bekov", "", "2021-12-28"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkQuotes(t, tt.text, Options{Lang: "ru", Published: tt.published, People: people}, tt.want)
		})
	}
}

func TestQuotesKazakh(t *testing.T) {
	people := testPeople()
	tests := []struct {
		name      string
		text      string
		published inquest.Date
		want      []wantQuote
	}{
		{"a bare office after деді is the holder named before, not the last speaker",
			"«Біз бұған дейін де ескерткенбіз», – деді Смирнова. Ішкі істер министрі Ержан Төлегенов кездесуге келді.\n\n«Барлық құжаттар мұқият тексеріледі», – деді министр.", "",
			[]wantQuote{{"Біз бұған дейін де ескерткенбіз", "Olga Smirnova", "smirnova", "", ""},
				{"Барлық құжаттар мұқият тексеріледі", "Yerzhan Tulegenov", "tulegenov", "", ""}}},
		{"деді after the quotation",
			"«Біз бейбіт тұрғындарға ешқашан оқ атқан жоқпыз», – деді Беков.", "",
			[]wantQuote{{"Біз бейбіт тұрғындарға ешқашан оқ атқан жоқпыз", "Daniyar Bekov", "bekov", "", ""}}},
		{"subject before, деп мәлімдеді after",
			"Мемлекет басшысы «Барлық кінәлілер міндетті түрде жауапқа тартылады» деп мәлімдеді.", "2022-03-01",
			[]wantQuote{{"Барлық кінәлілер міндетті түрде жауапқа тартылады", "Arman Dosov", "dosov", "President", ""}}},
		{"office and Kazakh spelling of the name",
			"Ішкі істер министрі Төлегенов: «Қаладағы жағдай толық бақылауда», – деп атап өтті.", "",
			[]wantQuote{{"Қаладағы жағдай толық бақылауда", "Yerzhan Tulegenov", "tulegenov", "", ""}}},
		{"date with a case ending",
			"10 ақпанда Беков «Тергеу толығымен аяқталды деп айтуға болады», – деді.", "2022-03-01",
			[]wantQuote{{"Тергеу толығымен аяқталды деп айтуға болады", "Daniyar Bekov", "bekov", "", "2022-02-10"}}},
		{"dash speech",
			"– Біз барлық деректерді мұқият тексердік, – деді Смирнова.", "",
			[]wantQuote{{"Біз барлық деректерді мұқият тексердік", "Olga Smirnova", "smirnova", "", ""}}},
		{"деп атап өтті with the name after",
			"«Біз реформаларды тоқтатпаймыз, керісінше жеделдетеміз», – деп атап өтті Досов.", "",
			[]wantQuote{{"Біз реформаларды тоқтатпаймыз, керісінше жеделдетеміз", "Arman Dosov", "dosov", "", ""}}},
		{"сөзінше after a name not in the file",
			"Асқаровтың сөзінше, «тергеу әлі толық аяқталған жоқ».", "",
			[]wantQuote{{"тергеу әлі толық аяқталған жоқ", "Асқаров", "", "", ""}}},
		{"сөзінше after an inflected name",
			"Бековтың сөзінше, «барлық істер сотқа жіберілді және қаралуда».", "",
			[]wantQuote{{"барлық істер сотқа жіберілді және қаралуда", "Daniyar Bekov", "bekov", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkQuotes(t, tt.text, Options{Lang: "kk", Published: tt.published, People: people}, tt.want)
		})
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The prosecutor said the investigation was over.", "en"},
		{"Генпрокурор заявил, что расследование завершено.", "ru"},
		{"Бас прокурор тергеудің аяқталғанын мәлімдеді.", "kk"},
		{"Президент Тоқаев выступил в парламенте, и его слова цитируют все газеты страны.", "ru"},
		{"", "en"},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.text); got != tt.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAutoLanguage(t *testing.T) {
	res := Extract("«Мы проверим каждое сообщение о пытках», — заявил Беков.", Options{Lang: "auto", People: testPeople()})
	if res.Lang != "ru" {
		t.Errorf("lang = %q, want ru", res.Lang)
	}
	if len(res.Quotes) != 1 || res.Quotes[0].SpeakerID != "bekov" {
		t.Errorf("quotes = %+v, want one by bekov", res.Quotes)
	}
}

func TestFoldName(t *testing.T) {
	groups := [][]string{
		{"Tokayev", "Tokaev", "Токаев", "Тоқаев"},
		{"Asylov", "Assylov", "Асылов"},
		{"Akhmetzhanov", "Ахметжанов"},
		{"Yerlan", "Ерлан"},
		{"Pashinyan", "Пашинян"},
	}
	for _, g := range groups {
		want := foldName(g[0])
		for _, n := range g[1:] {
			if got := foldName(n); got != want {
				t.Errorf("foldName(%q) = %q, want %q as for %q", n, got, want, g[0])
			}
		}
	}
}

func TestNameLookupInflected(t *testing.T) {
	ix := newNameIndex(testPeople())
	for _, w := range []string{"Бекова", "Беков", "Бековым", "Бековтың", "Bekov's", "Смирновой", "Төлегенов"} {
		ps := ix.lookup([]rune(w))
		if len(ps) == 0 {
			t.Errorf("lookup(%q) found nobody", w)
		}
	}
	if ps := ix.lookup([]rune("Бек")); len(ps) != 0 {
		t.Errorf("lookup(Бек) = %v, want nobody", ps)
	}
}

func TestOrganisationsAndSurnameFirst(t *testing.T) {
	people := append(testPeople(),
		&inquest.Person{Slug: "security-committee", Kind: inquest.ActorOrganisation, Name: "National Security Committee",
			Names: map[string]string{"ru": "Комитет национальной безопасности"}, Aliases: []string{"KNB", "КНБ"}},
		&inquest.Person{Slug: "saparov", Name: "Сапаров Ержан Болатович", Aliases: []string{"Yerzhan Saparov"}},
	)
	opt := Options{People: people}
	tests := []struct {
		text, id string
	}{
		{"“All the detainees have been handed over to the police,” the National Security Committee said.", "security-committee"},
		{"«Все задержанные переданы полиции», — сообщили в Комитете национальной безопасности.", "security-committee"},
		{"«Все задержанные переданы полиции», — сообщил КНБ.", "security-committee"},
		{"«Все задержанные переданы полиции», — сказал Сапаров.", "saparov"},
		{"“Everyone arrested has a lawyer now,” the committee of inquiry said.", ""},
	}
	for _, tt := range tests {
		res := Extract(tt.text, opt)
		if len(res.Quotes) != 1 || res.Quotes[0].SpeakerID != tt.id {
			t.Errorf("%s: got %+v, want one quotation by %q", tt.text, res.Quotes, tt.id)
		}
	}
}

// TestAnotherCase runs the engine on a report about a different
// investigation, with its own people file: the rules must not depend on the
// January events.
func TestAnotherCase(t *testing.T) {
	people := []*inquest.Person{
		{Slug: "marin", Name: "Petru Marin", Aliases: []string{"Marin"},
			Positions: []inquest.Position{{Title: "President", Aliases: []string{"the President", "President"}, From: "2015-01-01"}}},
		{Slug: "dorn", Name: "Ilie Dorn", Aliases: []string{"Dorn"},
			Positions: []inquest.Position{{Title: "Interior Minister", Aliases: []string{"the interior minister"}, From: "2019-01-01", To: "2020-10-29"}}},
		{Slug: "vasile", Name: "Ana Vasile", Aliases: []string{"Vasile"},
			Positions: []inquest.Position{{Title: "Interior Minister", Aliases: []string{"the interior minister"}, From: "2020-10-30"}}},
		{Slug: "watch", Kind: inquest.ActorOrganisation, Name: "Civic Watch Centre", Aliases: []string{"Civic Watch"}},
	}
	text := "Officials change their story on protest deaths\n\n" +
		"VARNA, November 9 - Officials have given conflicting accounts of how protesters died.\n\n" +
		"On August 12, the interior minister told state television: \"The police did not use firearms against peaceful citizens.\"\n\n" +
		"Three months later the successor was less categorical. \"We will examine every case where force was excessive,\" the interior minister said on November 5.\n\n" +
		"Civic Watch said it had documented hundreds of cases. \"These are not isolated incidents but a system,\" Civic Watch said in a statement.\n\n" +
		"Marin has dismissed the reports. \"Some of the pictures were staged,\" he said at a meeting with officials on Friday.\n"
	want := []wantQuote{
		{"The police did not use firearms against peaceful citizens.", "Ilie Dorn", "dorn", "Interior Minister", "2020-08-12"},
		{"We will examine every case where force was excessive", "Ana Vasile", "vasile", "Interior Minister", "2020-11-05"},
		{"These are not isolated incidents but a system", "Civic Watch Centre", "watch", "", "2020-11-09"},
		{"Some of the pictures were staged", "Petru Marin", "marin", "", "2020-11-06"},
	}
	checkQuotes(t, text, Options{Lang: "en", Published: "2020-11-10", People: people}, want)
}
