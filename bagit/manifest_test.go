package bagit

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

const (
	sumA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	sumB = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7"
)

func TestParseManifest(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Entry
	}{
		{"one space", sumA + " data/a.txt\n", []Entry{{sumA, "data/a.txt"}}},
		{"several spaces and a tab", sumA + " \t data/a.txt\n", []Entry{{sumA, "data/a.txt"}}},
		{"upper-case hex", strings.ToUpper(sumA) + "  data/a.txt\n", []Entry{{sumA, "data/a.txt"}}},
		{"CRLF and CR line ends", sumA + "  data/a.txt\r\n" + sumB + "  data/b.txt\r", []Entry{{sumA, "data/a.txt"}, {sumB, "data/b.txt"}}},
		{"no final line end", sumA + "  data/a.txt", []Entry{{sumA, "data/a.txt"}}},
		{"blank lines skipped", "\n" + sumA + "  data/a.txt\n\n", []Entry{{sumA, "data/a.txt"}}},
		{"space inside a path", sumA + "  data/with space.txt\n", []Entry{{sumA, "data/with space.txt"}}},
		{"percent-encoded LF CR and %", sumA + "  data/a%0Ab%0dc%25d.txt\n", []Entry{{sumA, "data/a\nb\rc%d.txt"}}},
		{"encoded percent is decoded once", sumA + "  data/%250A\n", []Entry{{sumA, "data/%0A"}}},
		{"other percent sequences stay", sumA + "  data/100%.txt\n", []Entry{{sumA, "data/100%.txt"}}},
		{"dot-slash prefix", sumA + "  ./data/a.txt\n", []Entry{{sumA, "data/a.txt"}}},
		{"Cyrillic path", sumA + "  data/Токаев.txt\n", []Entry{{sumA, "data/Токаев.txt"}}},
		{"empty file", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseManifest(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseManifest: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseManifestErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no path", sumA + "\n", "line 1: want \"CHECKSUM PATH\""},
		{"not hex", "zz" + sumA[2:] + "  data/a.txt\n", "line 1: checksum"},
		{"absolute path", sumA + "  /etc/passwd\n", "line 1: path \"/etc/passwd\" is absolute"},
		{"escapes the bag", sumA + "  data/../../x\n", "contains \"..\""},
		{"backslash", sumA + "  data\\a.txt\n", "backslash"},
		{"empty segment", sumA + "  data//a.txt\n", "empty segment"},
		{"listed twice", sumA + "  data/a.txt\n" + sumB + "  data/a.txt\n", "line 2: \"data/a.txt\" is already listed on line 1"},
		{"leading space", " " + sumA + "  data/a.txt\n", "line 1: want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseManifest(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFormatManifestEncodesAndSorts(t *testing.T) {
	var buf bytes.Buffer
	err := FormatManifest(&buf, []Entry{{sumB, "data/z.txt"}, {strings.ToUpper(sumA), "data/a\r\n%.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	want := sumA + "  data/a%0D%0A%25.txt\n" + sumB + "  data/z.txt\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzParseManifest checks that no input makes the parser panic, that every
// path it accepts stays inside the bag, and that what it accepts survives a
// round trip through FormatManifest unchanged.
func FuzzParseManifest(f *testing.F) {
	f.Add(sumA + "  data/a.txt\n" + sumB + "\tdata/b%0A.txt\r\n")
	f.Add(sumA + "  data/%25%0d%0A\r")
	f.Add("ab  ./data/x\n\n\nCD data/y y \n")
	f.Add("00 data/../x")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := ParseManifest(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range entries {
			if err := checkPath(e.Path); err != nil {
				t.Fatalf("accepted path %q: %v", e.Path, err)
			}
			if !isHex(e.Checksum) || strings.ToLower(e.Checksum) != e.Checksum {
				t.Fatalf("accepted checksum %q", e.Checksum)
			}
		}
		var buf bytes.Buffer
		if err := FormatManifest(&buf, entries); err != nil {
			t.Fatalf("FormatManifest of parsed entries: %v", err)
		}
		again, err := ParseManifest(&buf)
		if err != nil {
			t.Fatalf("re-parse of %q: %v", buf.String(), err)
		}
		byPath := map[string]string{}
		for _, e := range entries {
			byPath[e.Path] = e.Checksum
		}
		if len(again) != len(entries) {
			t.Fatalf("round trip: %d entries, then %d", len(entries), len(again))
		}
		for _, e := range again {
			if byPath[e.Path] != e.Checksum {
				t.Fatalf("round trip changed %q: %q, then %q", e.Path, byPath[e.Path], e.Checksum)
			}
		}
	})
}

func TestInfoRoundTrip(t *testing.T) {
	in := Info{{"Source-Organization", "Example Monitor"}, {"External-Description", "line one\nline two\n\nafter a blank"}, {"X-Empty", ""}}
	var buf bytes.Buffer
	if err := FormatInfo(&buf, in); err != nil {
		t.Fatal(err)
	}
	got, err := ParseInfo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("got %q, want %q", got, in)
	}
	if err := FormatInfo(&buf, Info{{"Bad: label", "x"}}); err == nil {
		t.Error("FormatInfo accepted a label with a colon")
	}
	if _, err := ParseInfo(strings.NewReader("\uFEFFBagIt-Version: 1.0\n")); err == nil || !strings.Contains(err.Error(), "byte order mark") {
		t.Errorf("ParseInfo of a BOM: %v", err)
	}
}

// FuzzParseInfo checks that bag-info.txt parsing never panics and that what
// it accepts survives FormatInfo and a second parse.
func FuzzParseInfo(f *testing.F) {
	f.Add("Source-Organization: Example\nExternal-Description: one\n  two\n\tthree\nPayload-Oxum: 12.3\n")
	f.Add("\uFEFFBagIt-Version: 1.0\r\n")
	f.Add("a:b:c\r  d\n\n: e\n")
	f.Fuzz(func(t *testing.T, in string) {
		info, err := ParseInfo(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := FormatInfo(&buf, info); err != nil {
			return // labels a writer may not write (e.g. with surrounding space) are refused, not mangled
		}
		again, err := ParseInfo(&buf)
		if err != nil {
			t.Fatalf("re-parse of %q: %v", buf.String(), err)
		}
		if len(again) != len(info) {
			t.Fatalf("round trip: %d fields, then %d", len(info), len(again))
		}
		for i := range info {
			if again[i].Label != info[i].Label {
				t.Fatalf("label %q became %q", info[i].Label, again[i].Label)
			}
		}
	})
}
