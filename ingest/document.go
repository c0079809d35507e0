package ingest

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// Document is one document as read, before it is stored: the original bytes
// exactly as received, the plain text extracted from them, and what is known
// about them.
type Document struct {
	// Locator is what versions of the document share: the URL it was fetched
	// from or its meta file gives, or "file:" and the file's path relative
	// to the argument it was found under (see Reader.ReadIn).
	Locator string
	// Name is how messages refer to the document: the path or URL as given.
	Name        string
	Original    []byte
	ContentType string // "text/plain; charset=utf-8", "text/html", "application/pdf"
	Text        string
	Meta        Meta
	// Headers holds the HTTP status line and response headers of a fetched
	// document, one per line; "" for a file.
	Headers     string
	RetrievedAt time.Time
	FileName    string // base name of a file; "" for a URL
}

// Meta is what is known about a document besides its bytes: from a
// NAME.meta.json beside the file, or else from the document itself.
type Meta struct {
	Title     string
	URL       string
	Published inquest.Date
	Language  string
	Kind      inquest.SourceKind
	Publisher string
	Note      string
}

// Source returns the source to store for the document in a case. The store
// fills ID, Version, PreviousID and CreatedAt.
func (d *Document) Source(caseID int64) *inquest.Source {
	title := d.Meta.Title
	if title == "" {
		title = d.FileName
	}
	if title == "" {
		title = d.Locator
	}
	return &inquest.Source{
		CaseID:      caseID,
		Locator:     d.Locator,
		URL:         d.Meta.URL,
		FileName:    d.FileName,
		Title:       title,
		Publisher:   d.Meta.Publisher,
		Kind:        d.Meta.Kind,
		Language:    d.Meta.Language,
		Published:   d.Meta.Published,
		RetrievedAt: d.RetrievedAt.UTC(),
		SHA256:      inquest.SHA256Hex(d.Original),
		Size:        int64(len(d.Original)),
		ContentType: d.ContentType,
		Headers:     d.Headers,
		Text:        d.Text,
		TextSHA256:  inquest.SHA256Hex([]byte(d.Text)),
	}
}

// sourceKinds maps the kinds people write in meta files to the domain's kinds.
// A kind not listed is kept as written: it says something the analyst meant.
var sourceKinds = map[string]inquest.SourceKind{
	"transcript":         inquest.KindTranscript,
	"official":           inquest.KindOfficial,
	"official statement": inquest.KindOfficial,
	"statement":          inquest.KindOfficial,
	"news":               inquest.KindNews,
	"article":            inquest.KindNews,
	"ngo":                inquest.KindNGO,
	"ngo report":         inquest.KindNGO,
	"report":             inquest.KindNGO,
	"court":              inquest.KindCourt,
	"court record":       inquest.KindCourt,
	"social":             inquest.KindSocial,
	"social post":        inquest.KindSocial,
	"other":              inquest.KindOther,
}

func sourceKind(s string) inquest.SourceKind {
	s = strings.ToLower(strings.TrimSpace(s))
	if k, ok := sourceKinds[s]; ok {
		return k
	}
	return inquest.SourceKind(s)
}

// fileLocator returns the locator of the file at path, found under the
// command-line argument arg: the url its meta file gives, or else "file:"
// and its path relative to arg (its base name when arg is the file itself,
// or when path is not under arg). Forward slashes on every system, so that
// a record moved between systems keeps its versions together.
func fileLocator(path, arg string, meta Meta) string {
	if meta.URL != "" {
		return meta.URL
	}
	rel := filepath.Base(path)
	if arg != path {
		if r, err := filepath.Rel(arg, path); err == nil && r != "." && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			rel = r
		}
	}
	return "file:" + filepath.ToSlash(rel)
}
