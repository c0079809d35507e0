package extract

// The stance lexicon: a modest, general vocabulary of political violence and
// its investigation, in English, Russian and Kazakh, grouped into concepts
// that all three languages share. A claim's own words select its concepts;
// a quotation's words map onto the same concepts, so a Kazakh quotation can
// be compared with a claim written only in English and Russian.
//
// It is deliberately not a list of any case's answers: it names kinds of
// actors, acts and qualities (armed groups, foreign, coup, torture, troops,
// shooting, detainees …) that recur in disputes about state violence. Words of
// a claim that the lexicon does not know are still used, literally, in the
// claim's own language (see stanceLiteral in stance_claim.go).
//
// Form syntax: space-separated word patterns; "stem*" matches any word
// beginning with stem, a pattern without "*" matches that word exactly, "?"
// matches any one word. The longest match wins, and an exact form mapped to
// no concept ("") blocks a prefix ("қатысты" means "concerning", not "took
// part"). A form marked "+" names a deed that may be reported without its
// doer ("were killed", "убиты"): it supports a claim about a doer only when
// one stands next to it or follows "by".

// stanceKind says what part a concept plays in a claim.
type stanceKind uint8

const (
	// stanceEntity: who or what the claim is about (terrorists, a coup,
	// torture, protesters). A claim is addressed only when all its entity and
	// identity concepts are.
	stanceEntity stanceKind = iota
	// stanceIdentity: a quality that makes the claim what it is (foreign).
	// Required like an entity, but denying it alone needs the entity nearby.
	stanceIdentity
	// stanceAgent: who acts (security forces). A claim that names its agent
	// is supported only by a sentence that names it too.
	stanceAgent
	// stancePatient: who is acted on, often implicit (detainees).
	stancePatient
	// stancePredicate: what is done (take part, use, attempt, plan). A negated
	// predicate negates its clause.
	stancePredicate
	// stanceDegree: how much or how badly (mass, unjustified).
	stanceDegree
	// stanceSetting: the case's time and frame (January, events): it says
	// little about which claim is meant.
	stanceSetting
	// stanceLiteral: a claim word outside the lexicon, matched by its stem in
	// the claim's own language.
	stanceLiteralKind
)

// stanceKindWeight is how much a matched concept of each kind adds to a claim's
// coverage.
var stanceKindWeight = [...]float64{
	stanceEntity:      1.0,
	stanceIdentity:    1.0,
	stanceAgent:       0.5,
	stancePatient:     0.5,
	stancePredicate:   0.6,
	stanceDegree:      0.5,
	stanceSetting:     0.15,
	stanceLiteralKind: 0.6,
}

type stanceConceptDef struct {
	id    string
	kind  stanceKind
	forms map[string][]string // language → forms
}

