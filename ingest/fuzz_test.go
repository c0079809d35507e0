package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets check what must hold for any input: no panic, an error
// or a result, and a result that is valid UTF-8 text. Crashers found by
// `go test -fuzz` are kept under testdata/fuzz/ and replayed by `go test`.

func FuzzReadHTML(f *testing.F) {
	seed, _ := os.ReadFile(filepath.Join("testdata", "article.html"))
	f.Add(seed, "text/html")
	f.Add([]byte(page), "text/html; charset=windows-1251")
	f.Add([]byte("<p>short</p>"), "")
	f.Add([]byte("<html><body>"+strings.Repeat("<div>", 500)+"x"), "text/html")
	f.Add([]byte(strings.Repeat("<div>", 1200)+"<nav>n</nav>x<br>y"), "")
	f.Add([]byte("<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), "")
	f.Fuzz(func(t *testing.T, b []byte, ctype string) {
		res, err := ReadHTML("fuzz.html", b, ctype, nil)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.html") {
				t.Errorf("error %q does not name the document", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) || strings.TrimSpace(res.Text) == "" {
			t.Errorf("text %q is empty or not UTF-8", res.Text)
		}
		if strings.Contains(res.Text, "\n\n\n") {
			t.Errorf("text has more than one blank line in a row: %q", res.Text)
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("They were not there."))
	f.Add([]byte("\xef\xbb\xbfИх там не было."))
	f.Add([]byte("\xff\xfeT\x00h\x00e\x00y\x00"))
	f.Add([]byte("\xc8\xf5 \xf2\xe0\xec \xed\xe5 \xe1\xfb\xeb\xee.")) // Windows-1251
	f.Add([]byte{0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		text, cs, err := DecodeText("fuzz.txt", b)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Errorf("error %q does not name the document", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("decoded text is not UTF-8: %q", text)
		}
		if cs == "utf-8" && !strings.HasPrefix(string(b), "\xef\xbb\xbf") && text != string(b) {
			t.Errorf("UTF-8 input changed: %q -> %q", b, text)
		}
	})
}

func FuzzParseMeta(f *testing.F) {
	f.Add([]byte(`{"title": "T", "url": "https://example.org/", "published": "2022-01-10", "language": "en", "kind": "news", "note": "n"}`))
	f.Add([]byte(`{"url": null, "published": null}`))
	f.Add([]byte(`{"published": "2022-02-30"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMeta("fuzz.meta.json", b)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.meta.json") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		if m.Published.Validate() != nil {
			t.Errorf("accepted published %q", m.Published)
		}
		if m.URL != "" && !isHTTPURL(m.URL) {
			t.Errorf("accepted url %q", m.URL)
		}
	})
}

func FuzzReadPDF(f *testing.F) {
	f.Add(minimalPDF([]string{"One line", "", "Another paragraph"}))
	f.Add(minimalPDF(nil))
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	// Inputs that make the library loop end as errors after the timeout.
	pdfTimeout = 2 * time.Second
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := ReadPDF("fuzz.pdf", b)
		if err != nil {
			return
		}
		if !utf8.ValidString(res.Text) && strings.TrimSpace(res.Text) == "" {
			t.Errorf("accepted a PDF without text: %q", res.Text)
		}
	})
}
