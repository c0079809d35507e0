package extract

import "strings"

// Word lists the figure finder consults around a number. Entries ending in
// "*" match as stems ("погиб*" matches "погибли", "погибших"); the others
// match whole words. All are lower case with "ё" written "е".

// figWordSet matches lower-case words exactly or by stem.
type figWordSet struct {
	exact map[string]bool
	// stems by their first byte, so a word is tried against few of them.
	stems map[byte][]string
	// bit stands for the set in a word's flags (figureFinder.flags).
	bit uint64
}

// figAllSets are all the word sets, for the flags a figureFinder caches per
// word so that a word is looked up once however many lists ask about it.
var figAllSets []figWordSet

// figNumberBit in a word's flags says it is a number word.
const figNumberBit = 1 << 63

func newFigWordSet(list string) figWordSet {
	if len(figAllSets) >= 63 {
		panic("extract: too many word sets for a 64-bit mask")
	}
	ws := figWordSet{exact: map[string]bool{}, stems: map[byte][]string{}, bit: 1 << len(figAllSets)}
	defer func() { figAllSets = append(figAllSets, ws) }()
	for _, w := range strings.Fields(list) {
		if strings.HasSuffix(w, "*") {
			st := strings.TrimSuffix(w, "*")
			ws.stems[st[0]] = append(ws.stems[st[0]], st)
		} else {
			ws.exact[w] = true
		}
	}
	return ws
}

func (ws figWordSet) has(lw string) bool {
	if lw == "" {
		return false
	}
	if ws.exact[lw] {
		return true
	}
	// Cyrillic letters share their first byte; index by the second too
	// would cost more than it saves for lists this short.
	for _, s := range ws.stems[lw[0]] {
		if strings.HasPrefix(lw, s) {
			return true
		}
	}
	return false
}