var stanceConcepts = []stanceConceptDef{
	{id: "armed-group", kind: stanceEntity, forms: map[string][]string{
		"en": {"terror*", "militant*", "bandit*", "gang", "gangs", "gangster*", "extremis*", "insurgent*",
			"gunman", "gunmen", "jihadi*", "mercenar*", "saboteur*", "armed group*", "armed men",
			"armed formation*", "fighters"},
		"ru": {"террор*", "боевик*", "бандит*", "банда", "банды", "банд", "бандам*", "бандой", "бандформирован*",
			"бандгрупп*", "экстремис*",
			"джихадист*", "наемник*", "диверсант*", "вооруженн* групп*", "вооруженн* формирован*",
			"незаконн* вооруженн* формирован*"},
		"kk": {"лаңкес*", "содыр*", "террорис*", "бандит*", "экстремис*", "қарулы топ*", "қарулы жасақ*",
			"жалдамалы*"},
	}},
	{id: "foreign", kind: stanceIdentity, forms: map[string][]string{
		"en": {"foreign*", "international", "abroad", "overseas", "external*", "from outside",
			"outside forces", "non-kazakh*", "other countries", "neighbo* countries",
			"other states", "third countries", "from ? countries", "from ? ? countries", "from ? states",
			"citizens of ? countries", "citizens of other*"},
		"ru": {"иностран*", "зарубеж*", "заграниц*", "из-за рубеж*", "из-за границ*", "за рубеж*",
			"за границ*", "международн*", "извне", "внешн* сил*", "внешн* агресси*", "внешн* вмешательств*",
			"внешн* враг*", "внешн* противник*", "внешн* управлен*", "внешн* центр*", "из других стран", "других государств",
			"других стран", "соседних стран", "соседних государств", "из ? стран", "из ? ? стран",
			"из ? государств", "граждан* ? государств", "граждан* ? стран", "граждан* других*"},
		"kk": {"шетел*", "шет ел*", "шет елдік*", "халықаралық*", "сырттан*", "сырттағы*", "басқа елдер*",
			"сыртқы күш*", "сыртқы жау*", "елдерінен", "елдерден",
			"көрші елдер*"},
	}},
	{id: "coup", kind: stanceEntity, forms: map[string][]string{
		"en": {"coup*", "putsch*", "seiz* power", "seiz* of power", "seize* power", "take over power",
			"takeover of power", "overthrow*", "usurp*", "grab* power", "power grab*", "seiz* the power"},
		"ru": {"переворот*", "госпереворот*", "государственн* переворот*", "путч*", "захват* власт*", "захватить власть", "свержен*", "сверг*",
			"узурп*", "насильственн* захват*", "насильственн* смен* власт*"},
		"kk": {"төңкеріс*", "билік* басып*", "билік* тартып*", "билік* күшпен*", "билікті басып*",
			"мемлекет* басып ал*", "мемлекет* күшпен басып*", "күшпен басып ал*"},
	}},
	{id: "csto", kind: stanceEntity, forms: map[string][]string{
		"en": {"csto", "collective security treaty*"},
		"ru": {"одкб", "коллективн* безопасност*", "договор* о коллективной*"},
		"kk": {"ұқшұ", "ұжымдық қауіпсіздік*"},
	}},
	{id: "forces", kind: stanceAgent, forms: map[string][]string{
		"en": {"security forces", "armed forces", "special forces", "law enforcement*", "police*", "policeman", "policemen", "troops", "troop", "soldier*", "servicem*", "military", "army", "armies",
			"peacekeep*", "contingent*", "forces", "national guard*", "riot police", "security services", "officers",
			"riot officers",
			"special services"},
		"ru": {"силовик*", "силов* структур*", "полиц*", "войск*", "военн*", "военнослужащ*", "армия", "армии",
			"армией", "армию", "солдат*", "миротвор*", "контингент*", "правоохран*", "нацгвард*",
			"национальн* гварди*", "спецназ*", "силы", "сил", "силам", "силами", "силах", "спецслужб*",
			"омон*", "собр"},
		"kk": {"әскер*", "полиция*", "полицей*", "сарбаз*", "бітімгер*", "құқық қорғау*", "күштер*",
			"ұлттық ұлан*", "арнайы жасақ*"},
	}},
	{id: "protester", kind: stanceEntity, forms: map[string][]string{
		"en": {"protest*", "peaceful protest*", "peaceful demonstrator*", "demonstrator*", "rallies", "rally",
			"marchers", "crowd*"},
		"ru": {"протест*", "мирн* протест*", "мирн* демонстрант*", "мирн* митинг*", "митинг*", "демонстрант*",
			"манифестант*", "толп*"},
		"kk": {"наразылық*", "наразы*", "шеру*", "митинг*"},
	}},
	{id: "civilian", kind: stanceEntity, forms: map[string][]string{
		"en": {"civilian*", "bystander*", "passer*", "passers-by", "innocent*", "peaceful citizen*",
			"peaceful people", "ordinary people", "unarmed*", "children", "child"},
		"ru": {"мирн* жител*", "мирн* граждан*", "мирн* населен*", "мирн* люд*", "случайн* люд*",
			"случайн* прохож*", "прохож*", "невинн*", "безоружн*", "дети", "детей", "детям", "ребен*"},
		"kk": {"бейбіт*", "жазықсыз*", "қарусыз*", "бала*", "кездейсоқ*"},
	}},
	{id: "detainee", kind: stancePatient, forms: map[string][]string{
		"en": {"detain*", "detention*", "arrest*", "custody", "prisoner*", "jail*", "inmate*"},
		"ru": {"задержан*", "задержив*", "задержал*", "арест*", "заключенн*", "под страж*", "сизо",
			"изолятор*", "узник*"},
		"kk": {"ұсталған*", "ұсталды*", "ұстал*", "қамау*", "қамалған*", "тұтқын*", "тергеу изолятор*"},
	}},
	{id: "torture", kind: stanceEntity, forms: map[string][]string{
		"en": {"tortur*", "ill-treat*", "mistreat*", "cruel treatment", "inhuman*", "beat* detainee*", "beat* prisoner*", "beaten in custody",
			"beatings in custody", "detainees were beaten", "prisoners were beaten", "beaten in police station*",
			"beaten at police station*", "beaten in the police station*", "beaten in cells", "beaten in the cells"},
		"ru": {"пытк*", "пыток", "подверг* пытк*", "подверг* пыток", "пытали", "пытал", "пытают", "пытать", "истязан*", "истяза*",
			"издевательств*", "жесток* обращен*", "бесчеловечн*", "избиени* задержанн*", "избива* задержанн*", "избил* задержанн*",
			"задержанн* избива*", "избива* в изолятор*", "избива* в отделени*", "избиени* в отделени*",
			"избива* в участк*", "избиени* в участк*", "подверга* насили*", "подвергл* насили*"},
		"kk": {"азаптау*", "азапта*", "азап*", "қинау*", "ұрып-соғу*"},
	}},
	{id: "combat", kind: stanceEntity, forms: map[string][]string{
		"en": {"combat*", "fight", "fighting", "fights", "fought", "battle*", "hostilities", "clashes",
			"military operation*", "armed clash*", "firefight*", "shootout*", "gun battle*"},
		"ru": {"боевы*", "боевое", "боев* действи*", "бой", "боя", "боях", "бои", "боем", "боев", "сражен*", "стычк*",
			"столкновен*", "военн* операци*", "вооруженн* столкновен*", "перестрелк*"},
		"kk": {"ұрыс*", "шайқас*", "қақтығыс*", "әскери операция*", "атыс*"},
	}},
	{id: "antiterror", kind: stanceEntity, forms: map[string][]string{
		// "the fight against international terrorism" is a policy, not a
		// report that foreign terrorists came.
		"en": {"antiterror*", "anti-terror*", "anti-terror* operation*", "antiterror* operation*",
			"counterterror*", "counter-terror*", "counter-terror* operation*", "counterterror* operation*",
			"fight* against terror*",
			"fight* terror*", "ato", "fight* against international terror*", "counter* international terror*",
			"combat* international terror*", "against international terror*", "counter* terror*",
			"combat* terror*"},
		"ru": {"антитеррор*", "антитеррор* операци*", "контртеррор*", "контртеррор* операци*", "борьб* с террор*", "борьб* с международн* террор*",
			"противодейств* международн* террор*", "противодейств* террор*", "против международн* террор*"},
		"kk": {"терроризмге қарсы*", "лаңкестікке қарсы*", "антитеррор*", "халықаралық терроризмге қарсы*"},
	}},
	{id: "lethal", kind: stanceEntity, forms: map[string][]string{
		"en": {"lethal*", "lethal force", "deadly force", "military force", "force against", "live ammunition", "live round*", "live fire", "shoot*", "+shot", "shots",
			"open* fire", "fire", "+fired", "firing", "gunfire", "fire on", "fire at", "kill", "kills", "killing*",
			"+killed", "sniper*", "massacre*",
			"gunned down", "gunning down", "use* weapon*", "used firearm*", "use* firearm*", "using weapon*",
			"use of weapon*", "use of firearm*"},
		"ru": {"смертонос*", "смертонос* сил*", "военн* сил* против", "силу против", "оружи* против", "боев* патрон*", "боевыми патронами", "стрел*", "выстрел*", "обстрел*", "огонь",
			"огня", "огнем", "расстрел*", "+расстреля*", "убий*", "убив*", "+убит*", "убил*", "на поражение", "снайпер*",
			"пристрел*", "застрел*", "перестрелял*", "примен* оружи*", "использ* оружи*", "примен* огнестрел*"},
		"kk": {"оқ ат*", "атқыла*", "атқан*", "өлтір*", "+өлтіріл*", "мерген*", "+оққа ұш*", "қаруды қолдан*", "оқ",
			"оқпен"},
	}},
	{id: "unjustified", kind: stanceDegree, forms: map[string][]string{
		"en": {"unjustif*", "excessive*", "disproportion*", "indiscriminat*", "unlawful*", "illegal*",
			"arbitrar*", "without warning", "unwarranted", "unprovoked", "without justification",
			"without any justification", "without apparent justification", "without any apparent justification",
			"without reason", "without any reason"},
		"ru": {"неоправдан*", "чрезмерн*", "несоразмерн*", "непропорц*", "незаконн*", "без предупрежден*",
			"произвол*", "неправомерн*", "без причин*", "без всякой причин*", "без оснований", "без всяких оснований"},
		"kk": {"негізсіз*", "заңсыз*", "шектен тыс*", "ескертусіз*", "орынсыз*"},
	}},
	{id: "mass", kind: stanceDegree, forms: map[string][]string{
		"en": {"mass", "mass scale", "massive*", "widespread", "wide scale", "large scale", "large-scale", "systemat*",
			"numerous", "many", "hundreds"},
		"ru": {"массов*", "повсемест*", "систематич*", "системн*", "широк* масштаб*", "многочисленн*",
			"сотни"},
		"kk": {"жаппай*", "кең көлем*", "жүйелі*", "көптеген*"},
	}},
	// Inquiries into disasters and cover-ups: warnings that went unheeded,
	// deaths or facts hidden.
	{id: "warning", kind: stanceEntity, forms: map[string][]string{
		"en": {"warning*", "warned", "safety report*", "inspection report*", "complaint*", "alarm*"},
		"ru": {"предупрежд*", "предостереж*", "докладн*", "предписани*", "жалоб*", "сигнал*"},
		"kk": {"ескерту*", "ескертт*", "ескертпе*", "шағым*"},
	}},
	{id: "ignore", kind: stancePredicate, forms: map[string][]string{
		"en": {"ignor*", "disregard*", "unanswered", "unheeded", "no answer", "no response", "brushed aside"},
		"ru": {"игнорир*", "проигнорир*", "без ответа", "без внимания", "без реакции", "отмахива*", "отмахнул*"},
		"kk": {"елемед*", "елемеген*", "елемей*", "елеусіз*", "назар аудармад*", "жауапсыз"},
	}},
	{id: "conceal", kind: stanceEntity, forms: map[string][]string{
		"en": {"conceal*", "cover-up*", "covered up", "cover up", "hid", "hidden", "hide", "hiding", "withheld",
			"left off the list", "left off the official list", "missing from"},
		"ru": {"скры*", "скрыв*", "утаи*", "утаива*", "замалчива*", "занизи*", "занижа*", "не включ*"},
		"kk": {"жасыр*", "бүркемеле*", "енгізілмеді*", "енгізбеді*", "тізімге енгізілме*"},
	}},
	{id: "participate", kind: stancePredicate, forms: map[string][]string{
		"en": {"take part", "took part", "taking part", "takes part", "taken part", "participat*", "involv*",
			"engaged in", "attacked by", "behind"},
		"ru": {"участвова*", "участву*", "участи*", "участник*", "причаст*", "замешан*", "стоял* за"},
		"kk": {"қатыс*", "аралас*"},
	}},
	{id: "use", kind: stancePredicate, forms: map[string][]string{
		"en": {"use", "used", "using", "uses", "resort* to", "appl*", "employed", "employing", "employs"},
		"ru": {"примен*", "использова*", "использу*"},
		"kk": {"қолдан*", "пайдалан*"},
	}},
	{id: "attempt", kind: stancePredicate, forms: map[string][]string{
		"en": {"attempt*", "tried", "try", "tries", "trying"},
		"ru": {"попыт*", "пыталис*", "пытался", "пыталась", "пытаться", "пытаются", "пытается"},
		"kk": {"әрекет*", "талпын*"},
	}},
	{id: "plan", kind: stancePredicate, forms: map[string][]string{
		"en": {"plan*", "prepar*", "well-prepar*", "organi*", "orchestrat*", "premeditat*", "plot*"},
		"ru": {"планир*", "спланир*", "подготов*", "готовил*", "организ*", "замысл*", "заранее", "заговор*"},
		"kk": {"жоспар*", "дайында*", "ұйымдастыр*", "алдын ала*"},
	}},
	{id: "january", kind: stanceSetting, forms: map[string][]string{
		"en": {"januar*"},
		"ru": {"январ*"},
		"kk": {"қаңтар*"},
	}},
	{id: "events", kind: stanceSetting, forms: map[string][]string{
		"en": {"event*", "unrest", "riot*", "disturbance*", "mass riot*", "mass unrest", "mass disorder*"},
		"ru": {"событи*", "беспоряд*", "массов* беспоряд*"},
		"kk": {"оқиға*", "тәртіпсіздік*", "жаппай тәртіпсіздік*"},
	}},
	// Exact forms that look like a concept's stem but mean something else.
	{id: "", forms: map[string][]string{
		"en": {"on fire", "set fire", "caught fire", "fire brigade*", "fire broke*", "ceasefire", "fighters for*",
			"international law", "amnesty international", "international community",
			"foreign minist*", "foreign affairs", "foreign intelligence", "foreign polic*", "foreign press",
			"foreign media", "foreign journalist*", "foreign diplomat*", "foreign investor*", "foreign invest*",
			"foreign trade", "foreign exchange", "foreign currenc*", "planet*",
			"plants", "applause", "apple*", "appeal*", "apparent*", "approach*", "appoint*", "apprec*",
			"policy", "policies", "polici*", "behind bars", "many thanks", "armed forces day", "protestant*",
			"rallied", "engaged", "forces of", "try to understand", "shot down", "shoot down"},
		"ru": {"участок", "участка", "участке", "участки", "участков", "участковый", "участковых", "участь",
			"военн* прокур*", "внешн* политик*", "международн* прав*", "иностранн* дел*", "мид",
			"внешн* разведк*", "иностранн* журналист*", "иностранн* СМИ", "иностранн* инвест*",
			"внешн* торгов*", "иностранн* дипломат*",
			"силу", "силой", "сила", "силе",
			"бандероль*", "убийц*"},
		"kk": {"қатысты", "қатысы", "қатысын", "бала-шаға", "баламасы*", "баланс*", "сыртқы істер*",
			"шетелдік журналист*", "шетелдік инвест*"},
	}},
}

