package web

import (
	"fmt"
	"regexp"
	"strings"
)

// Interface strings of the analysts' workspace (/w/) in Russian and Kazakh.
// They are added to the catalogues of i18n_ru.go and i18n_kk.go without
// replacing an entry the public site already has, so a word reads the same
// on both. A Kazakh string left out falls back to English.
func init() {
	for lang, entries := range map[string]map[string]string{"ru": wsRussian, "kk": wsKazakh} {
		if catalogues[lang] == nil {
			catalogues[lang] = map[string]string{}
		}
		for en, tr := range entries {
			if _, ok := catalogues[lang][en]; !ok {
				catalogues[lang][en] = tr
			}
		}
	}
}

var wsRussian = map[string]string{
	"Workspace":      "Рабочее место",
	"Log out":        "Выйти",
	"Review":         "Проверка",
	"Sources":        "Источники",
	"Claims":         "Утверждения",
	"Contradictions": "Противоречия",
	"Figures":        "Цифры",
	"Questions":      "Вопросы",
	"Search":         "Поиск",
	"Chapters":       "Главы",
	"People":         "Люди",

	"Address (lower-case letters, digits, dashes)": "Адрес (строчные латинские буквы, цифры, дефисы)",
	"Aliases":                "Другие имена",
	"Answering statement id": "Номер высказывания-ответа",
	"Change speaker":         "Сменить говорящего",
	"Changes":                "Изменения",
	"Changes since the last published version": "Изменения после последней опубликованной версии",
	"Claim":        "Утверждение",
	"Confirm":      "Подтвердить",
	"Conflicts":    "Расхождения",
	"Create draft": "Создать черновик",
	"Derived from opposite stances on one claim. Confirm the ones that hold; dismiss the others with a note saying why. A dismissed contradiction stays dismissed when the analysis runs again.": "Выведены из противоположных позиций по одному утверждению. Подтвердите те, что верны; остальные отклоните с пояснением. Отклонённое противоречие остаётся отклонённым при повторном анализе.",
	"Dismiss":      "Отклонить",
	"Every figure": "Все цифры",
	"File":         "Файл",
	"From":         "С",
	"If this record and another are the same actor, merge this one into the other: its statements, figures and questions follow, its names become aliases, and this record goes. The merge is written to the audit log.": "Если эта запись и другая — одно и то же лицо, объедините эту с другой: её высказывания, цифры и вопросы перейдут туда, её имена станут другими именами, а эта запись исчезнет. Объединение записывается в журнал аудита.",
	"In":               "Где",
	"Kind":             "Вид",
	"Language":         "Язык",
	"Link stance":      "Связать позицию",
	"Markdown":         "Markdown",
	"Merge":            "Объединить",
	"New chapter":      "Новая глава",
	"No chapters yet.": "Глав пока нет.",
	"No contradictions derived yet. They appear when two statements take opposite stances on one claim.": "Противоречий пока нет. Они появляются, когда два высказывания занимают противоположные позиции по одному утверждению.",
	"No figure series yet.":                     "Рядов цифр пока нет.",
	"No questions recorded.":                    "Вопросов не записано.",
	"No statement is linked to this claim yet.": "С этим утверждением пока не связано ни одно высказывание.",
	"No statements attributed to":               "Нет высказываний, приписанных:",
	"No statements in this source.":             "В этом источнике нет высказываний.",
	"Not published yet.":                        "Ещё не опубликована.",
	"Note":                                      "Примечание",
	"Nothing to review here.":                   "Здесь нечего проверять.",
	"Nothing waits for review in this case.":    "В этом деле ничто не ждёт проверки.",
	"Original":                                  "Оригинал",
	"Positions":                                 "Должности",
	"Preview":                                   "Предпросмотр",
	"Publish version":                           "Опубликовать версию",
	"Published":                                 "Опубликован",
	"Published versions":                        "Опубликованные версии",
	"Queue":                                     "Очередь",
	"Record":                                    "Запись",
	"Reject":                                    "Отклонить",
	"Reopen":                                    "Открыть снова",
	"Retrieved":                                 "Получен",
	"SHA-256 of the original":                   "SHA-256 оригинала",
	"SHA-256 of the text":                       "SHA-256 текста",
	"Save":                                      "Сохранить",
	"Save draft":                                "Сохранить черновик",
	"Source":                                    "Источник",
	"Speaker":                                   "Говорящий",
	"Speaker and stance":                        "Говорящий и позиция",
	"Stance":                                    "Позиция",
	"Stances":                                   "Позиции",
	"Series and conflicts":                      "Ряды и расхождения",
	"not on record (keep the name as typed)":    "нет в записи (оставить имя как набрано)",
	"Statements":                                "Высказывания",
	"Statements in date order":                  "Высказывания по датам",
	"Status":                                    "Статус",
	"Submit for review":                         "Отправить на проверку",
	"Text":                                      "Текст",
	"The texts are the same; only the original bytes differ.": "Тексты совпадают; различаются только байты оригинала.",
	"This source has no extracted text.":                      "У этого источника нет извлечённого текста.",
	"Title":                                                   "Заголовок",
	"To":                                                      "По",
	"URL":                                                     "URL",
	"Version":                                                 "Версия",
	"Versions":                                                "Версии",
	"Waiting":                                                 "Ожидают",
	"Waiting for an editor to publish.":                       "Ждёт публикации редактором.",
	"Waiting per source":                                      "Ожидают проверки по источникам",
	"Words (any form: Токаев finds Токаева)": "Слова (в любой форме: «Токаев» найдёт «Токаева»)",
	"answered (give the statement)":          "отвечен (укажите высказывание)",
	"any":                                    "любое",
	"anyone":                                 "любой",
	"choose…":                                "выберите…",
	"claims":                                 "утверждения",
	"everything":                             "везде",
	"none (remove)":                          "нет (убрать)",
	"or name":                                "или имя",
	"people":                                 "люди",
	"preview of unsaved changes":             "предпросмотр несохранённых изменений",
	"sources":                                "источники",
	"statements":                             "высказывания",
	"Confirm all %d statements":              "Подтвердить все высказывания (%d)",
	"Show every source":                      "Показать все источники",

	// Flash messages (see wsFlashFormats).
	"Draft created.":                    "Черновик создан.",
	"Draft saved.":                      "Черновик сохранён.",
	"Submitted for an editor's review.": "Отправлено на проверку редактору.",
	"Version %d published.":             "Версия %d опубликована.",
	"%s merged into %s.":                "%s объединён с %s.",
	"Statement %d: speaker is now %s.":  "Высказывание %d: теперь говорящий — %s.",
	"Statement %d: stance recorded.":    "Высказывание %d: позиция записана.",
	"Statement %d: stance recorded. %d contradiction(s) now hold on that claim.": "Высказывание %d: позиция записана. Противоречий по этому утверждению: %d.",
	"Confirmed %d statement(s) of source %d.":                                    "Подтверждено высказываний источника %[2]d: %[1]d.",
	"Contradiction %d: confirmed.":                                               "Противоречие %d подтверждено.",
	"Contradiction %d: dismissed.":                                               "Противоречие %d отклонено.",
	"Contradiction %d: reopened.":                                                "Противоречие %d открыто снова.",
	"Question %d updated.":                                                       "Вопрос %d обновлён.",
	"statement %d confirmed.":                                                    "Высказывание %d подтверждено.",
	"statement %d rejected.":                                                     "Высказывание %d отклонено.",
	"figure %d confirmed.":                                                       "Цифра %d подтверждена.",
	"figure %d rejected.":                                                        "Цифра %d отклонена.",
	"question %d confirmed.":                                                     "Вопрос %d подтверждён.",
	"question %d rejected.":                                                      "Вопрос %d отклонён.",

	// The jobs page (ws_jobs.go).
	"Background jobs": "Фоновые задачи",
	"Fetches, re-analyses and static builds run in the background, in whichever instance of Inquest takes them first. This page follows them while they run.": "Загрузки, повторный анализ и сборка статического сайта идут в фоне, в том экземпляре Inquest, который первым возьмёт задачу. Пока задачи выполняются, страница следит за ними.",
	"Fetch a URL into a case":    "Загрузить URL в дело",
	"Case":                       "Дело",
	"Queue fetch":                "Поставить загрузку в очередь",
	"Build a case's static site": "Собрать статический сайт дела",
	"Queue build":                "Поставить сборку в очередь",
	"No case is public yet, so there is no site to build.": "Ни одно дело ещё не опубликовано, поэтому собирать нечего.",
	"Recent jobs":       "Последние задачи",
	"Job":               "Задача",
	"What":              "Что",
	"State":             "Состояние",
	"Attempt":           "Попытка",
	"Progress":          "Ход",
	"Last error":        "Последняя ошибка",
	"Times":             "Время",
	"queued":            "в очереди",
	"running":           "выполняется",
	"done":              "готово",
	"failed":            "не удалось",
	"cancelled":         "отменено",
	"stopping":          "останавливается",
	"started":           "начато",
	"finished":          "завершено",
	"Cancel":            "Отменить",
	"No jobs yet.":      "Задач пока нет.",
	"Queued by":         "Кто поставил",
	"system":            "система",
	"Fetch URL":         "Загрузка URL",
	"Re-analyse":        "Повторный анализ",
	"Build static site": "Сборка статического сайта",
	"New jobs were queued elsewhere: reload the list.":    "Появились новые задачи: обновите список.",
	"%d fetch(es) queued.":                                "Загрузок поставлено в очередь: %d.",
	"%d fetch(es) queued, %d already waiting or running.": "Загрузок поставлено в очередь: %d; уже ждут или выполняются: %d.",
	"Job %d queued.":                                      "Задача %d поставлена в очередь.",
	"Job %d was already waiting or running.":              "Задача %d уже ждёт или выполняется.",
	"Job %d cancelled.":                                   "Задача %d отменена.",
	"Job %d asked to stop.":                               "Задаче %d отправлен запрос на остановку.",

	// One job's page (ws_job_page.go).
	"This page reloads itself every few seconds while the job is queued or running.": "Пока задача в очереди или выполняется, страница обновляется каждые несколько секунд.",
	"Attempts":         "Попытки",
	"Output directory": "Каталог результата",
	"the site directory of the worker that runs it, in": "каталог сайта обработчика, который её выполнит, подкаталог",
	"Next try":        "Следующая попытка",
	"Not before":      "Не раньше",
	"Worker":          "Обработчик",
	"Queued at":       "В очереди с",
	"Started at":      "Начало",
	"Finished at":     "Завершение",
	"Arguments":       "Аргументы",
	"All recent jobs": "Все последние задачи",
}

