package extract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numKind says how a number word combines with its neighbours.
type numKind uint8

const (
	numAdd     numKind = iota + 1 // adds to the running value: "eight", "двадцать", "двести"
	numHundred                    // multiplies the running value by 100: "hundred", "жүз"
	numScale                      // closes a group: "thousand", "тысяч", "млн", "мың"
)

// numWord is one entry of the number-word tables.
type numWord struct {
	val  float64
	kind numKind
	// one marks "one", "один", "бір": words that are far more often an
	// article or pronoun than a count, accepted only before a person noun.
	one bool
	// bare marks a scale word that stands for its value alone ("тысяча",
	// "мың"); plural "thousands", "тысячи" never do.
	bare bool
}

var (
	numEN = map[string]numWord{}
	numRU = map[string]numWord{}
	numKK = map[string]numWord{}
)

func numAddWords(m map[string]numWord, w numWord, forms ...string) {
	for _, f := range forms {
		m[f] = w
	}
}

func init() {
	add := func(m map[string]numWord, v float64, forms ...string) {
		numAddWords(m, numWord{val: v, kind: numAdd, one: v == 1}, forms...)
	}
	// English.
	for i, w := range strings.Fields("one two three four five six seven eight nine ten eleven twelve " +
		"thirteen fourteen fifteen sixteen seventeen eighteen nineteen") {
		add(numEN, float64(i+1), w)
	}
	for i, w := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		add(numEN, float64(20+10*i), w)
	}
	numAddWords(numEN, numWord{val: 100, kind: numHundred}, "hundred")
	numAddWords(numEN, numWord{val: 1e3, kind: numScale}, "thousand", "k")
	numAddWords(numEN, numWord{val: 1e6, kind: numScale}, "million", "mln", "m")
	numAddWords(numEN, numWord{val: 1e9, kind: numScale}, "billion", "bn", "bln")

	// Russian, with the case forms news text uses.
	ru := [][]string{
		1:  {"один", "одна", "одно", "одного", "одной", "одному", "одним", "одною", "одну", "одном"},
		2:  {"два", "две", "двух", "двум", "двумя", "двое", "двоих", "двоим", "двоими"},
		3:  {"три", "трёх", "трех", "трём", "трем", "тремя", "трое", "троих", "троим", "троими"},
		4:  {"четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя", "четверо", "четверых"},
		5:  {"пять", "пяти", "пятью", "пятеро", "пятерых"},
		6:  {"шесть", "шести", "шестью", "шестеро", "шестерых"},
		7:  {"семь", "семи", "семью", "семеро", "семерых"},
		8:  {"восемь", "восьми", "восемью", "восьмью", "восьмеро", "восьмерых"},
		9:  {"девять", "девяти", "девятью", "девятеро", "девятерых"},
		10: {"десять", "десяти", "десятью", "десятеро", "десятерых"},
	}
	for v, forms := range ru {
		add(numRU, float64(v), forms...)
	}
	add(numRU, 1.5, "полтора", "полторы", "полутора")
	for i, stem := range strings.Fields("один две три четыр пят шест сем восем девят") {
		// одиннадцать, двенадцать ... девятнадцать and their oblique forms.
		base := stem + "надцат"
		switch stem {
		case "один":
			base = "одиннадцат"
		case "четыр":
			base = "четырнадцат"
		}
		add(numRU, float64(11+i), base+"ь", base+"и", base+"ью")
	}
	tens := map[float64][]string{
		20:  {"двадцать", "двадцати", "двадцатью"},
		30:  {"тридцать", "тридцати", "тридцатью"},
		40:  {"сорок", "сорока"},
		50:  {"пятьдесят", "пятидесяти", "пятьюдесятью"},
		60:  {"шестьдесят", "шестидесяти", "шестьюдесятью"},
		70:  {"семьдесят", "семидесяти", "семьюдесятью"},
		80:  {"восемьдесят", "восьмидесяти", "восемьюдесятью"},
		90:  {"девяносто", "девяноста"},
		100: {"сто", "ста"},
		200: {"двести", "двухсот", "двумстам", "двумястами", "двухстах"},
		300: {"триста", "трёхсот", "трехсот", "трёмстам", "тремстам", "тремястами", "трёхстах", "трехстах"},
		400: {"четыреста", "четырёхсот", "четырехсот", "четырёмстам", "четыремстам", "четырьмястами", "четырёхстах", "четырехстах"},
	}
	for v, forms := range tens {
		add(numRU, v, forms...)
	}
	for i, stem := range []string{"пят", "шест", "сем", "восем", "девят"} {
		obl := map[string]string{"пят": "пяти", "шест": "шести", "сем": "семи", "восем": "восьми", "девят": "девяти"}[stem]
		ins := map[string]string{"пят": "пятью", "шест": "шестью", "сем": "семью", "восем": "восемью", "девят": "девятью"}[stem]
		add(numRU, float64(500+100*i), stem+"ьсот", obl+"сот", obl+"стам", ins+"стами", obl+"стах")
	}
	numAddWords(numRU, numWord{val: 1e3, kind: numScale, bare: true}, "тысяча", "тысячу")
	numAddWords(numRU, numWord{val: 1e3, kind: numScale},
		"тысячи", "тысяч", "тысячей", "тысячею", "тысячам", "тысячами", "тысячах", "тыс")
	numAddWords(numRU, numWord{val: 1e6, kind: numScale},
		"миллион", "миллиона", "миллионов", "миллиону", "миллионам", "миллионом", "миллионами", "миллионах", "миллионе", "млн")
	numAddWords(numRU, numWord{val: 1e9, kind: numScale},
		"миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардам", "миллиардом", "миллиардами", "миллиардах", "миллиарде", "млрд")

	// Kazakh; suffixed forms ("сегізі", "мыңнан") are found by numKKStem.
	for i, w := range strings.Fields("бір екі үш төрт бес алты жеті сегіз тоғыз он") {
		add(numKK, float64(i+1), w)
	}
	for i, w := range strings.Fields("жиырма отыз қырық елу алпыс жетпіс сексен тоқсан") {
		add(numKK, float64(20+10*i), w)
	}
	// "он" (ten) is too short for the prefix filter to see its endings.
	add(numKK, 10, "оннан", "онға", "онның", "онда", "оннан")
	// Collective forms: "екеуі", "үшеуі" ("the two of them") count people.
	for i, w := range strings.Fields("екеу үшеу төртеу бесеу алтау жетеу") {
		add(numKK, float64(i+2), w)
	}
	numAddWords(numKK, numWord{val: 100, kind: numHundred}, "жүз")
	numAddWords(numKK, numWord{val: 1e3, kind: numScale, bare: true}, "мың")
	numAddWords(numKK, numWord{val: 1e6, kind: numScale}, "миллион", "млн")
	numAddWords(numKK, numWord{val: 1e9, kind: numScale}, "миллиард", "млрд")
}

