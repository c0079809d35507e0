package web

func init() {
	catalogues["ru"] = map[string]string{
		"Cases":           "Дела",
		"Sources":         "Источники",
		"Background":      "Предыстория",
		"Skip to content": "Перейти к содержанию",
	}
}
