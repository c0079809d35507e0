package store

import (
	"strings"
	"unicode/utf8"
)

// Russian and Kazakh inflect: Токаев, Токаева, Токаеву, Токаевым;
// Тоқаев, Тоқаевтың, Тоқаевқа. A search for one form must find the others.
//
// The index holds words as written (FTS5 unicode61 on SQLite, the 'simple'
// configuration on PostgreSQL), and the query's words are stemmed here and
// matched as word prefixes. Stemming at query time only, with the stem as a
// prefix, keeps the two backends identical (the stemmer is this Go code, not
// a database configuration) and survives the stemmer's imperfection: a light
// stemmer maps Токаев to "тока" and Токаева to "токаев", which an index of
// stems would keep apart, while as prefixes "тока" finds Токаева and
// "токаев" finds Токаев. The price is the odd extra hit ("тока" also
// finds "токарь"), which a reader sees at once.

// ruSuffixes are Russian inflectional endings of nouns, adjectives and
// verbs, longest first within their length so that the longest one that fits
// is removed.
var ruSuffixes = sortedByLength([]string{
	// adjectives and participles
	"ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
	"их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
	// nouns
	"иями", "ями", "ами", "ией", "иям", "ием", "иях", "ах", "ях", "ям", "ам", "ов", "ев", "ей", "ой", "ью", "ия", "ья",
	"а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
	// verbs
	"ешь", "ете", "ишь", "ите", "ет", "ит", "ут", "ют", "ат", "ят", "ла", "ло", "ли", "ал", "ял", "ил", "ыл", "ел",
	"ать", "ять", "ить", "еть", "уть", "ти", "ться", "тся", "лся", "лась", "лось", "лись",
})

// kkSuffixes are Kazakh case, plural and possessive endings.
var kkSuffixes = sortedByLength([]string{
	"лардың", "лердің", "дардың", "дердің", "тардың", "тердің",
	"ларға", "лерге", "дарға", "дерге", "тарға", "терге",
	"тың", "тің", "дың", "дің", "ның", "нің",
	"ға", "ге", "қа", "ке", "на", "не",
	"ды", "ді", "ты", "ті", "ны", "ні",
	"да", "де", "та", "те", "нда", "нде",
	"дан", "ден", "тан", "тен", "нан", "нен",
	"мен", "бен", "пен", "лар", "лер", "дар", "дер", "тар", "тер",
	"ы", "і", "сы", "сі",
})

func sortedByLength(s []string) []string {
	out := append([]string(nil), s...)
	// insertion sort by descending length in runes: the lists are short
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && utf8.RuneCountInString(out[j]) > utf8.RuneCountInString(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// minStem is the shortest stem left after removing an ending: shorter stems
// match too many words as prefixes.
const minStem = 4

// kazakhLetters occur in Kazakh words and not in Russian ones.
const kazakhLetters = "әғқңөұүһі"

// Stem returns the stem of a lower-cased word for prefix matching: a
// Cyrillic word loses its longest Russian (or, if it has Kazakh letters or a
// Kazakh ending, Kazakh) inflectional ending when at least minStem letters
// remain; any other word is returned as it is.
func Stem(word string) string {
	if !isCyrillic(word) {
		return word
	}
	n := utf8.RuneCountInString(word)
	if n <= minStem {
		return word
	}
	lists := [][]string{ruSuffixes, kkSuffixes}
	if strings.ContainsAny(word, kazakhLetters) {
		lists = [][]string{kkSuffixes, ruSuffixes}
	}
	for _, list := range lists {
		for _, suf := range list {
			if strings.HasSuffix(word, suf) && n-utf8.RuneCountInString(suf) >= minStem {
				return strings.TrimSuffix(word, suf)
			}
		}
	}
	return word
}

func isCyrillic(w string) bool {
	for _, r := range w {
		if r >= 0x0400 && r <= 0x04FF {
			return true
		}
	}
	return false
}