// numKKSuffixes are the Kazakh case and possessive endings a numeral takes,
// longest first so that "мыңнан" strips "нан" rather than "н".
var numKKSuffixes = []string{
	"ларынан", "лерінен", "дарынан", "дерінен",
	"нан", "нен", "дан", "ден", "тан", "тен",
	"ның", "нің", "дың", "дің", "тың", "тің",
	"ға", "ге", "қа", "ке", "на", "не",
	"да", "де", "та", "те", "ны", "ні", "ды", "ді", "ты", "ті",
	"мен", "бен", "пен", "дай", "дей", "тай", "тей",
	"сы", "сі", "ы", "і", "н",
}

// lookupNumberWord returns the number word lw (lower case) stands for in lang.
func lookupNumberWord(lw, lang string) (numWord, bool) {
	if w, ok := numEN[lw]; ok {
		if lw == "k" || lw == "m" {
			// "k" and "m" only count glued to digits: "10k"; see numScanAt.
			return numWord{}, false
		}
		return w, true
	}
	switch lang {
	case "kk":
		if w, ok := numKK[lw]; ok {
			return w, true
		}
		if w, ok := numKKStem(lw); ok {
			return w, true
		}
		// Kazakh news quotes Russian figures ("5 тыс."), but not "он" (ten) as
		// Russian "he": kk wins where both have the word.
		if w, ok := numRU[lw]; ok && w.kind == numScale {
			return w, true
		}
	case "ru", "":
		if w, ok := numRU[lw]; ok {
			return w, true
		}
	}
	return numWord{}, false
}