// wsKazakh covers the workspace's frame, headings and buttons; longer help
// texts stay in English rather than risk a wrong translation.
var wsKazakh = map[string]string{
	"Workspace":      "Жұмыс орны",
	"Log out":        "Шығу",
	"Review":         "Тексеру",
	"Sources":        "Дереккөздер",
	"Claims":         "Тұжырымдар",
	"Contradictions": "Қайшылықтар",
	"Figures":        "Сандар",
	"Questions":      "Сұрақтар",
	"Search":         "Іздеу",
	"Chapters":       "Тараулар",
	"People":         "Адамдар",

	"Change speaker":                         "Сөйлеушіні өзгерту",
	"Changes":                                "Өзгерістер",
	"Claim":                                  "Тұжырым",
	"Confirm":                                "Растау",
	"Create draft":                           "Жоба жасау",
	"Dismiss":                                "Қабылдамау",
	"File":                                   "Файл",
	"From":                                   "Бастап",
	"Kind":                                   "Түрі",
	"Language":                               "Тіл",
	"Merge":                                  "Біріктіру",
	"New chapter":                            "Жаңа тарау",
	"No chapters yet.":                       "Әзірге тараулар жоқ.",
	"No questions recorded.":                 "Сұрақтар жазылмаған.",
	"Note":                                   "Ескертпе",
	"Nothing to review here.":                "Мұнда тексеретін ештеңе жоқ.",
	"Original":                               "Түпнұсқа",
	"Preview":                                "Алдын ала қарау",
	"Published":                              "Жарияланған",
	"Published versions":                     "Жарияланған нұсқалар",
	"Queue":                                  "Кезек",
	"Reject":                                 "Қабылдамау",
	"Save":                                   "Сақтау",
	"Save draft":                             "Жобаны сақтау",
	"Source":                                 "Дереккөз",
	"Speaker":                                "Сөйлеуші",
	"Stance":                                 "Ұстаным",
	"Stances":                                "Ұстанымдар",
	"Series and conflicts":                   "Қатарлар мен қайшылықтар",
	"not on record (keep the name as typed)": "жазбада жоқ (атын терілгендей қалдыру)",
	"Statements":                             "Мәлімдемелер",
	"Status":                                 "Күйі",
	"Submit for review":                      "Тексеруге жіберу",
	"Text":                                   "Мәтін",
	"Title":                                  "Атауы",
	"To":                                     "Дейін",
	"Version":                                "Нұсқа",
	"Versions":                               "Нұсқалар",
	"Waiting":                                "Күтуде",
	"any":                                    "кез келген",
	"anyone":                                 "кез келген адам",
	"everything":                             "барлығы",

	"Draft created.":        "Жоба жасалды.",
	"Draft saved.":          "Жоба сақталды.",
	"Version %d published.": "%d нұсқа жарияланды.",
	"Question %d updated.":  "%d сұрақ жаңартылды.",

	"Background jobs":   "Фондық тапсырмалар",
	"Case":              "Іс",
	"Queue fetch":       "Жүктеуді кезекке қою",
	"Queue build":       "Жинауды кезекке қою",
	"Recent jobs":       "Соңғы тапсырмалар",
	"Job":               "Тапсырма",
	"State":             "Күйі",
	"Attempt":           "Әрекет",
	"Progress":          "Барысы",
	"Last error":        "Соңғы қате",
	"queued":            "кезекте",
	"running":           "орындалуда",
	"done":              "дайын",
	"failed":            "сәтсіз",
	"cancelled":         "тоқтатылды",
	"Cancel":            "Болдырмау",
	"No jobs yet.":      "Әзірге тапсырмалар жоқ.",
	"Queued by":         "Кім қойды",
	"system":            "жүйе",
	"Fetch URL":         "URL жүктеу",
	"Re-analyse":        "Қайта талдау",
	"Build static site": "Статикалық сайт жинау",
	"Job %d queued.":    "%d тапсырма кезекке қойылды.",
	"Job %d cancelled.": "%d тапсырма тоқтатылды.",

	// One job's page (ws_job_page.go).
	"URL":              "URL",
	"stopping":         "тоқтатылуда",
	"Attempts":         "Әрекеттер",
	"Output directory": "Нәтиже каталогы",
	"Next try":         "Келесі әрекет",
	"Not before":       "Ең ерте басталуы",
	"Worker":           "Орындаушы",
	"Queued at":        "Кезекке қойылған уақыты",
	"Started at":       "Басталған уақыты",
	"Finished at":      "Аяқталған уақыты",
	"Arguments":        "Аргументтер",
	"All recent jobs":  "Барлық соңғы тапсырмалар",
}

