package store

import (
	"strings"
	"unicode"
)

// Snippets mark the matched words with these two characters, which never
// occur in stored text, so that a caller can escape the snippet for HTML
// first and then turn the marks into <mark> and </mark>.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// searchWords splits a query into the words both backends index: runs of
// letters and digits, lower-cased. Anything else (quotes, operators,
// punctuation) separates words, so no query can inject search syntax.
func searchWords(q string) []string {
	fields := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(fields) > 32 {
		fields = fields[:32]
	}
	return fields
}
