package web

import "sort"

// A source's text is shown as paragraphs, with the spans of statements and
// figures marked in it. Spans count Unicode code points, as the extract
// contract does, so the text is cut as []rune, never as bytes.

type paragraph struct {
	Segments []segment
}

// segment is a run of text, marked when Kind is not empty.
type segment struct {
	Text   string
	Kind   string // "", "statement" or "figure"
	ID     string // anchor on the first segment of a mark, e.g. "s-12"
	Href   string // where the mark links: its entry in the list below the text
	Title  string
	Review string
}

// mark is a span to highlight.
type mark struct {
	Start, End int
	Kind       string
	ID         string
	Title      string
	Review     string
}

// markText splits text into paragraphs at blank lines and cuts each around
// the marks. Overlapping marks are clipped so that every code point is shown
// once; a mark outside the text is ignored rather than trusted.
func markText(text string, marks []mark) []paragraph {
	runes := []rune(text)
	sorted := make([]mark, 0, len(marks))
	for _, m := range marks {
		if m.Start < 0 || m.End > len(runes) || m.End <= m.Start {
			continue
		}
		sorted = append(sorted, m)
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End > sorted[j].End
	})
	// Clip overlaps: a later mark starts where the one before it ended.
	clipped := sorted[:0]
	end := 0
	for _, m := range sorted {
		if m.Start < end {
			m.Start = end
		}
		if m.End <= m.Start {
			continue
		}
		clipped = append(clipped, m)
		end = m.End
	}

	var out []paragraph
	started := map[string]bool{}
	mi := 0
	for _, pr := range paragraphRanges(runes) {
		var p paragraph
		pos := pr[0]
		for mi < len(clipped) && clipped[mi].End <= pr[0] {
			mi++
		}
		for j := mi; j < len(clipped) && clipped[j].Start < pr[1]; j++ {
			m := clipped[j]
			s, e := max(m.Start, pr[0]), min(m.End, pr[1])
			if s > pos {
				p.Segments = append(p.Segments, segment{Text: string(runes[pos:s])})
			}
			seg := segment{Text: string(runes[s:e]), Kind: m.Kind, Href: "#" + m.ID, Title: m.Title, Review: m.Review}
			if !started[m.ID] {
				seg.ID = m.ID
				started[m.ID] = true
			}
			p.Segments = append(p.Segments, seg)
			pos = e
		}
		if pos < pr[1] {
			p.Segments = append(p.Segments, segment{Text: string(runes[pos:pr[1]])})
		}
		out = append(out, p)
	}
	return out
}

// paragraphRanges returns [start, end) of each run of non-blank lines.
func paragraphRanges(runes []rune) [][2]int {
	var out [][2]int
	start, lineStart := -1, 0
	lastNonBlankEnd := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		line := runes[lineStart:i]
		if isBlank(line) {
			if start >= 0 {
				out = append(out, [2]int{start, lastNonBlankEnd})
				start = -1
			}
		} else {
			if start < 0 {
				start = lineStart
			}
			lastNonBlankEnd = i
			if i > lineStart && runes[i-1] == '\r' {
				lastNonBlankEnd = i - 1
			}
		}
		lineStart = i + 1
	}
	if start >= 0 {
		out = append(out, [2]int{start, lastNonBlankEnd})
	}
	return out
}

func isBlank(line []rune) bool {
	for _, r := range line {
		if r != ' ' && r != '\t' && r != '\r' && r != '\u00a0' {
			return false
		}
	}
	return true
}