// stanceCueClass is a word or phrase that bears on polarity or commitment.
type stanceCueClass uint8

const (
	stanceCueNone stanceCueClass = iota
	// stanceCueNot negates the word it stands before ("not", "не", "never").
	stanceCueNot
	// stanceCueNoDet denies the existence of what follows ("no", "никаких",
	// "not a single").
	stanceCueNoDet
	// stanceCueAbsent denies the existence of what its clause names ("нет",
	// "не было", "жоқ", "were not there", "absent").
	stanceCueAbsent
	// stanceCueCopulaNot denies the predicate noun before it (Kazakh "емес").
	stanceCueCopulaNot
	// stanceCueDeny: a verb of denial whose object is the rest of the sentence.
	stanceCueDeny
	// stanceCueFalse: a verdict of falsehood on its sentence ("it is a lie").
	stanceCueFalse
	// stanceCueHedge: what follows in the sentence is threatened, possible,
	// aimed at or alleged, not asserted.
	stanceCueHedge
	// stanceCueDirective: what follows in the sentence is ordered, demanded,
	// aimed at or feared, and a negation there forbids rather than denies
	// ("troops must not fire").
	stanceCueDirective
	// stanceCueLegal: what follows names a charge or an article of law, not a
	// fact the speaker asserts ("cases of attempted coup").
	stanceCueLegal
	// stanceCueAffirm: the speaker confirms or admits.
	stanceCueAffirm
	// stanceCueExist: a verb of existence or occurrence; negated, it denies
	// what its clause names.
	stanceCueExist
	// stanceCueEmphatic: looks like a negation but is not ("not only",
	// "no doubt", "не только").
	stanceCueEmphatic
	// stanceCueOpinion: a verb of opinion; negated, it negates what follows
	// ("I don't think there was a coup").
	stanceCueOpinion
	// stanceCueSkip: small words a negation reaches across ("not a", "not even").
	stanceCueSkip
	// stanceCuePronoun: a pronoun that refers back to what the context named.
	stanceCuePronoun
	// stanceCueReceive: a verb of receiving; negated, it denies that what it
	// names reached its subject ("we did not receive a single warning"), and
	// so that there was any; its subject is not denied.
	stanceCueReceive
)