var (
	// figMonthWords next to a number make it a date.
	figMonthWords = newFigWordSet(`january february march april june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec
		январ* феврал* март* апрел* мая май мае маю июн* июл* август* сентябр* октябр* ноябр* декабр*
		янв фев мар апр авг сен сент окт ноя дек
		қаңтар* ақпан* наурыз* сәуір* мамыр* маусым* шілде* тамыз* қыркүйек* қараша* желтоқсан*`)

	// figUnitWords after a number make it a duration, an age, a share or a
	// measurement: not a count of people or things.
	figUnitWords = newFigWordSet(`second seconds minute minutes hour hours day days week weeks month months
		year years decade decades century centuries yr yrs hrs mins sec secs
		percent per percentage pct
		km kilometres kilometers kilometre kilometer miles mile metres meters metre meter
		kg kilograms kilogram tonnes tonne tons ton litres liters degrees degree hectares sq mm cm
		am pm a.m p.m o'clock
		секунд* минут* час часа часов часам часах часу сутки суток сут день дня дней дням днях
		недел* месяц* мес год года году годом годам годах годы лет летию г гг век века веков
		процент* проц км кг тонн* литр* градус* гектар* метр* мм см га
		жыл жылы жылға жылдан жылдың жылда жылдық ай айда айдан айға айлық апта* күн күні күнде күннен
		күнге күндік сағат* минут* секунд* пайыз* жастағы жаста жасында жасар жасқа`)

	// figAbstractNouns right after a number count parts of an argument, not
	// people or things: "three waves", "два этапа".
	figAbstractNouns = newFigWordSet(`waves wave stages stage phases phase reasons reason ways steps step
		aspects scenarios scenario kinds types options principles priorities directions categories levels
		rounds tasks goals factors points
		волны волн этапа этапов этап стадии стадий причины причин способа способов шага шагов аспекта
		аспектов сценария сценариев вида видов варианта вариантов принципа принципов приоритета приоритетов
		направления направлений категории категорий уровня уровней задачи задач цели целей фактора факторов
		кезең* толқын* себеп* сатысы сатыда`)

	// figRefWords before a number make it a label: "Article 4", "статья 255".
	figRefWords = newFigWordSet(`article articles art part parts paragraph paragraphs clause clauses section
		sections chapter chapters page pages p pp no nos item items point resolution decree room flight
		route bus house apartment apt tel phone fax code ext vol volume issue episode aged age ages
		стат* ст ч част* пункт* п пп глава главе главой подпункт* страниц* стр раздел* номер* №
		указ* постановлени* протокол* дом корпус кв квартир* маршрут* рейс* автобус* тел телефон* том
		бап* бабы* тармақ* бөлім* тарау* бет* нөмір*`)

	// figDetWords before a number word ("the two countries") make it a reference
	// to things already counted, not a new figure.
	figDetWords = newFigWordSet(`the these those its their our his her my your each every
		first last next another same`)

	// figOneNouns are what "one" must count to be a figure: "one person".
	figOneNouns = newFigWordSet(`person man woman child boy girl officer soldier serviceman policeman
		detainee protester journalist civilian citizen resident
		человек* мужчин* женщин* ребен* сотрудник* военнослужащ* полицейск* задержанн* погибш* пострадавш*
		жител* гражданин* гражданина
		адам* бала* сарбаз* полицей*`)

	// figPeopleNouns say a count is of people; a four-digit number before them
	// is a count even when it looks like a year ("2000 people").
	figPeopleNouns = newFigWordSet(`people persons person individuals men women children citizens residents
		protesters demonstrators detainees troops officers soldiers
		человек человека людей граждан жителей участник* задержанн* военнослужащ* военных сотрудник*
		адам кісі тұлға* азамат* тұрғын*`)

	// figStopAfter are words that cannot start the counted phrase right after a
	// number: the number then counts something named before it, or nothing.
	figStopAfter = newFigWordSet(`and or but nor of in on at by from to for with into onto out among across
		including than as per via vs versus against during after before since until while when if over around about under within throughout
		were was are is have has had will would could can may might must should shall been being be
		do does did remain remained remains also still only just even the a an this that
		и или а но из в во на по с со у к ко от до за для о об обо при через над под среди между
		было были был была будет будут есть это же ли бы не уже тоже также еще лишь только вот
		против после перед около более менее чем как
		және мен бен пен немесе не де да ғана болды болып еді`)

	// figVerbAfter open a predicate right after a number: "802 were taken into
	// custody", "nearly 2,000 were detained".
	figVerbAfter = newFigWordSet(`were was are is have has had will would could remain remained remains
		было были был была будет будут болды болып`)

	// figPrepAfter open a place right after a number in a list: "three in the
	// East Kazakhstan Region".
	figPrepAfter = newFigWordSet(`in at from among on across for в во на из у среди за по`)

	// figClauseWords end the counted phrase: they start another clause.
	figClauseWords = newFigWordSet(`when while whereas although though because since until unless but yet
		so whether where after before during amid
		когда пока хотя потому поскольку чтобы если где но однако после перед
		бірақ алайда себебі егер кейін дейін`)

	// figRelativeWords after a comma continue the counted phrase:
	// "3,314 people, who were sentenced".
	figRelativeWords = newFigWordSet(`who whom которые которых которым которыми кто`)

	// figPronounsAfterOf: "five of them" points back, it does not count anew.
	figPronounsAfterOf = newFigWordSet(`them us you those these which whom whose it нас них вас их которых тех
		этих них олардың олар`)

	// figTrailWords are dropped from the end of a counted phrase.
	figTrailWords = newFigWordSet(`the a an of to in on at by for with from and or but as that this these who
		which into than so also out due within via up
		и или в во на по с со у к от до за для о об при из а но что как это также же
		және мен бен пен`)

	// figDateJoins join the days of a date pair, and the endings Kazakh
	// writes on days after a hyphen: "5-і мен 6-сы".
	figDateJoins = newFigWordSet(`and or to и или по до мен және і ы сы сі шы ші`)

	// figAndWords join two clauses in a phrase that runs into another number.
	figAndWords = newFigWordSet(`and или и а but но while және`)

	// figChangeVerbs before "до"/"up to" say the count rose or fell to a level.
	figChangeVerbs = newFigWordSet(`вырос* выросл* увелич* снизил* снизи* сократил* сократи* достиг* дошл*
		поднял* поднялось упал* упало опустил* изменил* менял* пересмотр* rose risen fell climbed jumped dropped
		increased decreased revised raised lowered updated corrected changed grew went`)

	// figCountHeads before "of" name a count: "the number of", "a nation of".
	figCountHeads = newFigWordSet(`number total toll tally count group groups sum amount crowd crowds population
		nation families`)

	// figPrepBefore just before a number belong to the phrase: "deaths of 164
	// people", "по 53 погибшим".
	figPrepBefore = newFigWordSet(`of among по из среди у`)
)

