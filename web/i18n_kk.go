package web

func init() {
	catalogues["kk"] = map[string]string{
		"Cases":           "Істер",
		"Sources":         "Дереккөздер",
		"Background":      "Алғышарттар",
		"Skip to content": "Мазмұнға өту",
	}
}
