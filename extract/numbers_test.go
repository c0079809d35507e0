package extract

import (
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		lang string
		want float64
		read string // the part of in that the number takes
	}{
		{"1300 officers", "en", 1300, "1300"},
		{"2,000 troops", "en", 2000, "2,000"},
		{"2 000 человек", "ru", 2000, "2 000"},
		{"2\u00a0000 человек", "ru", 2000, "2\u00a0000"},
		{"2\u202f000 человек", "ru", 2000, "2\u202f000"},
		{"1.300.000 жителей", "ru", 1300000, "1.300.000"},
		{"1,300,000 residents", "en", 1300000, "1,300,000"},
		{"12 345 678 people", "en", 12345678, "12 345 678"},
		{"1.5 million people", "en", 1.5e6, "1.5 million"},
		{"300 thousand troops", "en", 300000, "300 thousand"},
		{"2,5 тыс. человек", "ru", 2500, "2,5 тыс."},
		{"3,7 тысячи дел", "ru", 3700, "3,7 тысячи"},
		{"5 тысяч человек", "ru", 5000, "5 тысяч"},
		{"20 тысячах боевиков", "ru", 20000, "20 тысячах"},
		{"100 млрд тенге", "ru", 1e11, "100 млрд"},
		{"1,2 млн тенге", "ru", 1.2e6, "1,2 млн"},
		{"10k people", "en", 10000, "10k"},
		{"5 мың адам", "kk", 5000, "5 мың"},
		{"5 мыңнан астам", "kk", 5000, "5 мыңнан"},
		{"eight people", "en", 8, "eight"},
		{"Twenty-five officers", "en", 25, "Twenty-five"},
		{"two hundred and fifty people", "en", 250, "two hundred and fifty"},
		{"three thousand five hundred", "en", 3500, "three thousand five hundred"},
		{"восемь человек", "ru", 8, "восемь"},
		{"восьми задержанных", "ru", 8, "восьми"},
		{"восьмью способами", "ru", 8, "восьмью"},
		{"двух человек", "ru", 2, "двух"},
		{"трёх полицейских", "ru", 3, "трёх"},
		{"двести тридцать человек", "ru", 230, "двести тридцать"},
		{"пятисот участников", "ru", 500, "пятисот"},
		{"сорока человек", "ru", 40, "сорока"},
		{"девятнадцати военных", "ru", 19, "девятнадцати"},
		{"двадцать пять тысяч", "ru", 25000, "двадцать пять тысяч"},
		{"тысяча человек", "ru", 1000, "тысяча"},
		{"сегіз адам", "kk", 8, "сегіз"},
		{"жиырма бес полицей", "kk", 25, "жиырма бес"},
		{"екі жүз отыз адам", "kk", 230, "екі жүз отыз"},
		{"мыңнан астам адам", "kk", 1000, "мыңнан"},
		{"сегізі де", "kk", 8, "сегізі"},
		{"оннан астам", "kk", 10, "оннан"},
		{"  42 cases", "en", 42, "  42"},
	}
	for _, tt := range tests {
		got, n, ok := ParseNumber(tt.in, tt.lang)
		if !ok {
			t.Errorf("ParseNumber(%q, %s) found no number; want %v", tt.in, tt.lang, tt.want)
			continue
		}
		if d := got - tt.want; d > 1e-6 || d < -1e-6 {
			t.Errorf("ParseNumber(%q, %s) = %v; want %v", tt.in, tt.lang, got, tt.want)
		}
		if tt.in[:n] != tt.read {
			t.Errorf("ParseNumber(%q, %s) read %q; want %q", tt.in, tt.lang, tt.in[:n], tt.read)
		}
	}
}

func TestParseNumberRefuses(t *testing.T) {
	tests := []struct{ in, lang string }{
		{"thousands of people", "en"},
		{"тысячи людей", "ru"},
		{"million", "en"},
		{"people", "en"},
		{"", "en"},
		{"он сказал", "ru"}, // "он" is "he" in Russian, ten only in Kazakh
		{"k", "en"},
	}
	for _, tt := range tests {
		if v, n, ok := ParseNumber(tt.in, tt.lang); ok {
			t.Errorf("ParseNumber(%q, %s) = %v (%d bytes); want no number", tt.in, tt.lang, v, n)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2,000", "2 000", "1.5 million", "2,5 тыс.", "восьми", "мыңнан астам",
		"twenty-five", "10k", "1.300.000", "9\u202f999", "0", "99999999999999999999999", "5 тысяч тысяч"} {
		f.Add(s, "ru")
		f.Add(s, "en")
		f.Add(s, "kk")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		v, n, ok := ParseNumber(s, lang)
		if !ok {
			return
		}
		if n <= 0 || n > len(s) {
			t.Fatalf("ParseNumber(%q) read %d bytes of %d", s, n, len(s))
		}
		if v < 0 || v != v {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		if utf8.ValidString(s) && !utf8.ValidString(s[:n]) {
			t.Fatalf("ParseNumber(%q) split a character: %q", s, s[:n])
		}
	})
}
