package publish

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
)

// RefKind is what a citation points at.
type RefKind string

// Citation kinds, written in Markdown as [@s123], [@claim:slug], [@f45], [@q7].
const (
	RefStatement RefKind = "statement"
	RefClaim     RefKind = "claim"
	RefFigure    RefKind = "figure"
	RefQuestion  RefKind = "question"
)

// Ref is one citation as written.
type Ref struct {
	Kind RefKind
	ID   int64  // statement, figure or question id
	Slug string // claim slug
}

// String gives the citation back as written, without brackets: "@s123".
func (r Ref) String() string {
	switch r.Kind {
	case RefStatement:
		return "@s" + strconv.FormatInt(r.ID, 10)
	case RefFigure:
		return "@f" + strconv.FormatInt(r.ID, 10)
	case RefQuestion:
		return "@q" + strconv.FormatInt(r.ID, 10)
	}
	return "@claim:" + r.Slug
}

// Target is what a citation resolves to for readers: where it leads (the
// highlighted span in the archived source) and what the footnote says.
type Target struct {
	Href  string // e.g. /sources/12#ts-34
	Label string // who and when: "Kassym-Jomart Tokayev, 7 January 2022"
	Quote string // the words cited, in their original language
	Lang  string // language of Quote
}

// Footnote is one numbered note of a chapter. A reference the resolver does
// not know (missing, or not public) is Missing: it gets a number and the
// note says the evidence is unavailable, so the text still reads and
// nothing private is shown.
type Footnote struct {
	N       int
	Ref     Ref
	Target  Target
	Missing bool
	// Backrefs are the ids of the markers in the text that cite this note.
	Backrefs []string
}

// ID is the anchor of the footnote: "fn-3".
func (f Footnote) ID() string { return "fn-" + strconv.Itoa(f.N) }

// Resolver looks a citation up; ok false when readers may not see it.
type Resolver func(Ref) (t Target, ok bool)

var (
	citeRe    = regexp.MustCompile(`\[(@[^\[\]\n]+)\]`)
	oneRefRe  = regexp.MustCompile(`^@(?:([sfq])(\d{1,18})|claim:([a-z0-9][a-z0-9-]{0,62}))$`)
	tokenRe   = regexp.MustCompile(`INQCITE(\d+)X`)
	sanitizer = bluemonday.UGCPolicy()
)

// ParseRefs returns the citations of a bracket's content ("@s1; @s2"), or
// nil when any part is not a citation: then the brackets are ordinary text.
func ParseRefs(inner string) []Ref {
	var refs []Ref
	for _, part := range strings.Split(inner, ";") {
		m := oneRefRe.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return nil
		}
		if m[3] != "" {
			refs = append(refs, Ref{Kind: RefClaim, Slug: m[3]})
			continue
		}
		id, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil || id <= 0 {
			return nil
		}
		kind := map[string]RefKind{"s": RefStatement, "f": RefFigure, "q": RefQuestion}[m[1]]
		refs = append(refs, Ref{Kind: kind, ID: id})
	}
	return refs
}

// CitedRefs returns every citation of a chapter's Markdown, in order, as
// RenderChapter will resolve them: a page reads what they cite first.
func CitedRefs(md string) []Ref {
	var refs []Ref
	for _, m := range citeRe.FindAllString(md, -1) {
		refs = append(refs, ParseRefs(m[1:len(m)-1])...)
	}
	return refs
}

// RenderChapter renders a chapter's Markdown to sanitised HTML, turning each
// citation into a numbered footnote marker that links to its note; the notes
// come back in order for the page to list, each linking on to the evidence.
// A reference cited twice keeps its first number.
func RenderChapter(md string, resolve Resolver) (template.HTML, []Footnote, error) {
	var notes []Footnote
	index := map[Ref]int{}
	var markers []string // token i -> marker HTML
	src := citeRe.ReplaceAllStringFunc(md, func(m string) string {
		refs := ParseRefs(m[1 : len(m)-1])
		if refs == nil {
			return m
		}
		var out strings.Builder
		for _, r := range refs {
			i, seen := index[r]
			if !seen {
				i = len(notes)
				index[r] = i
				t, ok := resolve(r)
				notes = append(notes, Footnote{N: i + 1, Ref: r, Target: t, Missing: !ok})
				if !ok {
					notes[i].Target = Target{}
				}
			}
			n := &notes[i]
			backref := fmt.Sprintf("fnref-%d-%d", n.N, len(n.Backrefs)+1)
			n.Backrefs = append(n.Backrefs, backref)
			markers = append(markers, fmt.Sprintf(`<sup class="cite"><a href="#fn-%d" id="%s" aria-label="note %d">%d</a></sup>`, n.N, backref, n.N, n.N))
			fmt.Fprintf(&out, "INQCITE%dX", len(markers)-1)
		}
		return out.String()
	})
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(src), &buf); err != nil {
		return "", nil, fmt.Errorf("render chapter Markdown: %w", err)
	}
	clean := sanitizer.SanitizeBytes(buf.Bytes())
	// Markers go in after sanitising: they are built here from numbers only,
	// and the policy would strip the ids they need.
	out := tokenRe.ReplaceAllFunc(clean, func(tok []byte) []byte {
		i, err := strconv.Atoi(string(tok[len("INQCITE") : len(tok)-1]))
		if err != nil || i >= len(markers) {
			return []byte(html.EscapeString(string(tok)))
		}
		return []byte(markers[i])
	})
	return template.HTML(out), notes, nil
}
