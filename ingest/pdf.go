package ingest

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

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

// pdfTimeout bounds the time the PDF library may take over one file. The
// library loops for ever on some crafted files (a cross-reference /Prev
// chain or an object stream that points back at itself), which no check
// before it can rule out; after this long the file is reported as
// unreadable and the rest of the ingest goes on. The stuck goroutine cannot
// be stopped and spins until the process ends: a one-shot ingest ends soon
// after, a long-running server should read PDFs in a child process (see the
// package documentation).
var pdfTimeout = 30 * time.Second

// ReadPDF extracts the text layer of a PDF, page by page, with lines where the
// page has lines and blank lines between paragraphs and pages. A PDF without
// a text layer (a scan) is an EINVALID error saying it needs OCR first.
func ReadPDF(name string, b []byte) (PDFResult, error) {
	type outcome struct {
		res PDFResult
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := readPDF(name, b)
		done <- outcome{res, err}
	}()
	timer := time.NewTimer(pdfTimeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.res, o.err
	case <-timer.C:
		return PDFResult{}, inquest.Errorf(inquest.EINVALID, "%s: the PDF could not be read within %s (malformed, or crafted to make readers loop); convert it with another tool (e.g. pdftotext) and ingest the text", name, pdfTimeout)
	}
}

func readPDF(name string, b []byte) (res PDFResult, err error) {
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
	leaves, err := pageLeaves(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the PDF could not be read: %v", name, err)
	}
	var pages []string
	var total int64
	for i, p := range leaves {
		n, err := contentSize(p.V.Key("Contents"), maxPDFPageContent)
		total += n
		if err != nil || total > maxPDFContent {
			return res, inquest.Errorf(inquest.EINVALID, "%s: page %d holds more than %s of drawing instructions once decompressed (a bomb, or a drawing rather than text); convert it to text with another tool (e.g. pdftotext) and ingest the result", name, i+1, FormatSize(maxPDFPageContent))
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

// A page's content stream is decompressed by the library as it is read, and
// every glyph it shows becomes a value of some 80 bytes; a small compressed
// stream can expand without bound. These bound the decompressed content of
// one page and of the whole file, which are read once to be measured before
// the library lays the page out.
const (
	maxPDFPageContent = 4 << 20
	maxPDFContent     = 256 << 20
)

// contentSize returns the decompressed size of a page's content (a stream
// or an array of streams), reading at most limit+1 bytes; beyond limit it
// returns an error.
func contentSize(contents pdf.Value, limit int64) (int64, error) {
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	var n int64
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		rc := s.Reader()
		m, err := io.Copy(io.Discard, io.LimitReader(rc, limit-n+1))
		rc.Close()
		n += m
		if n > limit {
			return n, fmt.Errorf("content over %d bytes", limit)
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// maxPDFTreeDepth bounds the nesting of the page tree and of a page's
// Parent chain; real files nest a few levels.
const maxPDFTreeDepth = 64

// pageLeaves walks the page tree and returns its pages in order. The PDF
// library's own Page(n) follows Kids and Parent links without noticing a
// cycle, so a crafted file would make it loop for ever; this walk counts
// every step and gives up on a tree that is too deep or too large, and it
// checks that each page's Parent chain ends, which the library follows to
// find the page's fonts.
func pageLeaves(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visits := 0
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		visits++
		if depth > maxPDFTreeDepth || visits > 4*maxPDFPages {
			return fmt.Errorf("the page tree is too deep or loops")
		}
		switch node.Key("Type").Name() {
		case "Page":
			if len(pages) >= maxPDFPages {
				return fmt.Errorf("it has more than %d pages", maxPDFPages)
			}
			v := node
			for i := 0; !v.IsNull(); i++ {
				if i > maxPDFTreeDepth {
					return fmt.Errorf("a page's Parent chain loops")
				}
				v = v.Key("Parent")
			}
			pages = append(pages, pdf.Page{V: node})
		case "Pages":
			kids := node.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
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
