package extract

import "strings"

// wclass is a bit set of what a word can be for attribution and dating.
type wclass uint32

const (
	cSpeech      wclass = 1 << iota // a verb of saying: said, заявил, деді
	cParticiple                     // a verb of saying without its own subject: adding, saying
	cSpeechNoun                     // statement, remarks, заявление
	cPronoun                        // he, she, он, она, ол
	cRelative                       // who, который
	cRole                           // a person's office or trade: minister, спикер, адвокат
	cStop                           // a capitalised word that is not a name: The, However
	cHonorific                      // Mr, Ms, Dr
	cNPEnd                          // ends a noun phrase after a verb: in, on, that, в, на
	cSubord                         // when, if: a verb after it is not a frame
	cAux                            // was, were: a verb after it is passive
	cVenue                          // Majilis, briefing, заседание
	cThing                          // operation, law, newspaper: «…» after it is a name
	cSoCalled                       // so-called, так называемый
	cArticle                        // a, an, the
	cAdverbial                      // moreover, however, for, also: opens an adverbial segment
	cTitle                          // capitalised words of titles in names: President, General
	cAccordingTo                    // according (to), по (словам), сөзінше
	cWordsOf                        // словам, мнению: after по
	cOrgHead                        // office, ministry, committee: a body, not a person
	cSozinshe                       // сөзінше, айтуынша: Kazakh "according to", after the name
	cDay                            // today, вчера, Friday: a day relative to publication
	cPrep                           // a preposition: what follows is a complement
	cMonth                          // a month name (English, Russian genitive)
	cAbbrev                         // an abbreviation whose dot ends no sentence
	cRange                          // since, until, с, до: a date after it bounds a range
	cPast                           // earlier, ранее, бұған дейін: said before the report's day
	cRelay                          // передает, цитирует: a news outlet relays, it did not speak
	cWordsNoun                      // слова, words: "цитирует слова Токаева"
)

// lexEntry is a known word: its classes and its interned spelling, so that
// classifying a word of the text allocates nothing.
type lexEntry struct {
	cls wclass
	key string
}

var lexicon = map[string]lexEntry{}

// lexFilter has, for each lower-case first letter below U+0500, a bit for
// every word length (in runes) the lexicon holds: most words of a text are
// rejected without building their lower-case form.
var lexFilter [0x500]uint32

func buildLexFilter() {
	for w := range lexicon {
		r := []rune(w)
		if len(r) >= 32 {
			continue
		}
		if f := lowerKey(r[0]); f < rune(len(lexFilter)) {
			lexFilter[f] |= 1 << len(r)
		}
	}
	// a first letter beyond the table is never filtered
}

func addWord(w string, c wclass) {
	e := lexicon[w]
	e.cls |= c
	e.key = w
	lexicon[w] = e
}

func addWords(c wclass, list string) {
	for _, w := range strings.Fields(list) {
		addWord(strings.ReplaceAll(w, "_", " "), c)
	}
}

