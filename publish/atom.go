package publish

import (
	"encoding/xml"
	"io"
	"time"
)

// Feed is an Atom feed (RFC 4287). IDs are tag: URIs so that they stay the
// same wherever the site is hosted; links may be relative to the feed.
type Feed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  *AtomPerson `xml:"author,omitempty"`
	Links   []AtomLink  `xml:"link"`
	Entries []Entry     `xml:"entry"`
}

// AtomPerson is an author.
type AtomPerson struct {
	Name string `xml:"name"`
}

// AtomLink is a link of a feed or an entry.
type AtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

// AtomText is a text construct; Type "html" carries escaped HTML.
type AtomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

// Entry is one item of a feed.
type Entry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []AtomLink `xml:"link"`
	Summary   *AtomText  `xml:"summary,omitempty"`
	Content   *AtomText  `xml:"content,omitempty"`
}

// AtomTime formats t as Atom wants it.
func AtomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteAtom writes f. A feed must have an updated time: the newest entry's,
// else fallback.
func WriteAtom(w io.Writer, f *Feed, fallback time.Time) error {
	if f.Updated == "" {
		for _, e := range f.Entries {
			if e.Updated > f.Updated { // RFC 3339 in UTC sorts as text
				f.Updated = e.Updated
			}
		}
		if f.Updated == "" {
			f.Updated = AtomTime(fallback)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
