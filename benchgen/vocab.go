package benchgen

// The word stock of the generator. Everything here is invented for the
// purpose: the people are fictional combinations of common Kazakh and Russian
// names, and the sentences are assembled from fragments, so that no two
// sources read alike and none is copied from the evaluation corpus.

// name is one name in Latin and Cyrillic script.
type name struct{ en, ru string }

var firstNames = []name{
	{"Berik", "Берик"}, {"Asel", "Асель"}, {"Nurlan", "Нурлан"}, {"Aigerim", "Айгерим"}, {"Dauren", "Даурен"},
	{"Marat", "Марат"}, {"Gulnara", "Гульнара"}, {"Serik", "Серик"}, {"Yerlan", "Ерлан"}, {"Aliya", "Алия"},
	{"Timur", "Тимур"}, {"Dana", "Дана"}, {"Arman", "Арман"}, {"Saule", "Сауле"}, {"Kairat", "Кайрат"},
	{"Madina", "Мадина"}, {"Ruslan", "Руслан"}, {"Zhanna", "Жанна"}, {"Askar", "Аскар"}, {"Olga", "Ольга"},
	{"Igor", "Игорь"}, {"Natalia", "Наталья"}, {"Bolat", "Болат"}, {"Ainur", "Айнур"}, {"Daniyar", "Данияр"},
	{"Kamila", "Камила"}, {"Yerzhan", "Ержан"}, {"Lyazzat", "Ляззат"}, {"Sergei", "Сергей"}, {"Irina", "Ирина"},
}

// surnames are given in the masculine form; feminine forms add -a/-а.
var surnames = []name{
	{"Abenov", "Абенов"}, {"Suleimenov", "Сулейменов"}, {"Karimov", "Каримов"}, {"Tulegenov", "Тулегенов"},
	{"Zhaksybekov", "Жаксыбеков"}, {"Ospanov", "Оспанов"}, {"Bekov", "Беков"}, {"Ivanov", "Иванов"},
	{"Petrov", "Петров"}, {"Sadykov", "Садыков"}, {"Iskakov", "Искаков"}, {"Mukhamedov", "Мухамедов"},
	{"Nurpeisov", "Нурпеисов"}, {"Kenzhebaev", "Кенжебаев"}, {"Amanov", "Аманов"}, {"Baimukhanov", "Баймуханов"},
	{"Yesenov", "Есенов"}, {"Kuanyshev", "Куанышев"}, {"Smagulov", "Смагулов"}, {"Orlov", "Орлов"},
	{"Temirov", "Темиров"}, {"Zhumabekov", "Жумабеков"}, {"Sarsenov", "Сарсенов"}, {"Volkov", "Волков"},
	{"Akhmetov", "Ахметов"}, {"Dzhumanov", "Джуманов"}, {"Rakhimov", "Рахимов"}, {"Serikbaev", "Серикбаев"},
}

var feminine = map[string]bool{"Asel": true, "Aigerim": true, "Gulnara": true, "Aliya": true, "Dana": true, "Saule": true,
	"Madina": true, "Zhanna": true, "Olga": true, "Natalia": true, "Ainur": true, "Kamila": true, "Lyazzat": true, "Irina": true}

// office is a position: its title in both languages and its organisation.
type office struct{ en, ru, org string }

var offices = []office{
	{"Prosecutor General", "Генеральный прокурор", "Prosecutor General's Office"},
	{"Deputy Prosecutor General", "заместитель Генерального прокурора", "Prosecutor General's Office"},
	{"Minister of Internal Affairs", "министр внутренних дел", "Ministry of Internal Affairs"},
	{"Chairman of the National Security Committee", "председатель Комитета национальной безопасности", "KNB"},
	{"Minister of Health", "министр здравоохранения", "Ministry of Health"},
	{"Member of the Majilis", "депутат Мажилиса", "Majilis"},
	{"Senator", "сенатор", "Senate"},
	{"akim of Almaty", "аким Алматы", "Akimat of Almaty"},
	{"human rights commissioner", "уполномоченный по правам человека", "Office of the Commissioner"},
	{"head of the special prosecutor's service", "руководитель службы специальных прокуроров", "Prosecutor General's Office"},
	{"presidential spokesman", "пресс-секретарь президента", "Presidential Administration"},
	{"defence lawyer", "адвокат", "Bar Association"},
	{"head of the investigative group", "руководитель следственной группы", "Ministry of Internal Affairs"},
	{"commander of the peacekeeping contingent", "командующий миротворческим контингентом", "CSTO"},
}

// Quotations are built from a subject, a predicate and a tail.
var quoteSubjects = [2][]string{
	{"Foreign fighters", "The security forces", "The investigators", "Our officers", "The detainees", "Peaceful protesters",
		"The organisers of the riots", "Armed groups", "The peacekeepers", "The victims' families", "Law enforcement agencies",
		"The special prosecutors", "Local authorities", "Several officials", "The witnesses"},
	{"Иностранные боевики", "Силовые структуры", "Следователи", "Наши сотрудники", "Задержанные", "Мирные демонстранты",
		"Организаторы беспорядков", "Вооружённые группы", "Миротворцы", "Родственники погибших", "Правоохранительные органы",
		"Специальные прокуроры", "Местные власти", "Несколько чиновников", "Свидетели"},
}

