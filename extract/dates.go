package extract

import (
	"time"
	"unicode"

	"github.com/inquest-project/inquest"
)

// number returns the integer value of an all-digit word, or -1.
func (d *document) number(i int) int {
	if !d.isWord(i) {
		return -1
	}
	t := &d.toks[i]
	if t.e-t.s > 4 {
		return -1
	}
	n := 0
	for _, c := range d.r[t.s:t.e] {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// month returns the month a word names (English, Russian genitive, Kazakh
// with its case endings), or 0.
func (d *document) month(i int) int {
	if !d.isWord(i) {
		return 0
	}
	t := &d.toks[i]
	if t.cls&cMonth != 0 {
		k := d.key(t)
		if len(k) <= 4 && k != "may" && k != "мая" && !t.cap {
			return 0 // "mar", "dec" as ordinary words
		}
		return monthNames[k]
	}
	w := d.r[t.s:t.e]
	if len(w) < 4 || !isCyrillic(w[0]) {
		return 0
	}
	for _, km := range kazakhMonths {
		if hasPrefixFold(w, km.stem) {
			return km.n
		}
	}
	return 0
}

// hasPrefixFold reports whether w starts with the lower-case prefix p,
// ignoring the case of w.
func hasPrefixFold(w []rune, p string) bool {
	i := 0
	for _, c := range p {
		if i >= len(w) || lowerKey(w[i]) != c {
			return false
		}
		i++
	}
	return true
}

var rangeWords = map[string]bool{
	"since": true, "until": true, "till": true, "from": true, "by": true, "before": true, "after": true,
	"through": true, "to": true, "с": true, "по": true, "до": true, "после": true, "начиная": true,
}

// numericDate reads "07.01.2022" at token i.
func (d *document) numericDate(i int) (day, month, year int) {
	t := &d.toks[i]
	w := d.r[t.s:t.e]
	if len(w) != 10 || w[2] != '.' || w[5] != '.' {
		return 0, 0, 0
	}
	num := func(rs []rune) int {
		n := 0
		for _, c := range rs {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	day, month, year = num(w[0:2]), num(w[3:5]), num(w[6:10])
	if day < 1 || day > 31 || month < 1 || month > 12 || year < 1990 || year > 2100 {
		return 0, 0, 0
	}
	return day, month, year
}

// explicitDate finds a day and month at token i: "14 March", "March 14",
// "14 марта", "10 ақпанда", with a year if one follows. It returns the
// number of tokens used, 0 when none.
func (d *document) explicitDate(i, end int) (day, month, year, n int) {
	if dd, mm, yy := d.numericDate(i); dd > 0 {
		return dd, mm, yy, 1
	}
	if v := d.number(i); v >= 1 && v <= 31 && i+1 < end {
		if m := d.month(i + 1); m > 0 {
			day, month, n = v, m, 2
			if y := d.number(i + 2); y >= 1990 && y <= 2100 && i+2 < end {
				year, n = y, 3
			}
			return
		}
	}
	if m := d.month(i); m > 0 && i+1 < end && d.toks[i].cap && isLatin(d.r[d.toks[i].s]) {
		dot := 0
		if d.toks[i+1].k == tPunct && d.toks[i+1].c == '.' && i+2 < end {
			dot = 1 // "Jan. 7"
		}
		if v := d.number(i + 1 + dot); dot == 1 && v >= 1 && v <= 31 {
			return v, m, 0, 3
		}
		if v := d.number(i + 1); v >= 1 && v <= 31 && !(i+2 < end && d.number(i+2) >= 0 && d.toks[i+2].s == d.toks[i+1].e+1 && d.r[d.toks[i+1].e] != ',') {
			day, month, n = v, m, 2
			j := i + 2
			if j < end && d.toks[j].k == tPunct && d.toks[j].c == ',' {
				j++
			}
			if y := d.number(j); y >= 1990 && y <= 2100 && j < end {
				year, n = y, j-i+1
			}
			return
		}
	}
	return 0, 0, 0, 0
}

func isLatin(c rune) bool { return c < 0x250 && unicode.IsLetter(c) }

// dateIn finds the day words were said in tokens [t0, t1): an explicit date,
// or today/yesterday/on Friday counted from the publication day. Only a date
// that belongs to a reporting clause counts: before its verb or just after it
// ("On March 14 the minister said", "said on Friday"), not one inside what
// was reported ("said that on January 5 the airport was seized"). Without a
// reporting clause, a date before the first quotation counts.
func (d *document) dateIn(t0, t1 int, frames []frame) inquest.Date {
	for i := t0; i < t1; i++ {
		t := &d.toks[i]
		if t.k != tWord {
			continue
		}
		if day, month, year, n := d.explicitDate(i, t1); n > 0 {
			if i > t0 && d.toks[i-1].cls&cRange != 0 || !d.dateOfFrame(i, t0, t1, frames) {
				i += n - 1
				continue
			}
			if dt := d.anchor(day, month, year); dt != "" {
				return dt
			}
			i += n - 1
			continue
		}
		if t.cls&cDay == 0 || !d.dayAnchor.Known() || !d.dateOfFrame(i, t0, t1, frames) {
			continue
		}
		k := d.key(t)
		if off, ok := relativeDays[k]; ok {
			return inquest.DateOf(d.dayAnchor.Time().AddDate(0, 0, off))
		}
		if wd, ok := weekdayNames[k]; ok && i > t0 && d.isWord(i-1) {
			p := d.key(&d.toks[i-1])
			kk := i+1 < t1 && d.isWord(i+1) && d.key(&d.toks[i+1]) == "күні"
			switch p {
			case "this", "past", "прошлую", "минувшую", "эту", "прошлый", "минувший", "этот", "прошлое", "минувшее":
				p = "last"
				if p2 := d.key(&d.toks[i-1]); p2 == "this" || p2 == "эту" || p2 == "этот" {
					p = "on"
				}
			}
			if p == "on" || p == "в" || p == "во" || p == "last" || kk {
				pub := d.dayAnchor.Time()
				back := (int(pub.Weekday()) - wd + 7) % 7
				if p == "last" && back == 0 {
					back = 7
				}
				return inquest.DateOf(pub.AddDate(0, 0, -back))
			}
		}
	}
	return ""
}

// dateOfFrame reports whether a date at token i dates a reporting clause of
// the sentence [t0, t1).
func (d *document) dateOfFrame(i, t0, t1 int, frames []frame) bool {
	verbs := 0
	for _, f := range frames {
		if f.kind == fParticiple {
			continue
		}
		verbs++
		if f.at-i > maxWindow || i-f.at > maxWindow {
			continue
		}
		switch {
		case i < f.at && !d.blocked(i, f.at):
			return true
		case f.at < i && i <= f.at+10 && !d.blocked(f.at, i):
			return true
		}
	}
	if verbs > 0 {
		return false
	}
	for j := t0; j < t1; j++ {
		if d.toks[j].k == tQuote {
			return i < j
		}
	}
	return true
}

// blocked: between tokens a and b stands a word opening reported content
// ("that", "что").
func (d *document) blocked(a, b int) bool {
	for j := a + 1; j < b; j++ {
		t := &d.toks[j]
		if t.k == tWord && t.cls&(cStop|cParticiple) != 0 {
			switch d.key(t) {
			case "that", "что", "if", "whether", "which", "who", "когда", "чтобы", "как", "adding", "добавив":
				return true
			}
		}
	}
	return false
}

// anchor completes a day and month with a year: the one written, else the
// publication year (the previous one if the day would fall after
// publication), else the year the text itself names.
func (d *document) anchor(day, month, year int) inquest.Date {
	if year == 0 {
		switch {
		case d.published.Known():
			pub := d.published.Time()
			year = pub.Year()
			if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).After(pub) {
				year--
			}
		default:
			year = d.textYear()
		}
	}
	if year == 0 {
		return ""
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 February
		return ""
	}
	return inquest.DateOf(t)
}

// textYear is the latest year the text names, 0 if none (cached).
func (d *document) textYear() int {
	if d.year != 0 {
		return max(d.year, 0)
	}
	d.year = -1
	for i := range d.toks {
		if v := d.number(i); v >= 1990 && v <= 2100 && v > d.year {
			d.year = v
		}
	}
	return max(d.year, 0)
}

// dateline finds "MOSCOW, January 10. /TASS/." or "(Nur-Sultan, 15 January
// 2022)" opening one of the first paragraphs: the day the report was filed,
// which dates what it reports when nothing nearer does.
func (d *document) dateline() inquest.Date {
	for si := 0; si < len(d.sents) && si < 12; si++ {
		s := d.sents[si]
		if s.para > 6 {
			break
		}
		i := s.t0
		if i < s.t1 && d.toks[i].k == tPunct && d.toks[i].c == '(' {
			i++
		}
		j := i
		for j < s.t1 && j-i < 4 && d.isWord(j) && d.toks[j].cap && d.month(j) == 0 {
			j++
		}
		if j == i || j >= s.t1 || d.toks[j].k != tPunct || d.toks[j].c != ',' {
			continue
		}
		j++
		day, month, year, n := d.explicitDate(j, s.t1)
		if n == 0 {
			continue
		}
		k := j + n
		if k < s.t1 && d.toks[k].k == tPunct {
			switch d.toks[k].c {
			case '.', '–', '—', '-', '/', ')', '(':
			default:
				continue
			}
		}
		return d.anchor(day, month, year)
	}
	return ""
}