func init() {
	addWords(cSpeech, `
say says said tell tells told stated declare declares declared affirm affirms affirmed
replied answered add adds added noted stressed
emphasize emphasizes emphasized emphasise emphasises emphasised warn warns warned claimed
insist insists insisted explain explains explained reported announce announces announced
argue argues argued assert asserts asserted ask asks asked write writes wrote tweeted
acknowledge acknowledges acknowledged admit admits admitted confirm confirms confirmed deny denies denied
describe describes described commented recall recalls recalled conclude concludes concluded
remarked respond responds responded reiterate reiterates reiterated mentioned
underlined highlighted specified vowed
promised urge urges urged assure assures assured quoted spoke
выступил выступила выступили сөйледі
заявил заявила заявили заявляет заявляют сказал сказала сказали говорит говорят говорил говорила
отметил отметила отметили отмечает отмечают сообщил сообщила сообщили сообщает сообщают
ответил ответила ответили отвечает подчеркнул подчеркнула подчеркнули подчеркивает подчёркивает
добавил добавила добавили добавляет заверил заверила заверили пояснил пояснила пояснили поясняет
уточнил уточнила уточнили признал признала признали признает признаёт рассказал рассказала рассказали рассказывает
указал указала указали указывает считает считают полагает полагают написал написала написали пишет пишут
объяснил объяснила объяснили заключил заключила напомнил напомнила напомнили напоминает
констатировал констатировала предупредил предупредила призвал призвала призвали спросил спросила спросили
возразил возразила парировал парировала резюмировал резюмировала акцентировал акцентировала
подытожил подытожила уверен уверена убежден убеждена заметил заметила заметили высказался высказалась
поделился поделилась цитирует процитировал заявлял заявляла утверждает утверждают утверждал утверждала
прокомментировал прокомментировала комментирует обещал обещала пообещал пообещала назвал назвала назвали
деді деген мәлімдеді айтты айтады хабарлады жеткізді түсіндірді сұрады қосты мәлімдейді дейді атап баса жазды
мәлімдеген айтқан хабарлаған түсіндірген жариялады жариялаған сендірді айтып мәлімдеп`)
	addWords(cParticiple, `adding saying noting stressing emphasizing emphasising warning explaining insisting
recalling arguing asserting describing referring добавив отметив подчеркнув заявив пояснив сказав уточнив деп`)
	addWords(cSpeechNoun, `statement statements remarks words comments comment letter release document
заявление заявлении заявления словами высказывание сообщение сообщении документ письмо письме
мәлімдеме мәлімдемеде`)
	addWords(cPronoun, `he she он она ол`)
	addWords(cRelative, `who который которая которые кто`)
	addWords(cRole, `
leader president minister official spokesman spokeswoman spokesperson prosecutor chief head politician
expert analyst lawyer attorney diplomat ambassador premier governor mayor commander general deputy mp
senator speaker chairman chairwoman director secretary ombudsman ombudswoman commissioner activist
representative officer envoy advocate judge investigator
президент президента президентом лидер лидера министр министра министром глава главы главой
руководитель руководителя начальник начальника спикер спикера политолог политолога эксперт эксперта
аналитик аналитика адвокат адвоката депутат депутата генпрокурор генпрокурора прокурор прокурора
дипломат дипломата посол посла премьер премьера аким акима губернатор губернатора командующий
комендант коменданта председатель председателя директор директора секретарь секретаря омбудсмен
правозащитник правозащитника активист активиста представитель представителя чиновник чиновника
судья судьи следователь следователя замминистра вице-министр пресс-секретарь пресс-секретаря
басшысы басшы министрі министр әкім әкімі депутат депутаты сарапшы төраға төрағасы прокуроры өкілі
`)
	addWords(cTitle, `president minister prosecutor general head chief member deputy chairman director secretary
commissioner speaker governor mayor commander ambassador senator premier prime acting interior foreign
affairs internal national security state vice first
президент министр генпрокурор прокурор глава председатель директор начальник депутат премьер-министр
вице-министр аким спикер`)
	addWords(cStop, `
the a an this that these those it its he she they we i you his her their our my your there here
however moreover meanwhile also but and or so yet then thus therefore still although though while when
if after before since as at on in of for to from by with without during about under over between into
officials authorities police protesters protestors residents people citizens many some most several all
both each every other another such what which who whom whose where why how no not nor one two three
according earlier later today yesterday tomorrow now last next first previously again already
mr mrs ms dr
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
в на во по с со из от до для о об при после перед за под над между и а но или что как это этот эта эти
тот та те он она они мы вы я его ее её их ранее позже сегодня вчера также кроме однако впрочем поэтому
тем не менее когда если хотя где почему все всё многие некоторые один одна
январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август августа
сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
об этом по словам
және бірақ осы ол бұл
`)
	addWords(cHonorific, `mr mrs ms dr mr. mrs. ms. dr. prof sir madam г-н г-жа господин госпожа`)
	addWords(cNPEnd, `
in on at during to that who which when while after before adding as for from with about after
whose whom where because since told said
в на во по с со из для у о об перед после который которая которые которого чтобы что где когда
журналистам журналистке журналисту изданию агентству телеканалу каналу корреспонденту
`)
	addWords(cSubord, `when if once whenever unless когда если`)
	addWords(cAux, `was were been being is are be`)
	addWords(cVenue, `
majilis mazhilis mäjilis parliament senate briefing summit session conference interview address plenary
мажилис мажилисе мажилиса мәжіліс мәжілісте парламент парламенте сенат сенате брифинг брифинге
брифинга саммит саммите заседание заседании сессия сессии интервью пресс-конференция
пресс-конференции обращение обращении жолдау жолдауында брифингте
`)
	addWords(cThing, `
operation law act bill decree newspaper channel tv party movement programme program fund foundation
campaign company project agency magazine journal book film movie article report hashtag code
organization organisation association union centre center station website portal brand
операция операции операцию закон закона закону законе указ указа газета газеты газете газету
телеканал телеканала телеканале канал канала партия партии партию движение движения программа
программы программе фонд фонда компания компании проект проекта агентство агентства издание
издания журнал журнала книга книги фильм фильма статья статьи доклад доклада хэштег кодекс кодекса
организация организации объединение объединения центр центра портал портала сайт сайта
ао тоо оо рк ооо
slogan slogans headline title titled entitled hashtag banner placard motto
лозунг лозунгом лозунги лозунгами названием называемой озаглавленный плакат плакатом хештег
информагентство информагентства интернет-издание интернет-издания телеграм-канал телеграм-канала
ұран ұранымен атты
initiative concept strategy resolution convention treaty agreement doctrine
инициатива инициативы концепция концепции стратегия стратегии законопроект законопроекта
постановление постановления приказ приказа резолюция резолюции конвенция конвенции договор договора
соглашение соглашения доктрина доктрины
заңы заңын газеті арнасы телеарнасы партиясы қоры бағдарламасы операциясы
`)
	addWords(cSoCalled, `so-called так_называемый так_называемая так_называемые так_называемых так_называемой так_называемого
называемых называемый называемая называемые называемой называемого`)
	addWords(cArticle, `a an the`)
	addWords(cAdverbial, `for in on at however moreover meanwhile also furthermore therefore additionally indeed
further then later earlier first finally instead nevertheless за в на однако также кроме впрочем при этом
вместе тем поэтому затем позже ранее`)
	addWords(cAccordingTo, `according`)
	addWords(cRelay, `передает передаёт цитирует цитируют приводит пишет пишут хабарлайды`)
	addWords(cWordsNoun, `слова слов words сөзін`)
	addWords(cPast, `earlier previously ранее прежде раньше бұрын бұған`)
	addWords(cSozinshe, `сөзінше айтуынша пікірінше`)
	addWords(cWordsOf, `словам мнению`)
	for k := range weekdayNames {
		addWord(k, cDay)
	}
	for k := range relativeDays {
		addWord(k, cDay)
	}
	addWord("күні", cDay)
	addWords(cOrgHead, `office ministry committee service department agency government administration
council court prosecutors police`)
	for w := range prepositions {
		addWord(w, cPrep)
	}
	for w := range monthNames {
		addWord(w, cMonth)
	}
	for w := range abbrevs {
		addWord(w, cAbbrev)
	}
	for w := range rangeWords {
		addWord(w, cRange)
	}
	buildLexFilter()
}

// months maps a lower-case month name (any case ending stripped by prefix
// matching in dates.go) to its number.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
	"августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}

// kazakhMonths are stems: Kazakh adds case endings (ақпанда, қаңтардағы).
var kazakhMonths = []struct {
	stem string
	n    int
}{
	{"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6},
	{"шілде", 7}, {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12},
}

// weekdays maps weekday words (with the case after "в"/"on") to time.Weekday.
var weekdayNames = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	"воскресенье": 0, "понедельник": 1, "вторник": 2, "среду": 3, "среда": 3, "четверг": 4,
	"пятницу": 5, "пятница": 5, "субботу": 6, "суббота": 6,
	"жексенбі": 0, "дүйсенбі": 1, "сейсенбі": 2, "сәрсенбі": 3, "бейсенбі": 4, "жұма": 5, "сенбі": 6,
}

// relativeDays maps "today", "вчера", "бүгін" to an offset in days from the
// publication day.
var relativeDays = map[string]int{
	"today": 0, "yesterday": -1, "сегодня": 0, "вчера": -1, "бүгін": 0, "кеше": -1,
}
