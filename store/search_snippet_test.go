package store

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSnippetAround(t *testing.T) {
	long := strings.Repeat("filler words here ", 40)
	tests := []struct {
		name, text string
		stems      []string
		width      int
		want       string
	}{
		{"match at the start", "Terrorists attacked Almaty.", []string{"terrorist"}, 160, "\x02Terrorists\x03 attacked Almaty."},
		{"every match marked", "Тоқаев said; Тоқаевтың words.", []string{"тоқаев"}, 160, "\x02Тоқаев\x03 said; \x02Тоқаевтың\x03 words."},
		{"case ignored in Cyrillic", "ИХ ТАМ НЕ БЫЛО", []string{"там"}, 160, "ИХ \x02ТАМ\x03 НЕ БЫЛО"},
		{"no match: the start", "Nothing to see here at all", []string{"zzz"}, 10, "Nothing to …"},
		{"window around a late match", long + "the death toll rose " + long, []string{"toll"}, 30, "… the death \x02toll\x03 rose filler wor …"},
		{"a word cut at the end is not marked", "aa toll tollbooth", []string{"toll"}, 12, "aa \x02toll\x03 toll …"},
		{"prefix only, not infix", "atoll toll", []string{"toll"}, 160, "atoll \x02toll\x03"},
	}
	for _, tt := range tests {
		if got := snippetAround(tt.text, tt.stems, tt.width); got != tt.want {
			t.Errorf("%s: snippetAround = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The snippet of any text is valid UTF-8 with balanced marks, and never
// longer than the window asked for (plus the ellipses and marks).
func FuzzSnippetAround(f *testing.F) {
	f.Add("The death toll was revised from 164 to 238.", "toll", 40)
	f.Add("«Их там не было», — заявил генпрокурор.", "там", 8)
	f.Add("\xff\xfe broken bytes toll", "toll", 3)
	f.Fuzz(func(t *testing.T, text, stem string, width int) {
		if width < 0 || width > 1000 || !utf8.ValidString(stem) {
			return
		}
		stems := searchWords(stem)
		got := snippetAround(text, stems, width)
		if strings.Count(got, MarkStart) != strings.Count(got, MarkEnd) {
			t.Fatalf("unbalanced marks in %q", got)
		}
		plain := strings.NewReplacer(MarkStart, "", MarkEnd, "", "… ", "", " …", "").Replace(got)
		if n := utf8.RuneCountInString(plain); n > width+2 {
			t.Fatalf("snippet of %d characters for width %d: %q", n, width, got)
		}
	})
}

// A word is a run of letters and digits in every script: the fast paths of
// isWordRune (ASCII, Cyrillic) must say what unicode says of every rune.
func TestIsWordRuneAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsNumber(r); got != want {
			t.Errorf("isWordRune(%U %q) = %v, want %v", r, r, got, want)
		}
	}
}