// wsFlashFormats are the formats of the workspace's flash messages (the ?done=
// of a redirect after an action). The message travels in English in the URL
// and is translated when shown, by matching it against these formats.
var wsFlashFormats = []string{
	"Version %d published.",
	"%s merged into %s.",
	"Statement %d: speaker is now %s.",
	"Statement %d: stance recorded. %d contradiction(s) now hold on that claim.",
	"Statement %d: stance recorded.",
	"Confirmed %d statement(s) of source %d.",
	"Contradiction %d: confirmed.",
	"Contradiction %d: dismissed.",
	"Contradiction %d: reopened.",
	"Question %d updated.",
	"statement %d confirmed.",
	"statement %d rejected.",
	"figure %d confirmed.",
	"figure %d rejected.",
	"question %d confirmed.",
	"question %d rejected.",
	"%d fetch(es) queued.",
	"%d fetch(es) queued, %d already waiting or running.",
	"Job %d queued.",
	"Job %d was already waiting or running.",
	"Job %d cancelled.",
	"Job %d asked to stop.",
}

// wsFlashPatterns are wsFlashFormats as anchored regular expressions.
var wsFlashPatterns = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(wsFlashFormats))
	for i, f := range wsFlashFormats {
		p := regexp.QuoteMeta(f)
		p = strings.ReplaceAll(p, "%d", `(\d+)`)
		p = strings.ReplaceAll(p, "%s", `(.+?)`)
		out[i] = regexp.MustCompile("^" + p + "$")
	}
	return out
}()

// translateFlash translates a workspace flash message into lang: a fixed
// message directly, a formatted one by its format; anything else stays as
// it came.
func translateFlash(lang, msg string) string {
	if t := translate(lang, msg); t != msg {
		return t
	}
	for i, re := range wsFlashPatterns {
		m := re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		t := translate(lang, wsFlashFormats[i])
		if t == wsFlashFormats[i] {
			return msg
		}
		args := make([]any, len(m)-1)
		for j, a := range m[1:] {
			args[j] = a
		}
		// The arguments are strings, so %d in a translation prints as %s would.
		return fmt.Sprintf(strings.NewReplacer("%d", "%s", "%[1]d", "%[1]s", "%[2]d", "%[2]s").Replace(t), args...)
	}
	return msg
}
