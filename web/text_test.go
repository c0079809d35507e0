package web

import (
	"reflect"
	"testing"
)

func TestMarkText(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  [][]segment
	}{
		{
			name: "paragraphs at blank lines, single newlines kept",
			text: "Title\n\nFirst line\nsecond line\n\n\n  \nLast",
			want: [][]segment{{{Text: "Title"}}, {{Text: "First line\nsecond line"}}, {{Text: "Last"}}},
		},
		{
			name:  "a mark inside one paragraph",
			text:  "He said: “They were not there.”",
			marks: []mark{{Start: 10, End: 30, Kind: "statement", ID: "s-1"}},
			want: [][]segment{{
				{Text: "He said: “"},
				{Text: "They were not there.", Kind: "statement", ID: "s-1", Href: "#s-1"},
				{Text: "”"},
			}},
		},
		{
			name:  "spans count code points, not bytes",
			text:  "Асылов: «Их там не было».",
			marks: []mark{{Start: 9, End: 23, Kind: "statement", ID: "s-2"}},
			want: [][]segment{{
				{Text: "Асылов: «"},
				{Text: "Их там не было", Kind: "statement", ID: "s-2", Href: "#s-2"},
				{Text: "»."},
			}},
		},
		{
			name:  "a mark across two paragraphs is cut in two, anchored once",
			text:  "one two\n\nthree four",
			marks: []mark{{Start: 4, End: 14, Kind: "statement", ID: "s-3"}},
			want: [][]segment{
				{{Text: "one "}, {Text: "two", Kind: "statement", ID: "s-3", Href: "#s-3"}},
				{{Text: "three", Kind: "statement", Href: "#s-3"}, {Text: " four"}},
			},
		},
		{
			name: "overlapping marks are clipped, out-of-range marks ignored",
			text: "225 people died",
			marks: []mark{
				{Start: 0, End: 10, Kind: "figure", ID: "f-1"},
				{Start: 4, End: 15, Kind: "statement", ID: "s-4"},
				{Start: 10, End: 99, Kind: "statement", ID: "s-5"},
				{Start: 5, End: 5, Kind: "statement", ID: "s-6"},
			},
			want: [][]segment{{
				{Text: "225 people", Kind: "figure", ID: "f-1", Href: "#f-1"},
				{Text: " died", Kind: "statement", ID: "s-4", Href: "#s-4"},
			}},
		},
		{
			name: "empty text has no paragraphs",
			text: "\n \n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]segment
			for _, p := range markText(tt.text, tt.marks) {
				got = append(got, p.Segments)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("markText(%q)\n got %#v\nwant %#v", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzMarkText(f *testing.F) {
	f.Add("Асылов: «Их там не было».\n\nNext", 3, 12, 5, 30)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		ps := markText(text, []mark{{Start: s1, End: e1, Kind: "statement", ID: "a"}, {Start: s2, End: e2, Kind: "figure", ID: "b"}})
		// Marks never add, drop or reorder text: each paragraph shows exactly
		// the code points of its range.
		runes := []rune(text)
		ranges := paragraphRanges(runes)
		if len(ps) != len(ranges) {
			t.Fatalf("%d paragraphs for %d ranges", len(ps), len(ranges))
		}
		for i, p := range ps {
			var got string
			for _, s := range p.Segments {
				got += s.Text
			}
			if want := string(runes[ranges[i][0]:ranges[i][1]]); got != want {
				t.Fatalf("paragraph %d shows %q, want %q", i, got, want)
			}
		}
	})
}

func TestDownloadName(t *testing.T) {
	tests := []struct {
		fileName, url, contentType string
		id                         int64
		want                       string
	}{
		{"01-address.txt", "", "text/plain; charset=utf-8", 1, "01-address.txt"},
		{"", "https://example.org/news/statement.html?x=1", "text/html", 2, "statement.html"},
		{"", "https://example.org/", "text/html; charset=utf-8", 3, "source-3.html"},
		{"", "", "application/pdf", 4, "source-4.pdf"},
		{"", "", "", 5, "source-5"},
		{`C:\docs\report.pdf`, "", "application/pdf", 6, "report.pdf"},
	}
	for _, tt := range tests {
		src := sourceWith(tt.id, tt.fileName, tt.url, tt.contentType)
		if got := downloadName(src); got != tt.want {
			t.Errorf("downloadName(%q, %q, %q) = %q, want %q", tt.fileName, tt.url, tt.contentType, got, tt.want)
		}
	}
}
