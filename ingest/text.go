package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DecodeText returns the text of a plain-text document and the charset it was
// in. UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
// mark are decoded as such. Bytes that are not UTF-8 are decoded as
// Windows-1251 or KOI8-R when they read as Cyrillic text, since those are the
// code pages older Russian and Kazakh documents come in; anything else,
// including binary data, is an EINVALID error naming the document.
func DecodeText(name string, b []byte) (text, charset string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
		if !utf8.Valid(b) {
			return "", "", inquest.Errorf(inquest.EINVALID, "%s starts with a UTF-8 byte-order mark but is not valid UTF-8", name)
		}
		return checkText(name, string(b), "utf-8")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, b)
		if err != nil {
			return "", "", inquest.Errorf(inquest.EINVALID, "%s has a UTF-16 byte-order mark but is not valid UTF-16: %v", name, err)
		}
		return checkText(name, string(out), "utf-16")
	case utf8.Valid(b):
		return checkText(name, string(b), "utf-8")
	}
	if looksBinary(b) {
		return "", "", inquest.Errorf(inquest.EINVALID, "%s is binary data, not text, HTML or PDF", name)
	}
	enc, cs := guessCyrillic(b)
	if enc == nil {
		return "", "", inquest.Errorf(inquest.EINVALID, "%s is not valid UTF-8 and does not read as Windows-1251 or KOI8-R; convert it to UTF-8 and ingest it again", name)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", inquest.Errorf(inquest.EINVALID, "%s: decoding %s: %v", name, cs, err)
	}
	return checkText(name, string(out), cs)
}

// checkText refuses decoded text that is mostly control characters: a binary
// file that happens to be valid UTF-8 (all-zero bytes, say) is not a source.
func checkText(name, s, charset string) (string, string, error) {
	if looksBinary([]byte(s)) {
		return "", "", inquest.Errorf(inquest.EINVALID, "%s is binary data, not text, HTML or PDF", name)
	}
	return s, charset, nil
}

// looksBinary reports whether b holds a NUL byte or more than one control
// character (other than tab, newline, carriage return, form feed) in a
// hundred, among its first 8 KB.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if len(b) == 0 {
		return false
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B:
			ctl++
		}
	}
	return ctl*100 > len(b)
}

// guessCyrillic decides between Windows-1251 and KOI8-R for non-UTF-8 bytes.
// Both put the Cyrillic alphabet in 0xC0–0xFF, in opposite cases: in
// Windows-1251 lower case is 0xE0–0xFF, in KOI8-R it is 0xC0–0xDF. Running
// text is mostly lower case, so the busier half tells the code page. It
// returns nil when too few high bytes are letters for either.
func guessCyrillic(b []byte) (encoding.Encoding, string) {
	var high, upperHalf, lowerHalf int
	for _, c := range b {
		switch {
		case c >= 0xE0:
			upperHalf++
			high++
		case c >= 0xC0:
			lowerHalf++
			high++
		case c >= 0x80:
			high++
		}
	}
	letters := upperHalf + lowerHalf
	if letters == 0 || letters*10 < high*7 {
		return nil, ""
	}
	if upperHalf >= lowerHalf {
		return charmap.Windows1251, "windows-1251"
	}
	return charmap.KOI8R, "koi8-r"
}

// normalizeText makes extracted text comparable across formats: line endings
// become \n, trailing spaces go, runs of blank lines become one blank line,
// and leading and trailing blank lines go. It is applied to text taken out of
// HTML and PDF, never to plain text, whose code-point offsets must match the
// file that the extract contract counts in.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(strings.ReplaceAll(l, "\u00a0", " "), unicode.IsSpace)
		l = strings.TrimLeft(l, " \t")
		if l == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		blank = 0
		b.WriteString(l)
	}
	return b.String()
}

// maxTitleRunes bounds a title taken from a document's first line: a text
// without line breaks would otherwise become one enormous title. A title
// someone wrote (a meta file's) is kept whole up to maxGivenTitleRunes.
const (
	maxTitleRunes      = 200
	maxGivenTitleRunes = 2000
)

// firstLineTitle returns the first non-blank line of text as a title.
func firstLineTitle(text string) string {
	for line := range strings.Lines(text) {
		if t := cutTitle(line, maxTitleRunes); t != "" {
			return t
		}
	}
	return ""
}

// cleanTitle collapses white space in a title and cuts it at maxTitleRunes.
func cleanTitle(s string) string { return cutTitle(s, maxTitleRunes) }

// cutTitle collapses white space in a title and cuts it at limit runes.
func cutTitle(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:limit-1])) + "…"
}

// DetectLanguage guesses the language of a text by its script: Kazakh when
// the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і) make up more than three in a
// hundred Cyrillic letters, Russian when Cyrillic letters outnumber Latin
// ones, English otherwise. A Russian text quoting a Kazakh name ("Тоқаев")
// stays Russian. It is a fallback for documents without a meta file.
func DetectLanguage(text string) string {
	var cyr, latin, kazakh int
	for _, r := range text {
		switch {
		case strings.ContainsRune("әғқңөұүһіӘҒҚҢӨҰҮҺІ", r):
			kazakh++
			cyr++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	switch {
	case cyr == 0 || cyr < latin:
		return "en"
	case kazakh >= 2 && kazakh*100 > cyr*3:
		return "kk"
	default:
		return "ru"
	}
}
