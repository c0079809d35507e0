package ingest

import (
	"bytes"
	"fmt"
	"strings"
)

// minimalPDF writes a one-page PDF whose text layer holds lines, one Td move
// apart; an empty line leaves a paragraph gap. With no lines the page has no
// text at all, as a scanned page has none. The first line is also the
// document's Title. It is the smallest PDF the format allows: a catalog, a
// page tree, one page, a content stream, a standard font and an xref table
// with exact offsets.
func minimalPDF(lines []string) []byte {
	var content strings.Builder
	if len(lines) > 0 {
		content.WriteString("BT\n/F1 12 Tf\n72 720 Td\n")
		gap := 0
		for i, l := range lines {
			if l == "" {
				gap++
				continue
			}
			if i > 0 {
				fmt.Fprintf(&content, "0 %d Td\n", -14*(gap+1))
			}
			gap = 0
			fmt.Fprintf(&content, "(%s) Tj\n", pdfEscape(l))
		}
		content.WriteString("ET\n")
	}
	title := ""
	if len(lines) > 0 {
		title = lines[0]
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Title (%s) /Producer (Inquest tests) >>", pdfEscape(title)),
	}
	return buildPDF(objects, "/Info 6 0 R")
}

// buildPDF writes objects (numbered from 1, the first the catalog) as a PDF
// with an exact xref table; trailerExtra goes into the trailer dictionary.
func buildPDF(objects []string, trailerExtra string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, trailerExtra, xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
}