// qualifier phrases before a number, longest first within each language, and
// what they mean.
var figQualBefore = []struct{ words, means string }{
	{"no fewer than", "at least"}, {"no less than", "at least"}, {"not less than", "at least"},
	{"not fewer than", "at least"}, {"as many as", "up to"}, {"more than", "more than"},
	{"upwards of", "more than"}, {"in excess of", "more than"}, {"just over", "more than"},
	{"well over", "more than"}, {"at least", "at least"}, {"up to", "up to"}, {"close to", "almost"},
	{"just under", "less than"}, {"less than", "less than"}, {"fewer than", "less than"},
	{"at most", "up to"}, {"an estimated", "about"}, {"more then", "more than"},
	{"over", "more than"}, {"about", "about"}, {"around", "about"}, {"some", "about"},
	{"approximately", "about"}, {"roughly", "about"}, {"circa", "about"}, {"estimated", "about"},
	{"almost", "almost"}, {"nearly", "almost"}, {"under", "less than"},
	{"не менее чем", "at least"}, {"не менее", "at least"}, {"не меньше", "at least"},
	{"по меньшей мере", "at least"}, {"по крайней мере", "at least"}, {"как минимум", "at least"},
	{"минимум", "at least"}, {"более чем", "more than"}, {"больше чем", "more than"},
	{"чуть более", "more than"}, {"чуть больше", "more than"}, {"более", "more than"},
	{"больше", "more than"}, {"свыше", "more than"}, {"сверх", "more than"}, {"около", "about"},
	{"порядка", "about"}, {"примерно", "about"}, {"приблизительно", "about"}, {"почти", "almost"},
	{"чуть менее", "almost"}, {"без малого", "almost"}, {"не более", "up to"}, {"до", "up to"},
	{"менее", "less than"}, {"меньше", "less than"}, {"максимум", "up to"},
	{"превысило", "more than"}, {"превысил", "more than"}, {"превысила", "more than"},
	{"превысили", "more than"}, {"превышает", "more than"}, {"exceeded", "more than"},
	{"exceeds", "more than"}, {"surpassed", "more than"}, {"topped", "more than"},
	{"кем дегенде", "at least"}, {"кемінде", "at least"}, {"шамамен", "about"}, {"шамасы", "about"}, {"жуық", "almost"},
}

// figQualAfter follow the number: "мыңнан астам", "200 с лишним", "50 or more".
var figQualAfter = []struct{ words, means string }{
	{"or more", "at least"}, {"and more", "at least"}, {"plus", "more than"},
	{"с лишним", "more than"}, {"с небольшим", "more than"}, {"и более", "at least"},
	{"астам", "more than"}, {"аса", "more than"}, {"артық", "more than"}, {"жуық", "almost"},
	{"шамасында", "about"}, {"шақты", "about"}, {"дейін", "up to"}, {"кем емес", "at least"},
	{"көп", "more than"}, {"кем", "less than"},
}

