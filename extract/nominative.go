package extract

import "strings"

// nominative turns a Russian or Kazakh personal name written in the
// genitive ("по словам Ивана Петрова", "Марии Ивановой", "Асқаровтың
// сөзінше") back into the form a reader looks up: Иван Петров, Мария
// Иванова, Асқаров. Words it does not recognise are kept as written.
func nominative(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		ws[i] = nominativeWord(w, i == len(ws)-1)
	}
	return strings.Join(ws, " ")
}

func nominativeWord(w string, surname bool) string {
	r := []rune(w)
	n := len(r)
	if n < 4 || !isCyrillic(r[n-1]) {
		return w
	}
	has := func(suf string) bool { return strings.HasSuffix(w, suf) }
	cut := func(k int, add string) string { return string(r[:n-k]) + add }
	// Kazakh genitive endings
	for _, suf := range []string{"тың", "тің", "дың", "дің", "ның", "нің"} {
		if has(suf) {
			return cut(3, "")
		}
	}
	switch {
	case has("овой"), has("евой"), has("ёвой"), has("иной"), has("ыной"):
		return cut(2, "а") // Ивановой -> Иванова
	case has("ской"), has("цкой"):
		return cut(2, "ая")
	case has("ского"), has("цкого"):
		return cut(3, "ий")
	case surname && (has("ова") || has("ева") || has("ёва") || has("ина") || has("ына")):
		return cut(1, "") // Петрова -> Петров
	case has("ии"):
		return cut(1, "я") // Марии -> Мария
	case has("ея"), has("ая") && !surname:
		return cut(1, "й") // Сергея -> Сергей
	case has("ги"), has("ки"), has("хи"), has("жи"), has("ши"), has("чи"), has("щи"):
		return cut(1, "а") // Ольги -> Ольга
	case has("ы"):
		return cut(1, "а") // Марины -> Марина
	case has("а") && !surname:
		return cut(1, "") // Ивана -> Иван
	case has("я") && !surname:
		return cut(1, "ь") // Игоря -> Игорь
	}
	return w
}
