package web

// Interface strings of a job's result on its page (ws_job_page.go) and in
// the jobs list (ws_jobs.go) in Russian and Kazakh, added to the catalogues
// as i18n_ws.go adds the workspace's: an entry already there is kept. The file name sorts after
// i18n_ru.go and i18n_kk.go, whose init functions make the catalogues.
func init() {
	for lang, entries := range map[string]map[string]string{
		"ru": {
			"Result":                 "Результат",
			"Source #%d":             "Источник № %d",
			"already in the archive": "уже был в архиве",
			"archived by this job":   "заархивирован этой задачей",
			"version %d":             "версия %d",
			"previous version":       "предыдущая версия",
			"Statements read: %d; contradictions derived: %d.": "Прочитано высказываний: %d; выведено противоречий: %d.",
			"Pages written: %d; other files: %d; in":           "Записано страниц: %d; других файлов: %d; в каталог",
			"Pages written: %d.":                               "Записано страниц: %d.",
		},
		"kk": {
			"Result":                 "Нәтиже",
			"Source #%d":             "№ %d дереккөз",
			"already in the archive": "мұрағатта бұрыннан бар",
			"archived by this job":   "осы тапсырма мұрағаттады",
			"version %d":             "%d-нұсқа",
			"previous version":       "алдыңғы нұсқа",
			"Statements read: %d; contradictions derived: %d.": "Оқылған сөздер: %d; табылған қайшылықтар: %d.",
			"Pages written: %d; other files: %d; in":           "Жазылған беттер: %d; басқа файлдар: %d; каталог:",
			"Pages written: %d.":                               "Жазылған беттер: %d.",
		},
	} {
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
