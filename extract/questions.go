package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Questions finds interrogative sentences in text (lang "en", "ru" or "kk"),
// the questions put to officials: sentences ending in "?", also inside
// quotations and dash-opened direct speech. Fragments of fewer than four
// words ("Why?", headline teasers) are left out. Addressee is filled when the
// lead-in names one ("asked the Prosecutor General:", "спросил у
// генпрокурора", "обратился к министру"). Spans are in code points.
func Questions(text string, lang string) []Question {
	text = figRuneSafe(text)
	lang = figNormLang(lang)
	var out []Question
	cur := figRuneCursor{text: text}
	lastEnd := -1
	fullwidth := strings.Contains(text, "？")
	for i := 0; i < len(text); {
		var k int
		if fullwidth {
			k = strings.IndexAny(text[i:], "?？")
		} else {
			k = strings.IndexByte(text[i:], '?')
		}
		if k < 0 {
			break
		}
		q := i + k
		_, qw := utf8.DecodeRuneInString(text[q:])
		i = q + qw
		// "?!" and "??" end the same question.
		end := i
		for end < len(text) && (text[end] == '?' || text[end] == '!') {
			end++
		}
		i = end
		// A "?" inside a URL or a word ("page?id=5") is not a question mark.
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '=' || r == '&') {
			continue
		}
		start, quoted := questionStart(text, q)
		if start < lastEnd {
			start = lastEnd
		}
		start = skipLeading(text, start, q)
		if start >= q {
			continue
		}
		body := text[start:end]
		if countWords(body) < 4 {
			continue
		}
		lastEnd = end
		qu := Question{Text: body}
		qu.Start = cur.at(start)
		qu.End = cur.at(end)
		conf := 0.55
		if startsInterrogative(body, lang) {
			conf += 0.15
		}
		if quoted {
			conf += 0.05
		}
		if a := questionAddressee(text, start, lang); a != "" {
			qu.Addressee = a
			conf += 0.15
		}
		qu.Confidence = conf
		out = append(out, qu)
	}
	return out
}

// questionStart walks back from the question mark at q to the start of its
// sentence: after the previous sentence's end, a line break, or the opening
// quotation mark of the quotation the question is in. quoted says which.
func questionStart(text string, q int) (int, bool) {
	depth := 0 // quotations closed inside the sentence, walking backwards
	limit := q - 2000
	if limit < 0 {
		limit = 0
	}
	limit = figRuneStart(text, limit) // never inside a character
	for j := q; j > limit; {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		p := j - w
		switch {
		case r == '\n' || r == '\r' || r == '\u2029':
			return j, false
		case r == '.' || r == '!' || r == '?' || r == '…' || r == '？':
			// A sentence end only when a space follows: not "5.3" or "kremlin.ru".
			nr, _ := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(nr) || figIsQuote(nr) {
				if r == '.' && abbreviationBefore(text, p) {
					break
				}
				if depth == 0 {
					return j, false
				}
			}
		case r == '»' || r == '”':
			depth++
		case r == '«' || r == '“' || r == '„':
			if depth > 0 {
				depth--
			} else {
				return j, true
			}
		case r == '"':
			pr, _ := utf8.DecodeLastRuneInString(text[:p])
			opening := p == 0 || unicode.IsSpace(pr) || pr == ':' || pr == '(' || figIsDash(pr)
			if opening {
				if depth > 0 {
					depth--
				} else {
					return j, true
				}
			} else {
				depth++
			}
		case (r == '—' || r == '–') && lineStartBefore(text, p):
			// Direct speech opened by a dash at the start of a paragraph.
			return j, true
		}
		j = p
	}
	return limit, false
}

// abbreviationBefore reports whether the "." at p ends a short abbreviation
// ("Mr.", "т.", "г.") rather than a sentence.
func abbreviationBefore(text string, p int) bool {
	k := p
	n := 0
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= w
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	w := strings.ToLower(text[k:p])
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "т", "г", "гг", "им", "ул", "тыс", "млн", "ст", "no", "vs", "etc":
		return true
	}
	// Initials: "Б. Асылов".
	r, _ := utf8.DecodeRuneInString(text[k:])
	return n == 1 && unicode.IsUpper(r)
}

// lineStartBefore reports whether only spaces stand between the start of the
// line and p.
func lineStartBefore(text string, p int) bool {
	for k := p; k > 0; {
		r, w := utf8.DecodeLastRuneInString(text[:k])
		if r == '\n' || r == '\r' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		k -= w
	}
	return true
}

// skipLeading moves start over spaces, dashes and quotation marks.
func skipLeading(text string, start, q int) int {
	for start < q {
		r, w := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) || figIsDash(r) || figIsQuote(r) || r == '(' {
			start += w
			continue
		}
		break
	}
	return start
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