// numKKStem finds a Kazakh numeral under a case or possessive ending.
func numKKStem(lw string) (numWord, bool) {
	for _, suf := range numKKSuffixes {
		if len(lw) > len(suf)+2 && strings.HasSuffix(lw, suf) {
			if w, ok := numKK[lw[:len(lw)-len(suf)]]; ok {
				return w, true
			}
		}
	}
	return numWord{}, false
}

// numFoldWords folds a run of number words into one value with the usual rules:
// "two hundred fifty thousand" = 250000, "двести тридцать" = 230,
// "екі жүз" = 200. It returns how many words it used (a prefix of words) and
// ok false when the first word does not start a number.
func numFoldWords(words []numWord) (val float64, used int, ok bool) {
	var total, cur float64
	lastAdd := 0.0 // magnitude of the last additive word, to refuse "five twenty"
	any := false
	for i, w := range words {
		switch w.kind {
		case numAdd:
			if lastAdd != 0 && w.val >= lastAdd {
				return total + cur, i, any
			}
			if lastAdd != 0 && lastAdd < 20 {
				return total + cur, i, any
			}
			cur += w.val
			lastAdd = w.val
			if w.val >= 100 {
				lastAdd = w.val
			}
		case numHundred:
			if cur >= 100 {
				return total + cur, i, any
			}
			if cur == 0 {
				cur = 1
			}
			cur *= w.val
			lastAdd = 100
		case numScale:
			if cur == 0 && total == 0 {
				if !w.bare {
					return 0, i, false
				}
				cur = 1
			}
			if cur == 0 {
				return total, i, any
			}
			total += cur * w.val
			cur = 0
			lastAdd = 0
		}
		any = true
		used = i + 1
	}
	return total + cur, used, any
}

// numDigitRun is a number written in digits, as numParseDigits reads it.
type numDigitRun struct {
	end     int // byte offset just past the number
	val     float64
	grouped bool // had a thousands separator: "2,000", "2 000"
	decimal bool // had a decimal part: "2,5", "1.5"
	digits  int  // digits before any separator
}

// numGroupSpace reports whether s[i:] starts with a space that may separate
// thousands ("2 000", with ordinary, no-break, narrow no-break or thin space),
// and its width in bytes.
func numGroupSpace(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch {
	case s[i] == ' ':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[i:], "\u202f"), strings.HasPrefix(s[i:], "\u2009"):
		return 3
	}
	return 0
}

func numIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// numCountDigits returns how many ASCII digits start s[i:].
func numCountDigits(s string, i int) int {
	n := 0
	for i+n < len(s) && numIsDigit(s[i+n]) {
		n++
	}
	return n
}

