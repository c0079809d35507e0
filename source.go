package inquest

import (
	"context"
	"time"
)

// SourceKind says what kind of document a source is.
type SourceKind string

// Source kinds.
const (
	KindTranscript SourceKind = "transcript"
	KindOfficial   SourceKind = "official statement"
	KindNews       SourceKind = "news"
	KindNGO        SourceKind = "ngo report"
	KindCourt      SourceKind = "court record"
	KindSocial     SourceKind = "social post"
	KindOther      SourceKind = "other"
)

// Source is one document as received. It is never edited: a corrected or
// re-fetched copy with different bytes is a new Source whose PreviousID points
// at the version before it, and whose Version is one higher.
type Source struct {
	ID          int64      `json:"id"`
	CaseID      int64      `json:"case_id"`
	Version     int        `json:"version"`
	PreviousID  int64      `json:"previous_id,omitempty"` // 0 for the first version
	Locator     string     `json:"locator"`               // URL or file name: what versions share
	URL         string     `json:"url,omitempty"`
	FileName    string     `json:"file_name,omitempty"`
	Title       string     `json:"title"`
	Publisher   string     `json:"publisher,omitempty"`
	Kind        SourceKind `json:"kind,omitempty"`
	Language    string     `json:"language,omitempty"`
	Published   Date       `json:"published,omitempty"`
	RetrievedAt time.Time  `json:"retrieved_at"`
	SHA256      string     `json:"sha256"` // of the original bytes, hex
	Size        int64      `json:"size"`
	ContentType string     `json:"content_type,omitempty"`
	Headers     string     `json:"headers,omitempty"` // HTTP response headers when fetched
	Text        string     `json:"text,omitempty"`    // extracted plain text
	TextSHA256  string     `json:"text_sha256"`
	Private     bool       `json:"private"`
	CreatedAt   time.Time  `json:"created_at"`
}

// Validate checks the fields that must be set before a source is stored.
func (s *Source) Validate() error {
	if s.CaseID == 0 {
		return Errorf(EINVALID, "source %q has no case", s.Locator)
	}
	if s.Locator == "" {
		return Errorf(EINVALID, "source has no URL or file name")
	}
	if len(s.SHA256) != 64 || len(s.TextSHA256) != 64 {
		return Errorf(EINVALID, "source %q has no content hash", s.Locator)
	}
	return s.Published.Validate()
}

// SourceFilter selects sources. Zero fields select everything.
type SourceFilter struct {
	CaseID      int64
	Locator     string
	LatestOnly  bool // only the newest version of each locator
	PublicOnly  bool
	Limit       int
	Offset      int
	WithoutText bool // leave Text empty, for listings
}

// Mismatch is one archived item whose bytes no longer match its recorded hash.
type Mismatch struct {
	SourceID int64  `json:"source_id"`
	What     string `json:"what"` // "original" or "text"
	Want     string `json:"want"`
	Got      string `json:"got"`
}

// SourceService keeps sources and their original bytes (the evidence archive).
type SourceService interface {
	// AddSource archives original (content-addressed by SHA-256) and inserts s,
	// filling ID, Version, PreviousID, SHA256, Size and CreatedAt. If the case
	// already holds a source with the same bytes, that source is returned with
	// created=false and nothing is written. If it holds an earlier version of the
	// same Locator with other bytes, s becomes the next version. The archive
	// write and the insert happen in one transaction.
	AddSource(ctx context.Context, s *Source, original []byte) (stored *Source, created bool, err error)
	// Source returns one source with its text. ENOTFOUND.
	Source(ctx context.Context, id int64) (*Source, error)
	// Sources lists sources ordered by id.
	Sources(ctx context.Context, f SourceFilter) ([]*Source, error)
	// Versions returns every version of the source's locator, oldest first.
	Versions(ctx context.Context, id int64) ([]*Source, error)
	// Original returns the archived original bytes of a source. ENOTFOUND.
	Original(ctx context.Context, sourceID int64) ([]byte, error)
	// VerifyArchive re-hashes every archived blob and text and returns each mismatch.
	VerifyArchive(ctx context.Context) ([]Mismatch, error)
}
