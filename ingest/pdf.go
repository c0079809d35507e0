package ingest

import (
	"bytes"
	"math"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read from one PDF; a hostile page count in the
// trailer must not make us loop for ever.
const maxPDFPages = 10_000

// PDFResult is what ReadPDF takes out of a PDF.
type PDFResult struct {
	Text  string
	Title string // from the document information dictionary, "" when absent
}

// ReadPDF extracts the text layer of a PDF, page by page, with lines where the
// page has lines and blank lines between paragraphs and pages. A PDF without
// a text layer (a scan) is an EINVALID error saying it needs OCR first.
func ReadPDF(name string, b []byte) (res PDFResult, err error) {
	// The PDF library panics on some malformed files; one bad file must be an
	// error naming it, not a crash of the whole ingest.
	defer func() {
		if r := recover(); r != nil {
			res, err = PDFResult{}, inquest.Errorf(inquest.EINVALID, "%s: the PDF could not be read: %v", name, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the PDF could not be read: %v", name, err)
	}
	n := r.NumPage()
	if n > maxPDFPages {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the PDF claims %d pages, more than %d", name, n, maxPDFPages)
	}
	var pages []string
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		if t := pageText(p.Content().Text); t != "" {
			pages = append(pages, t)
		}
	}
	res.Text = normalizeText(strings.Join(pages, "\n\n"))
	if strings.TrimSpace(res.Text) == "" {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the PDF has no text layer (a scanned image?); run it through OCR (e.g. ocrmypdf) and ingest the result", name)
	}
	if info := r.Trailer().Key("Info"); !info.IsNull() {
		res.Title = cleanTitle(info.Key("Title").Text())
	}
	return res, nil
}

// pageText lays out the glyphs of one page as text. The library reports each
// glyph with its position in content-stream order, which is reading order in
// almost every PDF: a move down starts a new line, a move down by more than
// one and a half lines starts a new paragraph, and a gap on the same line
// wider than a quarter of the font size is a space the PDF left implicit.
func pageText(glyphs []pdf.Text) string {
	var b strings.Builder
	var prev pdf.Text
	started := false
	for _, g := range glyphs {
		if g.S == "\n" || g.S == "" {
			continue
		}
		if started {
			size := math.Max(prev.FontSize, 1)
			dy := prev.Y - g.Y
			switch {
			case dy > size*1.6 || dy < -size*20:
				b.WriteString("\n\n")
			case math.Abs(dy) > size*0.5:
				b.WriteString("\n")
			case prev.W > 0 && g.X-(prev.X+prev.W) > size*0.25 && !strings.HasSuffix(prev.S, " ") && g.S != " ":
				b.WriteString(" ")
			}
		}
		b.WriteString(g.S)
		prev, started = g, true
	}
	return b.String()
}