var stanceCues = map[stanceCueClass]map[string][]string{
	// Phrases that contain a cue word but are no cue.
	stanceCueNone: {
		"en": {"law and order", "constitutional order", "public order", "in order", "order of", "in question"},
		"ru": {"правопорядок*", "конституционн* порядок*", "вопрос* безопасност*"},
		"kk": {"құқық тәртіп*"},
	},
	stanceCueNot: {
		"en": {"not", "never", "neither", "nor"},
		"ru": {"не", "никогда", "ни"},
		"kk": {},
	},
	stanceCueNoDet: {
		"en": {"no", "none", "not a single", "not one", "not any", "nobody", "no one", "nothing", "zero"},
		"ru": {"никаких", "никакого", "никакой", "никакие", "никакая", "ни одного", "ни одной", "ни единого",
			"ни один", "ни одна", "никто", "ничего"},
		"kk": {"ешқандай", "бірде-бір", "ешбір", "ешкім", "ештеңе"},
	},
	stanceCueAbsent: {
		"en": {"not there", "absent", "no such", "did not exist", "does not exist", "do not exist",
			"never existed", "non-existent", "nonexistent"},
		// "не было" is impersonal and denies existence; "не были", "не был"
		// agree with a subject and only negate what follows ("не были
		// задержаны"), unless that is a place ("не были там").
		"ru": {"нет", "не было", "отсутств*", "не существ*", "не имел* мест*"},
		"kk": {"жоқ", "болған жоқ", "болмады", "болмаған", "болмапты", "болмайды", "болмақ емес", "кездеспеді", "тіркелмеді",
			"анықталмады", "расталмады"},
	},
	stanceCueCopulaNot: {
		"kk": {"емес"},
	},
	stanceCueDeny: {
		"en": {"deny", "denies", "denied", "denying", "refut*", "reject*", "dismiss*", "rebut*", "disprov*"},
		"ru": {"опроверг*", "отрица*", "отверг*", "опровержен*", "открестил*"},
		"kk": {"жоққа шығар*", "теріске шығар*", "теріске*", "жоққа*", "жоқка*"},
	},
	stanceCueFalse: {
		"en": {"not true", "untrue", "false*", "lie", "lies", "fake*", "myth*", "fabricat*", "nonsense",
			"fiction", "baseless", "groundless", "unfounded", "disinformation"},
		"ru": {"неправд*", "не правда", "ложь", "лжи", "ложн*", "фейк*", "миф*", "вымысел", "вымысл*",
			"выдумк*", "выдумал*", "не соответству* действительност*", "безоснователь*", "голословн*",
			"дезинформац*", "чушь", "неправ*"},
		"kk": {"өтірік*", "жалған*", "шындыққа сәйкес келмейді", "негізсіз*", "ақиқатқа жанаспайды"},
	},
	stanceCueHedge: {
		"en": {"potential*", "possib*", "may", "might", "could", "would", "if", "whether",
			"alleg*", "rumou*", "suppos*", "probabl*", "perhaps", "maybe",
			"so-called", "purported*", "reportedly", "claimed", "claim that", "claims that", "claims of",
			"will", "asked", "ask*", "question*",
			"investigation into", "investigations into", "inquiry into", "complaint*",
			"neither confirm nor deny", "confirm or deny", "confirm nor deny", "talk of", "speculat*", "theory",
			"theories", "version*", "hypothes*"},
		"ru": {"возможн*", "якобы", "если", "ли", "предполож*",
			"вероятн*", "может", "могут", "мог", "могли", "могла", "могло", "бы", "слух*",
			"так называем*", "будто", "будет", "будут", "допуст*", "говорят",
			"утвержда*", "вопрос*", "спросил*", "спрашива*", "жалоб*", "ни подтвердить ни опровергнуть",
			"ни подтвердить", "подтвердить или опровергнуть", "верси*", "гипотез*", "домыс*", "спекуляци*"},
		"kk": {"мүмкін*", "егер", "деген сияқты", "сияқты", "болуы мүмкін",
			"сұрақ*", "сұрады", "сұраған*", "шағым*", "нұсқа*", "болжам*"},
	},
	stanceCueDirective: {
		"en": {"threat*", "in order to", "so as to", "aimed at", "aim of", "aims to", "intended to", "prevent*",
			"risk*", "danger of", "fear*", "should", "ordered", "order to", "orders to", "the order", "goal of",
			"goal to", "purpose of", "intention to", "intentions", "must", "ought to", "need to", "needs to",
			"urge*", "call on", "calls on", "called on", "calling on", "demand*"},
		"ru": {"угроз*", "с целью", "чтобы", "для того", "предотвра*", "риск*", "опасност*", "приказ*",
			"намерени*", "намерева*", "должн*", "обязан*", "следует", "необходимо", "призыва*", "призвал*",
			"требу*", "потребова*"},
		"kk": {"қауіп*", "алдын алу*", "үшін", "бұйрық*", "бұйырды", "тиіс*", "керек*", "қажет*", "талап*",
			"шақыр*"},
	},
	stanceCueLegal: {
		"en": {"cases of", "case of", "cases on", "case on", "cases for", "charged with", "charges of",
			"charge of", "convicted of", "accused of", "suspected of", "suspicion of", "article*",
			"criminal case*", "charged under", "on charges", "cases concerning", "cases involving", "on suspicion",
			"case concerning", "case involving", "sentenced", "sentence*", "convicted", "verdict*", "trial of",
			"prosecuted for", "jailed for"},
		"ru": {"дело о", "дела о", "дел о", "дело по", "дела по", "дел по", "делу о", "делам о",
			"уголовн* дел*", "по статье", "статья", "статье", "статьи", "статьям", "обвин*", "осужд*",
			"осужден*", "подозрева*", "подозрени*", "по факт*", "приговор*", "судим*", "по обвинению"},
		"kk": {"қылмыстық іс*", "бап", "бабы*", "бабымен", "айыпта*", "айыптал*", "сотталған*", "сотталды*",
			"күдік*", "үкім*"},
	},
	stanceCueAffirm: {
		"en": {"confirm*", "admit*", "acknowledg*", "indeed", "undoubtedly", "clearly", "obvious*",
			"proved", "proven"},
		"ru": {"подтверд*", "подтвержд*", "признал*", "признает", "признаем", "действительно", "несомненно",
			"очевидно", "доказан*"},
		"kk": {"растад*", "расталды", "мойында*", "шынымен", "анық", "дәлелден*"},
	},
	stanceCueExist: {
		"en": {"there", "exist*", "occur*", "happen*", "take place", "took place", "taken place", "record*",
			"found", "detect*", "identified", "present", "among", "involved"},
		"ru": {"был", "была", "было", "были", "есть", "существ*", "имел* мест*", "происход*", "произош*",
			// "жалоб не поступало": nothing came in.
			"поступал*", "поступило", "поступили", "поступила",
			"зафиксир*", "выявл*", "выявлен*", "установл*", "обнаруж*", "среди", "нашл*", "найден*", "нашел",
			"там", "здесь",
			// "наемников среди задержанных не оказалось": there were none.
			"оказалось", "оказался", "оказалась", "оказались"},
		"kk": {"болған*", "болды", "бар", "орын ал*", "тіркел*", "анықтал*"},
	},
	stanceCueEmphatic: {
		"en": {"not only", "no doubt", "no less", "not least", "nothing but", "no wonder", "never again",
			"not just", "no matter", "not to mention", "no longer", "no question", "without question",
			"beyond question", "beyond doubt", "without doubt", "without a doubt", "no choice but", "no option but",
			"no alternative but"},
		"ru": {"не только", "не просто", "нет сомнени*", "не сомнева*", "не секрет", "ничего кроме",
			"не менее", "не раз", "не мог не", "не могу не", "не может не", "не могли не", "ни для кого", "не было выбора",
			"не оставалось ничего",
			"не исключ*"},
		"kk": {"ғана емес", "күмән жоқ", "сөзсіз"},
	},
	stanceCueOpinion: {
		"en": {"think", "believe", "consider", "say that", "agree"},
		"ru": {"считаю", "считаем", "думаю", "думаем", "верю", "полагаю", "согласен", "согласна"},
		"kk": {"ойламаймын", "санамаймын", "келіспеймін"},
	},
	stanceCueSkip: {
		"en": {"a", "an", "any", "the", "even", "ever", "been", "be", "have", "has", "yet", "once", "really",
			"actually", "directly", "in", "at", "so", "too"},
		"ru": {"было", "были", "был", "была", "даже", "в", "во", "при", "то"},
		"kk": {},
	},
	stanceCueReceive: {
		"en": {"received", "receive", "receives", "receiving"},
		"ru": {"получал*", "получил*", "получа*", "получен*", "получить"},
	},
	stanceCuePronoun: {
		"en": {"they", "them", "these", "those", "it", "he", "she", "such", "this", "that"},
		"ru": {"они", "их", "это", "эти", "этих", "таких", "такие", "он", "она", "оно", "того", "этого"},
		"kk": {"олар", "бұлар", "ол", "мұндай", "ондай", "оның", "олардың", "бұл"},
	},
}