// numParseDigits reads the number in digits at s[i:] (s[i] is a digit): "1300",
// "2,000", "2 000", "1.5", "2,5", "36,831". A separator followed by exactly
// three digits groups thousands; "," or "." followed by one, two or four or
// more digits is a decimal point (Russian and Kazakh write "2,5").
func numParseDigits(s string, i int) numDigitRun {
	n := numCountDigits(s, i)
	r := numDigitRun{digits: n}
	var intPart float64
	for k := 0; k < n; k++ {
		intPart = intPart*10 + float64(s[i+k]-'0')
	}
	j := i + n
	for n <= 3 || r.grouped {
		// Thousands groups.
		w := 0
		space := false
		if j < len(s) && (s[j] == ',' || s[j] == '.') {
			w = 1
		} else if w = numGroupSpace(s, j); w > 0 {
			space = true
		}
		if w == 0 || numCountDigits(s, j+w) != 3 {
			break
		}
		if space && r.digits > 3 {
			break
		}
		// "1.300.000" and "1,300,000" group; a lone "5.300" after "," groups too.
		k := j + w
		for m := 0; m < 3; m++ {
			intPart = intPart*10 + float64(s[k+m]-'0')
		}
		r.grouped = true
		j = k + 3
		if space && j < len(s) && s[j] == '.' && numCountDigits(s, j+1) == 3 {
			break
		}
	}
	r.val = intPart
	// Decimal part.
	if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && numIsDigit(s[j+1]) {
		m := numCountDigits(s, j+1)
		if !(m == 3 && !r.grouped && r.digits <= 3) || r.grouped {
			// Digits past the fifteenth change nothing a float can hold, and
			// would overflow frac and scale to Inf/Inf.
			frac, scale := 0.0, 1.0
			for k := 0; k < m && k < 15; k++ {
				frac = frac*10 + float64(s[j+1+k]-'0')
				scale *= 10
			}
			r.val += frac / scale
			r.decimal = true
			j += 1 + m
		}
	}
	r.end = j
	return r
}

// ParseNumber reads a number written in digits and/or words at the start of
// s, after optional spaces, in lang ("en", "ru", "kk"): "300 thousand",
// "2,000", "2 000", "1.5 million", "2,5 тыс.", "восьми", "сегіз", "мыңнан",
// "twenty-five", "10k". It returns the value and how many bytes of s it read,
// or ok false when s does not start with a number.
func ParseNumber(s, lang string) (val float64, n int, ok bool) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return 0, 0, false
	}
	if numIsDigit(s[i]) {
		ne := numScanAt(s, i, lang)
		if !ne.ok {
			return 0, 0, false
		}
		return ne.val, ne.end, true
	}
	ne := numScanAt(s, i, lang)
	if !ne.ok {
		return 0, 0, false
	}
	return ne.val, ne.end, true
}

// numExpr is a number found in the text, in digits, words or both.
type numExpr struct {
	start, end int // bytes
	val        float64
	digits     bool // written (at least partly) in digits
	grouped    bool
	decimal    bool
	scaled     bool    // a scale word followed: "5 тысяч", "1.5 million"
	plainInt   bool    // digits only, no separators, no scale: a year may look like this
	one        bool    // the word "one" / "один" / "бір" alone
	words      int     // number words used
	intDigits  int     // digits before the first separator
	mult       float64 // the scale word's value, 1 when none
	ok         bool
}

// numScanAt reads the number at s[i:], which starts with a digit or a
// letter. Number words are looked up in lang's tables.
func numScanAt(s string, i int, lang string) numExpr {
	ne := numScanRaw(s, i, lang)
	if math.IsInf(ne.val, 0) || math.IsNaN(ne.val) {
		ne.ok = false // hundreds of digits: a code, not a number
	}
	return ne
}

