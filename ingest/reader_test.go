package ingest

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"golang.org/x/text/encoding/charmap"
)

func TestReadHTMLKeepsMainTextDropsBoilerplate(t *testing.T) {
	r := NewReader(DefaultOptions())
	doc, err := r.Read(context.Background(), filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"On 14 March 2022 the Prosecutor General, Berik Asylov, reported",
		`"They were not there. No foreign terrorists took part in the riots."`,
		"independent international investigation",
	} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	for _, unwanted := range []string{"Subscribe now", "Most read", "Cookie policy", "should never appear"} {
		if strings.Contains(doc.Text, unwanted) {
			t.Errorf("text keeps boilerplate %q:\n%s", unwanted, doc.Text)
		}
	}
	if strings.Count(doc.Text, "\n\n") < 2 {
		t.Errorf("paragraphs are not separated by blank lines:\n%s", doc.Text)
	}
	if got, want := doc.Meta.Title, "Prosecutor General reports to the Majilis"; !strings.HasPrefix(got, want) {
		t.Errorf("title = %q, want it to start with %q", got, want)
	}
	if got, want := doc.Meta.Language, "en"; got != want {
		t.Errorf("language = %q, want %q", got, want)
	}
	orig, _ := os.ReadFile(filepath.Join("testdata", "article.html"))
	if !bytes.Equal(doc.Original, orig) {
		t.Error("original bytes are not the file's bytes")
	}
}

