package ingest

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// maxMetaSize bounds a meta.json file: it holds a handful of short strings.
const maxMetaSize = 1 << 20

// metaFile is the format of corpus/dev/*.meta.json. Every field may be
// missing or null.
type metaFile struct {
	URL       *string `json:"url"`
	Title     *string `json:"title"`
	Published *string `json:"published"`
	Language  *string `json:"language"`
	Kind      *string `json:"kind"`
	Publisher *string `json:"publisher"`
	Note      *string `json:"note"`
}

// ParseMeta decodes a NAME.meta.json file. name is used in error messages.
// Unknown fields are ignored, so that a meta file may carry notes of its own;
// a field of the wrong type, a published date that is not YYYY-MM-DD, or a
// URL that is not http(s) is an error naming the file.
func ParseMeta(name string, b []byte) (Meta, error) {
	if len(b) > maxMetaSize {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s is larger than %d bytes", name, maxMetaSize)
	}
	if !utf8.Valid(b) {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s is not UTF-8", name)
	}
	var f metaFile
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s is not a JSON object of url, title, published, language, kind: %v", name, err)
	}
	if dec.More() {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s: unexpected data after the JSON object", name)
	}
	m := Meta{
		URL:       strings.TrimSpace(deref(f.URL)),
		Title:     cutTitle(deref(f.Title), maxGivenTitleRunes),
		Language:  strings.ToLower(strings.TrimSpace(deref(f.Language))),
		Publisher: strings.TrimSpace(deref(f.Publisher)),
		Note:      deref(f.Note),
	}
	if k := deref(f.Kind); k != "" {
		m.Kind = sourceKind(k)
	}
	d, err := inquest.ParseDate(strings.TrimSpace(deref(f.Published)))
	if err != nil {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s: published %q is not YYYY-MM-DD or null", name, deref(f.Published))
	}
	m.Published = d
	if m.URL != "" && !isHTTPURL(m.URL) {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s: url %q is not an http(s) URL", name, m.URL)
	}
	if m.Language != "" && !validLanguage(m.Language) {
		return Meta{}, inquest.Errorf(inquest.EINVALID, "meta file %s: language %q is not a language code such as en, ru or kk", name, m.Language)
	}
	return m, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// validLanguage accepts BCP 47-like codes: "en", "ru", "kk", "en-GB".
func validLanguage(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// merge fills the fields of m that are empty from other.
func (m Meta) merge(other Meta) Meta {
	if m.Title == "" {
		m.Title = other.Title
	}
	if m.URL == "" {
		m.URL = other.URL
	}
	if m.Published == "" {
		m.Published = other.Published
	}
	if m.Language == "" {
		m.Language = other.Language
	}
	if m.Kind == "" {
		m.Kind = other.Kind
	}
	if m.Publisher == "" {
		m.Publisher = other.Publisher
	}
	if m.Note == "" {
		m.Note = other.Note
	}
	return m
}