// numScanRaw is numScanAt without the check for values a float cannot hold.
func numScanRaw(s string, i int, lang string) numExpr {
	ne := numExpr{start: i, mult: 1}
	var words []numWord
	var wbuf [8]numWord
	words = wbuf[:0]
	j := i
	if numIsDigit(s[i]) {
		d := numParseDigits(s, i)
		ne.digits = true
		ne.grouped, ne.decimal = d.grouped, d.decimal
		ne.intDigits = d.digits
		ne.val = d.val
		j = d.end
		// Glued multipliers: "10k", "5m", "3bn".
		if j < len(s) && numIsASCIILetter(s[j]) {
			k := j
			for k < len(s) && numIsASCIILetter(s[k]) {
				k++
			}
			suf := strings.ToLower(s[j:k])
			if w, ok := numEN[suf]; ok && w.kind == numScale && (k == len(s) || !numIsWordByte(s, k)) {
				ne.val *= w.val
				ne.scaled, ne.mult = true, w.val
				ne.end, ne.ok = k, true
				return ne
			}
		}
		ne.end, ne.ok = j, true
		// Scale words after the digits: "300 thousand", "5 тысяч", "2,5 тыс.".
		k := numSkipSpaces(s, j)
		if k > j && k < len(s) {
			w, wend, ok := numWordAt(s, k)
			if ok {
				var lb [48]byte
				if nw, found := lookupNumberWord(numLower(lb[:0], w), lang); found && nw.kind == numScale {
					ne.val *= nw.val
					ne.scaled, ne.mult = true, nw.val
					ne.end = wend
					if wend < len(s) && s[wend] == '.' && len(w) <= 6 && (w == "тыс" || w == "Тыс" || w == "млн" || w == "млрд") {
						ne.end = wend + 1
					}
				}
			}
		}
		ne.plainInt = !ne.grouped && !ne.decimal && !ne.scaled
		return ne
	}
	// Number words, joined by spaces, hyphens ("twenty-five") or "and".
	var ends [8]int
	k := i
	for len(words) < len(wbuf) {
		w, wend, ok := numWordAt(s, k)
		if !ok {
			break
		}
		var lb [48]byte
		lw := numLower(lb[:0], w)
		if lw == "and" && len(words) > 0 {
			nk := numSkipSpaces(s, wend)
			if nk == wend {
				break
			}
			w2, _, ok2 := numWordAt(s, nk)
			if !ok2 {
				break
			}
			if _, f := lookupNumberWord(strings.ToLower(w2), lang); !f {
				break
			}
			k = nk
			continue
		}
		nw, found := lookupNumberWord(lw, lang)
		if !found {
			break
		}
		words = append(words, nw)
		ends[len(words)-1] = wend
		// Next word after a space or a hyphen.
		if wend < len(s) && s[wend] == '-' && wend+1 < len(s) && !numIsDigit(s[wend+1]) {
			k = wend + 1
			continue
		}
		nk := numSkipSpaces(s, wend)
		if nk == wend {
			break
		}
		k = nk
	}
	if len(words) == 0 {
		return ne
	}
	val, used, ok := numFoldWords(words)
	if !ok || used == 0 {
		return ne
	}
	ne.val = val
	ne.words = used
	ne.end = ends[used-1]
	ne.one = used == 1 && words[0].one
	for _, w := range words[:used] {
		if w.kind == numScale {
			ne.scaled = true
		}
	}
	ne.ok = true
	return ne
}

func numIsASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// numIsWordByte reports whether a letter or digit starts at s[i].
func numIsWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func numSkipSpaces(s string, i int) int {
	for i < len(s) {
		if w := numGroupSpace(s, i); w > 0 {
			i += w
			continue
		}
		break
	}
	return i
}

// numWordAt returns the word of letters starting at s[i].
func numWordAt(s string, i int) (string, int, bool) {
	j := i
	for j < len(s) {
		// Fast paths: ASCII letters and the Cyrillic block (lead bytes D0-D3).
		c := s[j]
		if c < utf8.RuneSelf {
			if uint32(c|0x20)-'a' < 26 {
				j++
				continue
			}
			break
		}
		if c >= 0xD0 && c <= 0xD3 && j+1 < len(s) && s[j+1]&0xC0 == 0x80 && !(c == 0xD2 && s[j+1] >= 0x82 && s[j+1] <= 0x89) {
			j += 2
			continue
		}
		r, w := numDecode(s, j)
		if !numIsLetter(r) {
			break
		}
		j += w
	}
	if j == i {
		return "", i, false
	}
	return s[i:j], j, true
}

// numLower returns w in lower case with "ё" folded to "е". A word already in
// that form, as most are, is returned as is without allocating; otherwise it
// is built in buf.
func numLower(buf []byte, w string) string {
	clean := true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				clean = false
				break
			}
			i++
			continue
		}
		r, n := numDecode(w, i)
		if r == 'ё' || numIsUpper(r) {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return w
	}
	for _, r := range w {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf)
}