func TestDecodeText(t *testing.T) {
	ru := "Генеральный прокурор заявил, что иностранных террористов не было."
	cp1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	koi8, _ := charmap.KOI8R.NewEncoder().String(ru)
	tests := []struct {
		name        string
		in          []byte
		want        string
		wantCharset string
		wantErr     string
	}{
		{"utf-8", []byte(ru), ru, "utf-8", ""},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, ru...), ru, "utf-8", ""},
		{"windows-1251", []byte(cp1251), ru, "windows-1251", ""},
		{"koi8-r", []byte(koi8), ru, "koi8-r", ""},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0x90, 0x91}, "", "", "binary"},
		{"latin-1 gibberish", []byte("caf\xe9 \x85\x86\x87\x88\x89 na\xefve"), "", "", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := DecodeText("doc.txt", tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "doc.txt") {
					t.Fatalf("err = %v, want one naming doc.txt and saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || cs != tt.wantCharset {
				t.Errorf("got %q (%s), want %q (%s)", got, cs, tt.want, tt.wantCharset)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"They were not there.", "en"},
		{"Их там не было, заявил генпрокурор.", "ru"},
		{"Президент Қасым-Жомарт Тоқаев: «Біз бұл оқиғалардан сабақ алуымыз керек».", "kk"},
		{"Токаев (Тоқаев) выступил в мажилисе с посланием народу Казахстана и сказал многое.", "ru"},
		{"", "en"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestReadFileWithMeta(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Headline here\n\nBody text of the article.")
	write(t, filepath.Join(dir, "a.meta.json"), `{"title": "Given title", "url": "https://example.org/a", "published": "2022-03-14", "language": "ru", "kind": "official", "note": "n"}`)
	write(t, filepath.Join(dir, "b.txt"), "\n  Первая строка  \nВторая строка.")
	r := NewReader(DefaultOptions())
	a, err := r.Read(context.Background(), filepath.Join(dir, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Title: "Given title", URL: "https://example.org/a", Published: "2022-03-14", Language: "ru", Kind: inquest.KindOfficial, Note: "n"}
	if a.Meta != want {
		t.Errorf("meta = %+v, want %+v", a.Meta, want)
	}
	if a.Locator != "https://example.org/a" || a.FileName != "a.txt" {
		t.Errorf("locator %q, file name %q; want the meta file's url and the base name", a.Locator, a.FileName)
	}
	b, err := r.Read(context.Background(), filepath.Join(dir, "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Locator != "file:b.txt" || b.FileName != "b.txt" {
		t.Errorf("locator %q, file name %q; want file:b.txt, b.txt", b.Locator, b.FileName)
	}
	if b.Meta.Title != "Первая строка" || b.Meta.Language != "ru" {
		t.Errorf("meta without a meta file = %+v, want title from the first line and language ru", b.Meta)
	}
	if b.Text != "\n  Первая строка  \nВторая строка." {
		t.Errorf("plain text changed: %q; offsets must match the file", b.Text)
	}
}

func TestExpandDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", "a.meta.json", "a.gold.json", ".hidden", "c.html"} {
		write(t, filepath.Join(dir, n), "x")
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := NewReader(DefaultOptions()).Expand(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.html")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Expand = %q, want %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("a", 2048))
	write(t, filepath.Join(dir, "bad.meta.json"), `{"published": "14 March"}`)
	write(t, filepath.Join(dir, "bad.txt"), "text")
	write(t, filepath.Join(dir, "empty.txt"), "  \n ")
	write(t, filepath.Join(dir, "scan.pdf"), string(minimalPDF(nil)))
	tests := []struct {
		name string
		opt  Options
		item string
		want []string
	}{
		{"too large", Options{MaxSize: 1024}, filepath.Join(dir, "big.txt"), []string{"big.txt", "1.0 KB", "--max-size"}},
		{"missing", Options{}, filepath.Join(dir, "nope.txt"), []string{"nope.txt", "does not exist"}},
		{"bad meta", Options{}, filepath.Join(dir, "bad.txt"), []string{"bad.meta.json", "YYYY-MM-DD"}},
		{"no text", Options{}, filepath.Join(dir, "empty.txt"), []string{"empty.txt", "no text"}},
		{"pdf without text layer", Options{}, filepath.Join(dir, "scan.pdf"), []string{"scan.pdf", "OCR"}},
		{"not http", Options{}, "ftp://example.org/x", []string{"ftp://example.org/x", "http"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(tt.opt).Read(context.Background(), tt.item)
			if err == nil {
				_, err = NewReader(tt.opt).Expand(tt.item)
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestReadPDF(t *testing.T) {
	b := minimalPDF([]string{
		"Majilis session, 14 March 2022",
		"",
		"The Prosecutor General said: (They were not there.)",
		"No terrorism cases were opened.",
	})
	dir := t.TempDir()
	write(t, filepath.Join(dir, "report.pdf"), string(b))
	doc, err := NewReader(DefaultOptions()).Read(context.Background(), filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Majilis session, 14 March 2022\n\nThe Prosecutor General said: (They were not there.)\nNo terrorism cases were opened."
	if doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
	if doc.ContentType != "application/pdf" || doc.Meta.Title != "Majilis session, 14 March 2022" {
		t.Errorf("content type %q, title %q", doc.ContentType, doc.Meta.Title)
	}
}

func TestParseMeta(t *testing.T) {
	tests := []struct {
		in      string
		want    Meta
		wantErr string
	}{
		{`{"title": "T", "url": null, "published": null, "language": "en", "kind": "news", "note": "x"}`, Meta{Title: "T", Language: "en", Kind: inquest.KindNews, Note: "x"}, ""},
		{`{"title": "T", "kind": "assessment", "publisher": "Kursiv", "extra": 1}`, Meta{Title: "T", Kind: "assessment", Publisher: "Kursiv"}, ""},
		{`{"title": 5}`, Meta{}, "not a JSON object"},
		{`{"url": "javascript:alert(1)"}`, Meta{}, "not an http(s) URL"},
		{`{"language": "English language"}`, Meta{}, "not a language code"},
		{`{} {}`, Meta{}, "unexpected data"},
		{`[]`, Meta{}, "not a JSON object"},
	}
	for _, tt := range tests {
		got, err := ParseMeta("x.meta.json", []byte(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "x.meta.json") {
				t.Errorf("ParseMeta(%s) err = %v, want %q naming the file", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseMeta(%s) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{{"50MB", 50 << 20}, {"512k", 512 << 10}, {"1048576", 1 << 20}, {"1.5 GB", 3 << 29}, {"10 mib", 10 << 20}}
	for _, tt := range tests {
		if got, err := ParseSize(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "-5MB", "lots", "5 XB"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) gave no error", bad)
		}
	}
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadHTMLCharsets(t *testing.T) {
	body := "<p>" + strings.Repeat("Генеральный прокурор заявил, что иностранных террористов не было. ", 10) + "</p>"
	head := "<html><head><title>Заявление</title>" + strings.Repeat("<!-- padding to push the body past the first kilobyte -->\n", 30) + "</head><body>"
	utf := head + body + "</body></html>"
	cp1251, _ := charmap.Windows1251.NewEncoder().String(utf)
	declared, _ := charmap.Windows1251.NewEncoder().String(strings.Replace(utf, "<head>", `<head><meta charset="windows-1251">`, 1))
	tests := []struct {
		name, ctype string
		in          string
	}{
		{"utf-8 undeclared, ASCII first kilobyte", "", utf},
		{"windows-1251 undeclared", "", cp1251},
		{"windows-1251 in meta", "", declared},
		{"windows-1251 in Content-Type", "text/html; charset=windows-1251", cp1251},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ReadHTML("page.html", []byte(tt.in), tt.ctype, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text, "Генеральный прокурор заявил") || res.Title != "Заявление" {
				t.Errorf("title %q, text %q", res.Title, res.Text[:min(len(res.Text), 120)])
			}
		})
	}
}

// Pages the HTML parser or readability would take minutes over (the
// parser's cost grows with the square of the nesting) are read by the
// linear fallback and still give their text without boilerplate.
func TestReadHTMLDeeplyNested(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string
	}{
		{"20,000 nested divs", strings.Repeat("<div>", 20000) + "They were not there." + strings.Repeat("</div>", 20000), "They were not there."},
		{"deep with navigation", "<nav>Home Menu</nav>" + strings.Repeat("<div>", 5000) + "<p>First.</p><p>Second.</p>" + strings.Repeat("</div>", 5000) + "<footer>Cookies</footer>", "First.\n\nSecond."},
		{"many elements", "<nav>Home Menu</nav>" + strings.Repeat("<p>Words.</p>", 30000), strings.TrimSuffix(strings.Repeat("Words.\n\n", 30000), "\n\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ReadHTML("deep.html", []byte(tt.page), "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("text = %.200q, want %.200q", res.Text, tt.want)
			}
		})
	}
}

// Crafted page trees that would make the PDF library loop for ever are
// refused with an error naming the file.
func TestReadPDFLoopingPageTree(t *testing.T) {
	content := "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Looping) Tj ET\nendstream"
	tests := []struct {
		name    string
		objects []string
	}{
		{"kids contain their parent", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 5 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			content,
		}},
		{"parent chain loops", []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 5 0 R /Contents 4 0 R >>",
			content,
			"<< /Parent 5 0 R >>",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPDF("loop.pdf", buildPDF(tt.objects, ""))
			if err == nil || !strings.Contains(err.Error(), "loop.pdf") || !strings.Contains(err.Error(), "loops") {
				t.Errorf("err = %v, want one naming loop.pdf and the loop", err)
			}
		})
	}
}

// A small file whose page content decompresses to far more than any page of
// text is refused before the PDF library lays it out glyph by glyph.
func TestReadPDFDecompressionBomb(t *testing.T) {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write([]byte("BT /F1 12 Tf 72 720 Td ("))
	zw.Write(bytes.Repeat([]byte("a"), 8<<20))
	zw.Write([]byte(") Tj ET"))
	zw.Close()
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	b := buildPDF(objects, "")
	_, err := ReadPDF("bomb.pdf", b)
	if err == nil || !strings.Contains(err.Error(), "bomb.pdf") || !strings.Contains(err.Error(), "decompressed") {
		t.Errorf("%d-byte PDF: err = %v, want a refusal naming bomb.pdf", len(b), err)
	}
}

// A cross-reference /Prev chain that points at itself makes the PDF library
// loop for ever; the file is reported after the timeout and ingest goes on.
func TestReadPDFLoopingXref(t *testing.T) {
	defer func(d time.Duration) { pdfTimeout = d }(pdfTimeout)
	pdfTimeout = time.Second
	b := minimalPDF([]string{"Looping"})
	xref := bytes.LastIndex(b, []byte("\nxref\n")) + 1
	b = bytes.Replace(b, []byte("/Root 1 0 R"), []byte(fmt.Sprintf("/Root 1 0 R /Prev %d", xref)), 1)
	_, err := ReadPDF("prev.pdf", b)
	if err == nil || !strings.Contains(err.Error(), "prev.pdf") {
		t.Errorf("err = %v, want an error naming prev.pdf", err)
	}
}

// Readability keeps navigation on pages too short for it to score; those
// elements are dropped before it runs, while an article's own header stays.
func TestReadHTMLShortPage(t *testing.T) {
	page := `<html><head><title>T</title></head><body><header>Site name</header><nav>Menu</nav>
<article><header><h1>Headline</h1></header><p>Eight people died under torture.</p></article>
<aside>Most read</aside><footer>Cookies</footer></body></html>`
	res, err := ReadHTML("short.html", []byte(page), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Headline\n\nEight people died under torture."; res.Text != want {
		t.Errorf("text = %q, want %q", res.Text, want)
	}
}