var quotePredicates = [2][]string{
	{"were not there", "acted strictly within the law", "took part in the unrest", "have been questioned", "were released without charge",
		"were tortured in custody", "opened fire first", "seized the airport", "received no orders to shoot", "destroyed the evidence",
		"were trained abroad", "cooperated with the investigation", "refused to answer", "were paid to riot", "protected the city"},
	{"там не было", "действовали строго в рамках закона", "участвовали в беспорядках", "были допрошены", "освобождены без обвинения",
		"подвергались пыткам под стражей", "первыми открыли огонь", "захватили аэропорт", "не получали приказа стрелять", "уничтожили улики",
		"проходили подготовку за рубежом", "сотрудничали со следствием", "отказались отвечать", "получали деньги за участие", "защищали город"},
}

var quoteTails = [2][]string{
	{"on the night of 5 January", "in Almaty and Taldykorgan", "according to the investigation", "and the evidence confirms it",
		"as the commission has established", "whatever some media claim", "during the first days of the unrest", "in every region",
		"before the state of emergency", "and we will prove it in court"},
	{"в ночь на 5 января", "в Алматы и Талдыкоргане", "по данным следствия", "и это подтверждают доказательства",
		"как установила комиссия", "что бы ни писали некоторые СМИ", "в первые дни беспорядков", "во всех регионах",
		"до введения чрезвычайного положения", "и мы докажем это в суде"},
}

var speechVerbs = [2][]string{
	{"said", "stated", "told reporters", "declared", "affirmed", "replied", "told the Majilis", "noted"},
	{"заявил", "сказал", "отметил", "сообщил", "подчеркнул", "ответил", "рассказал журналистам", "добавил"},
}

// Narrative sentences between the quotations, with %s for a place.
var narrative = [2][]string{
	{"The hearing in %s lasted several hours.", "Relatives of the detainees gathered outside the court in %s.",
		"The ministry did not answer a written request for comment.", "Lawyers say the case files remain closed.",
		"Journalists were not admitted to the session in %s.", "The commission published its interim report on Friday.",
		"Human rights groups have documented dozens of complaints in %s.", "The figures have been revised several times since January.",
		"Parliament is expected to return to the question next month.", "Independent monitors were present in %s."},
	{"Заседание в %s продолжалось несколько часов.", "Родственники задержанных собрались у здания суда в %s.",
		"Министерство не ответило на письменный запрос.", "По словам адвокатов, материалы дела остаются закрытыми.",
		"Журналистов не пустили на заседание в %s.", "Комиссия опубликовала промежуточный доклад в пятницу.",
		"Правозащитники зафиксировали десятки жалоб в %s.", "С января эти цифры пересматривались несколько раз.",
		"Парламент вернётся к этому вопросу в следующем месяце.", "В %s присутствовали независимые наблюдатели."},
}

var places = [2][]string{
	{"Almaty", "Taldykorgan", "Shymkent", "Aktobe", "Kyzylorda", "Taraz", "Zhanaozen", "Astana", "Uralsk", "Semey"},
	{"Алматы", "Талдыкоргане", "Шымкенте", "Актобе", "Кызылорде", "Таразе", "Жанаозене", "Астане", "Уральске", "Семее"},
}

// measure is what a figure counts, with a phrase in each language (%d for the number).
type measure struct {
	slug   string
	phrase [2]string
	low    int
	high   int
}

var measures = []measure{
	{"deaths", [2]string{"%d people died", "погибли %d человек"}, 150, 240},
	{"detainees", [2]string{"%d people were detained", "задержаны %d человек"}, 5000, 12000},
	{"injured", [2]string{"%d people were injured", "пострадали %d человек"}, 2000, 5000},
	{"torture-deaths", [2]string{"%d detainees died under torture", "%d задержанных умерли от пыток"}, 2, 9},
	{"troops", [2]string{"%d foreign troops arrived", "прибыли %d иностранных военных"}, 2000, 3000},
}

// Claims are propositions under dispute, with a place to vary them.
var claimTexts = [][2]string{
	{"Foreign fighters took part in the events in %s", "Иностранные боевики участвовали в событиях в %s"},
	{"Security forces fired on peaceful protesters in %s", "Силовики стреляли по мирным демонстрантам в %s"},
	{"Detainees were tortured in %s", "Задержанных пытали в %s"},
	{"The riots in %s were organised in advance", "Беспорядки в %s были организованы заранее"},
	{"The official death toll for %s is complete", "Официальное число погибших в %s полное"},
	{"The airport in %s was seized by armed groups", "Аэропорт в %s был захвачен вооружёнными группами"},
}

var questionTexts = [2][]string{
	{"When will the names of all the dead in %s be published?", "Who gave the order to shoot in %s?",
		"Why were lawyers denied access to the detainees in %s?", "How many foreign fighters were detained in %s?"},
	{"Когда будут опубликованы имена всех погибших в %s?", "Кто отдал приказ стрелять в %s?",
		"Почему адвокатов не допускали к задержанным в %s?", "Сколько иностранных боевиков задержано в %s?"},
}

var publishers = []string{"Kursiv Media", "Vlast.kz Review", "Steppe Herald", "Almaty Daily", "Orda Report", "Radio Azattyq Monitor",
	"Tengri Wire", "KazTAG Digest", "Eurasia Desk", "Nur Courier"}
