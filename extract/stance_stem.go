package extract

import "strings"

// stanceLiteralStem is the stem by which a claim word the lexicon does not
// know is found in quotations: long enough to keep its meaning, short enough
// to reach its inflections.
//
// A long word loses up to three letters, keeping five ("concealed" →
// "concea", "погибших" → "погиб"). A short word loses only what is surely an
// ending: the English possessive and plural ("mine's" → "mine", "shots" →
// "shot"), and the final vowel of a five-letter Cyrillic word, which in
// Russian and Kazakh is a case ending ("шахты" → "шахт", "число" → "числ").
func stanceLiteralStem(word string) string {
	word = strings.TrimSuffix(word, "'s")
	rs := []rune(word)
	n := len(rs)
	switch {
	case n > 5:
		n = max(5, n-3)
	case n == 5 && stanceCyrillicEnding(rs[4]) && rs[0] >= 'а' && rs[0] <= 'я':
		n--
	case n == 5 && rs[4] == 's' && rs[3] != 's' && rs[3] != 'u' && rs[3] != 'i':
		n--
	}
	return string(rs[:n])
}

// stanceCyrillicEnding reports whether r ends Russian and Kazakh case and
// number endings.
func stanceCyrillicEnding(r rune) bool {
	return strings.ContainsRune("аеиоуыэюяйьі", r)
}