// numPrefixes marks the first three letters (lower case) of every number
// word, a cheap test that lets the scanner skip most words without a lookup.
// It is indexed by numLetterIndex of the first two letters; the third is a
// bit, numLetters standing for the end of a two-letter word.
var numPrefixes [numLetters][numLetters][2]uint64

const numLetters = 26 + 32 + 9

func init() {
	for _, m := range []map[string]numWord{numEN, numRU, numKK} {
		for w := range m {
			if utf8.RuneCountInString(w) < 2 {
				continue // "k", "m": only glued to digits
			}
			a, b, c, ok := numPrefix(w)
			if !ok {
				panic("extract: number word outside the letter table: " + w)
			}
			numPrefixes[a][b][c/64] |= 1 << (c % 64)
		}
	}
}

// numStartsNumberWord reports whether w may be a number word, by its first
// three letters.
func numStartsNumberWord(w string) bool {
	a, b, c, ok := numPrefix(w)
	return ok && numPrefixes[a][b][c/64]&(1<<(c%64)) != 0
}

// numPrefix returns the table indexes of the first three letters of w.
func numPrefix(w string) (int, int, int, bool) {
	r1, n1 := numDecode(w, 0)
	if n1 == 0 {
		return 0, 0, 0, false
	}
	r2, n2 := numDecode(w, n1)
	if n2 == 0 {
		return 0, 0, 0, false
	}
	c := numLetters
	if r3, n3 := numDecode(w, n1+n2); n3 > 0 {
		c = numLetterIndex(r3)
	}
	a, b := numLetterIndex(r1), numLetterIndex(r2)
	return a, b, c, a >= 0 && b >= 0 && c >= 0
}

// numLetterIndex folds case and numbers the Latin, Russian and Kazakh
// letters from 0; -1 for anything else.
func numLetterIndex(r rune) int {
	switch {
	case r >= 'a' && r <= 'z':
		return int(r - 'a')
	case r >= 'A' && r <= 'Z':
		return int(r - 'A')
	case r >= 0x0430 && r <= 0x044f: // а-я
		return 26 + int(r-0x0430)
	case r >= 0x0410 && r <= 0x042f: // А-Я
		return 26 + int(r-0x0410)
	case r == 'ё' || r == 'Ё':
		return 26 + int('е'-0x0430)
	}
	switch unicode.ToLower(r) {
	case 'ә':
		return 58
	case 'ғ':
		return 59
	case 'қ':
		return 60
	case 'ң':
		return 61
	case 'ө':
		return 62
	case 'ұ':
		return 63
	case 'ү':
		return 64
	case 'һ':
		return 65
	case 'і':
		return 66
	}
	return -1
}

// numDecode decodes the rune at s[i:], inlined for ASCII. It returns width
// 0 at the end of s.
func numDecode(s string, i int) (rune, int) {
	if i < len(s) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	return numDecodeSlow(s, i)
}

// numDecodeSlow decodes a non-ASCII rune, fast for two-byte sequences
// (Cyrillic).
func numDecodeSlow(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	c := s[i]
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// numIsUpper is unicode.IsUpper with a fast answer for Latin and Cyrillic,
// the scripts of the texts.
func numIsUpper(r rune) bool {
	if r < 0x0430 {
		return ('A' <= r && r <= 'Z') || (r >= 0x0400 && r <= 0x042f) || (r >= 0xc0 && unicode.IsUpper(r))
	}
	return r > 0x045f && unicode.IsUpper(r)
}

// numIsLetter is unicode.IsLetter with a fast answer for Latin and Cyrillic.
func numIsLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return uint32(r|0x20)-'a' < 26
	}
	if r >= 0x0400 && r <= 0x04ff {
		return r < 0x0482 || r > 0x0489
	}
	return unicode.IsLetter(r)
}