// measureStems suggest what a counted phrase measures.
var (
	figDeathWords = newFigWordSet(`killed kill kills killing dead death deaths died die dies dying fatalities
		fatality lives perished bodies body shot
		погиб* гибел* убит* убийств* смерт* умер* умерл* скончал* жертв* ликвидирован* тело тела тел
		трупов погибш* застрелен*
		қаза өлді өлген өлтір* мерт* қайтыс* жұмды ажал*`)
	figTortureWords = newFigWordSet(`torture tortured torturing custody detention пыт* истязан* сизо изолятор*
		стражей азап* азаптау*`)
	figSecurityWords = newFigWordSet(`police policemen policeman officers officer soldiers soldier servicemen
		serviceman guardsmen guard military enforcement security
		сотрудник* полицейск* полици* военнослужащ* военн* силовик* правоохранител* нацгвард* гвард*
		полицей* әскери* сарбаз* құқық*`)
	figInjuryWords = newFigWordSet(`injur* wound* hurt hospitalised hospitalized
		ранен* ранени* пострада* травм* госпитализ* жарақат* жаралан*`)
	figDetainWords = newFigWordSet(`detain* detention* arrest* custody
		apprehended jailed imprisoned prisoners
		задерж* арест* заключен* стражу стражей доставлен* ұстал* ұстады ұстаған қамау* қамал* тұтқын*`)
	figTroopWords = newFigWordSet(`troop* peacekeep* contingent* servicemen paratroop*
		миротвор* контингент* войск* десантник* военнослужащ* военных военные бітімгер* әскер*`)
	figCaseWords     = newFigWordSet(`cases case дел дела дело іс ісі істер* істі`)
	figCriminalWords = newFigWordSet(`criminal уголовн* қылмыст*`)
	figAdminWords    = newFigWordSet(`administrative административн* әкімшілік*`)
	figConvictWords  = newFigWordSet(`convicted sentenced jailed prosecuted charged осужден* осуждены приговорен*
		привлечен* сотталд* сотталған* жазаланд*`)
	figInvestigationWords = newFigWordSet(`investigations investigation расследовани* тергеу*`)
	figWeaponWords        = newFigWordSet(`weapons weapon firearms firearm guns gun rifles rifle ammunition pistols
		оружи* ствол* автомат* карабин* пистолет* боеприпас* нарезн* гладкоствольн* газ*
		қару* мылтық*`)
	figMoneyWords = newFigWordSet(`tenge dollars dollar usd euros euro eur rubles roubles ruble rouble kzt
		тенге доллар* рубл* евро теңге`)
	figBuildingWords = newFigWordSet(`buildings building offices shops stores premises facilities
		здани* магазин* объект* помещени* ғимарат* дүкен*`)
	figVehicleWords = newFigWordSet(`cars car vehicles vehicle trucks buses автомобил* машин* транспорт* көлік*`)
	figProtestWords = newFigWordSet(`protesters protestors demonstrators participants rioters gathered
		participated protesting rallied crowd crowds marched
		протестующ* митингующ* участник* демонстрант* собрал* көтеріліс* наразылық* жиналған* жиналды`)
	figAttackerWords = newFigWordSet(`attackers militants terrorists bandits gunmen insurgents fighters extremists
		нападавш* боевик* террорист* бандит* экстремист* содыр* лаңкес* террор*`)
)

// Measure flags: what each word says about a counted phrase.
const (
	mDeath uint32 = 1 << iota
	mTorture
	mSecurity
	mInjury
	mDetain
	mTroop
	mCase
	mCriminal
	mAdmin
	mInvestigation
	mWeapon
	mMoney
	mBuilding
	mVehicle
	mProtest
	mAttacker
	mConvict
)

var figMeasureSets = []struct {
	set  *figWordSet
	flag uint32
}{
	{&figDeathWords, mDeath}, {&figTortureWords, mTorture}, {&figSecurityWords, mSecurity},
	{&figInjuryWords, mInjury}, {&figDetainWords, mDetain}, {&figTroopWords, mTroop},
	{&figCaseWords, mCase}, {&figCriminalWords, mCriminal}, {&figAdminWords, mAdmin},
	{&figInvestigationWords, mInvestigation}, {&figWeaponWords, mWeapon}, {&figMoneyWords, mMoney},
	{&figBuildingWords, mBuilding}, {&figVehicleWords, mVehicle}, {&figProtestWords, mProtest},
	{&figAttackerWords, mAttacker}, {&figConvictWords, mConvict},
}

// figMeasureMask returns the measure flags of one lower-case word.
func figMeasureMask(lw string) uint32 {
	var m uint32
	for _, ms := range figMeasureSets {
		if ms.set.has(lw) {
			m |= ms.flag
		}
	}
	return m
}

// figMeasureName turns measure flags into a measure name, or "".
func figMeasureName(m uint32) string {
	has := func(f uint32) bool { return m&f != 0 }
	switch {
	case has(mMoney):
		return "money"
	case has(mDeath) && has(mTorture):
		return "deaths in custody"
	case has(mDeath) && has(mSecurity):
		return "security-force deaths"
	case has(mDeath) && has(mAttacker):
		return "attackers killed"
	case has(mDeath):
		return "deaths"
	case has(mInjury):
		return "injured"
	case has(mCase) && has(mCriminal):
		return "criminal cases"
	case has(mCase) && has(mAdmin):
		return "administrative cases"
	case has(mInvestigation):
		return "investigations"
	case has(mConvict):
		return "convicted"
	case has(mDetain):
		return "detainees"
	case has(mTroop):
		return "troops"
	case has(mWeapon):
		return "weapons"
	case has(mAttacker):
		return "attackers"
	case has(mProtest):
		return "protesters"
	case has(mVehicle):
		return "vehicles"
	case has(mBuilding):
		return "buildings"
	}
	return ""
}
