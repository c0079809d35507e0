package extract

import "unicode"

// DetectLang guesses "en", "ru" or "kk" from letter statistics: Latin against
// Cyrillic letters, and among Cyrillic ones the share of letters only Kazakh
// uses (ә ғ қ ң ө ұ ү һ і). A Russian text quoting a few Kazakh names stays
// Russian; Kazakh prose uses those letters in every other word.
func DetectLang(text string) string {
	var latin, cyr, kaz int
	n := 0
	for _, c := range text {
		if n > 20000 { // a sample is enough and keeps this O(1) on big files
			break
		}
		n++
		switch {
		case c < 0x80:
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				latin++
			}
		case c >= 0x400 && c <= 0x4FF:
			cyr++
			if isKazakhLetter(c) {
				kaz++
			}
		}
	}
	if cyr == 0 || latin > cyr {
		return "en"
	}
	if kaz*100 >= cyr*2 {
		return "kk"
	}
	return "ru"
}

func isKazakhLetter(c rune) bool {
	switch unicode.ToLower(c) {
	case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і':
		return true
	}
	return false
}
