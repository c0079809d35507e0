package web

import (
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       string // ops and lines, one per line
	}{
		{"same", "a\nb", "a\nb", "= a\n= b"},
		{"added line", "a\nc", "a\nb\nc", "= a\n+ b\n= c"},
		{"removed line", "a\nb\nc", "a\nc", "= a\n- b\n= c"},
		{"changed line", "Toll: 225.\nEnd.", "Toll: 238.\nEnd.", "- Toll: 225.\n+ Toll: 238.\n= End."},
		{"from nothing", "", "new", "+ new"},
	}
	sign := map[string]string{"same": "=", "add": "+", "del": "-"}
	for _, tt := range tests {
		var got []string
		for _, l := range lineDiff(tt.a, tt.b) {
			got = append(got, sign[l.Op]+" "+l.Text)
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%s: lineDiff =\n%s\nwant\n%s", tt.name, g, tt.want)
		}
	}
}

func TestInContext(t *testing.T) {
	text := "Асылов сказал: «Их там не было». Депутаты молчали."
	before, span, after := inContext(text, 15, 31, "", 280)
	if before != "Асылов сказал: " || span != "«Их там не было»" || after != ". Депутаты молчали." {
		t.Errorf("inContext = %q %q %q", before, span, after)
	}
	// A span outside the text shows the item's own words only.
	if b, s, a := inContext(text, 40, 400, "own words", 280); b != "" || s != "own words" || a != "" {
		t.Errorf("span outside the text: %q %q %q", b, s, a)
	}
}

func TestWSMarks(t *testing.T) {
	got := string(wsMarks("<b>\x02Асылова\x03 said \x02Асылов"))
	want := "&lt;b&gt;<mark>Асылова</mark> said <mark>Асылов</mark>"
	if got != want {
		t.Errorf("wsMarks = %q, want %q", got, want)
	}
}
