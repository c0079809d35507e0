package extract

import "unicode"

// splitDashBreaks cuts a quotation in marks that its own attribution
// interrupts with dashes, as Russian and Kazakh write it:
//
//	«Первая часть, — заявил министр. — Вторая часть».
//
// gives two quotations, the attribution between them outside both. The
// words between the dashes must hold a verb of saying, so that a dash the
// speaker used ("14 обвинений — это только начало") does not cut anything.
func (d *document) splitDashBreaks(spans []qspan) []qspan {
	var out []qspan
	for _, sp := range spans {
		for !sp.dash {
			first, rest, ok := d.dashBreak(sp)
			if !ok {
				break
			}
			out = append(out, first)
			sp = rest
		}
		out = append(out, sp)
	}
	return out
}

// dashBreak finds the first attribution set off by dashes inside sp.
func (d *document) dashBreak(sp qspan) (qspan, qspan, bool) {
	r := d.r
	for k := sp.s; k+3 < sp.e; k++ {
		c := r[k]
		if c != ',' && c != '!' && c != '?' && c != '…' {
			continue
		}
		m := skipHSpace(r, k+1, sp.e)
		if m == k+1 || m >= sp.e || r[m] != '—' && r[m] != '–' {
			continue
		}
		n := skipHSpace(r, m+1, sp.e)
		if n == m+1 || n >= sp.e || !unicode.IsLower(r[n]) {
			continue
		}
		// the attribution runs to ". — " or ", — " before the speech resumes
		speech := false
		for j := n; j+3 < sp.e && j < n+160; j++ {
			if r[j] == '\n' || isQuoteMark(r[j]) {
				break
			}
			if unicode.IsLetter(r[j]) && (j == n || !unicode.IsLetter(r[j-1])) {
				w := j
				for w < sp.e && unicode.IsLetter(r[w]) {
					w++
				}
				if cls, _ := d.classify(j, w); cls&cSpeech != 0 {
					speech = true
				}
			}
			if r[j] != '.' && r[j] != ',' {
				continue
			}
			m2 := skipHSpace(r, j+1, sp.e)
			if m2 == j+1 || m2 >= sp.e || r[m2] != '—' && r[m2] != '–' {
				continue
			}
			n2 := skipHSpace(r, m2+1, sp.e)
			if n2 == m2+1 || n2 >= sp.e || !unicode.IsLetter(r[n2]) || !speech {
				break
			}
			e := k
			if c != ',' {
				e = k + 1
			}
			first := qspan{open: sp.open, s: sp.s, e: e, after: n, mark: sp.mark, closed: true}
			rest := qspan{open: m2, s: n2, e: sp.e, after: sp.after, mark: sp.mark, closed: sp.closed}
			return first, rest, true
		}
		return qspan{}, qspan{}, false
	}
	return qspan{}, qspan{}, false
}

func skipHSpace(r []rune, i, end int) int {
	for i < end && hspace(r[i]) {
		i++
	}
	return i
}