var interrogatives = newFigWordSet(`why what how when where who whom whose which is are was were do does did
	can could will would should has have had shall may
	почему зачем как когда где кто что чем чего кому какой какая какое какие каким каких сколько
	куда откуда разве неужели ли
	неге неліктен қашан қайда кім кімге кімді не қалай қандай қанша нешінші қайсы`)

// startsInterrogative reports whether the question opens with a question
// word, or (Kazakh) carries the particle ма/ме/ба/бе/па/пе.
func startsInterrogative(q, lang string) bool {
	w, _, ok := numWordAt(q, 0)
	if ok && interrogatives.has(strings.ToLower(w)) {
		return true
	}
	for _, p := range []string{" ма?", " ме?", " ба?", " бе?", " па?", " пе?", " ма ", " ме "} {
		if strings.Contains(q, p) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(q), " ли ")
}

// addresseeCues introduce the one a question is put to; the addressee is
// the words that follow.
var addresseeCues = []string{
	"asked of the", "asked the", "asked of", "question to the", "questions to the", "question to",
	"addressed to the", "addressed to", "turned to the", "appealed to the", "called on the",
	"спросил у", "спросила у", "спросили у", "поинтересовался у", "поинтересовалась у",
	"поинтересовались у", "вопрос к", "вопросы к", "вопрос в адрес", "вопросы в адрес",
	"обратился к", "обратилась к", "обратились к", "задал вопрос", "задала вопрос", "задали вопрос",
	"задал вопросы", "спросил", "спросила", "спросили", "asked", "asking",
}

// questionAddressee looks in the lead-in before the question (the same
// sentence, at most 200 bytes back) for one of addresseeCues and returns the
// words naming the addressee: capitalised words or an office title.
func questionAddressee(text string, start int, lang string) string {
	from := start - 240
	if from < 0 {
		from = 0
	}
	from = figRuneStart(text, from)
	lead := text[from:start]
	// Only the lead-in's own sentence.
	if k := strings.LastIndexAny(lead, ".!?\n"); k >= 0 && k < len(lead)-1 {
		lead = lead[k+1:]
	}
	low := strings.ToLower(lead)
	best, bestAt := "", -1
	for _, c := range addresseeCues {
		at := strings.LastIndex(low, c)
		if at < 0 || at <= bestAt {
			continue
		}
		// Whole words only.
		if at > 0 {
			if r, _ := utf8.DecodeLastRuneInString(low[:at]); unicode.IsLetter(r) {
				continue
			}
		}
		after := lead[at+len(c):]
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsLetter(r) {
			continue
		}
		if a := addresseeWords(after, lang); a != "" {
			best, bestAt = a, at
		}
	}
	if best == "" && lang == "kk" {
		best = kazakhAddressee(lead)
	}
	return best
}

var officeWords = newFigWordSet(`president prime minister ministers prosecutor prosecutors general ombudsman
	ombudswoman spokesman spokeswoman spokesperson official officials government authorities mayor akim
	governor chairman chair head speaker commissioner police ministry committee office court judge
	investigator investigators deputy deputies
	президент* премьер* министр* прокурор* генпрокурор* омбудсмен* спикер* представител* власт*
	правительств* аким* губернатор* председател* глав* руководител* мвд кнб депутат* следовател*
	судь* суд* ведомств* комитет* полици* начальник* замминистр*`)

// addresseeWords reads the addressee at the start of s: up to five words,
// capitalised or office titles, stopping at punctuation.
func addresseeWords(s, lang string) string {
	var words []string
	i := 0
	for len(words) < 5 {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		w, end, ok := numWordAt(s, i)
		if !ok {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		connector := lw == "of" || lw == "the" || lw == "for" || lw == "and"
		switch {
		case unicode.IsUpper(r), officeWords.has(lw):
		case connector && len(words) > 0:
		default:
			goto done
		}
		words = append(words, w)
		i = end
		// Hyphenated names: "Nur-Sultan".
		for i < len(s) && s[i] == '-' {
			w2, end2, ok2 := numWordAt(s, i+1)
			if !ok2 {
				break
			}
			words[len(words)-1] += "-" + w2
			i = end2
		}
	}
done:
	for len(words) > 0 {
		lw := strings.ToLower(words[len(words)-1])
		if lw == "of" || lw == "the" || lw == "for" || lw == "and" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) == 0 {
		return ""
	}
	return strings.Join(words, " ")
}

// kazakhAddressee reads "Бас прокурорға сұрақ қойды": the words in the
// dative before "сұрақ" (question) or before "сұрады" (asked).
func kazakhAddressee(lead string) string {
	low := strings.ToLower(lead)
	at := strings.LastIndex(low, "сұрақ")
	if at < 0 {
		at = strings.LastIndex(low, "сұрады")
	}
	if at <= 0 {
		return ""
	}
	ws := strings.Fields(lead[:at])
	if len(ws) == 0 {
		return ""
	}
	n := 2
	if len(ws) < n {
		n = len(ws)
	}
	return strings.Trim(strings.Join(ws[len(ws)-n:], " "), ",:;—–-«»\"")
}
