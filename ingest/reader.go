package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/inquest-project/inquest"
	"golang.org/x/text/encoding/htmlindex"
)

// Reader reads documents from files, directories and URLs within its limits.
// It is safe for concurrent use.
type Reader struct {
	opt    Options
	client *http.Client
}

// NewReader returns a Reader with the options, zero fields set to defaults.
func NewReader(opt Options) *Reader {
	opt = opt.withDefaults()
	return &Reader{opt: opt, client: newClient(opt)}
}

// Expand lists the documents an argument names: a URL as itself, a file as
// itself, a directory as its regular files in name order, leaving out hidden
// files, subdirectories and the *.meta.json and *.gold.json files that
// describe other files.
func (r *Reader) Expand(arg string) ([]string, error) {
	if looksLikeURL(arg) {
		if !isHTTPURL(arg) {
			return nil, inquest.Errorf(inquest.EINVALID, "%s is not an http(s) URL; only http and https are fetched", arg)
		}
		return []string{arg}, nil
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return nil, fileError(arg, err)
	}
	if !fi.IsDir() {
		return []string{arg}, nil
	}
	entries, err := os.ReadDir(arg)
	if err != nil {
		return nil, fileError(arg, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".meta.json") || strings.HasSuffix(name, ".gold.json") {
			continue
		}
		p := filepath.Join(arg, name)
		fi, err := os.Stat(p) // follows links: a link to a file is a file
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// Read reads one document: a file or an http(s) URL. A directory is an
// error; Expand lists its files. A file read this way is located by its
// base name: see ReadIn.
func (r *Reader) Read(ctx context.Context, item string) (*Document, error) {
	return r.ReadIn(ctx, item, item)
}

// ReadIn reads item, one of the documents that Expand(arg) listed. The
// locator of a file (what its versions share, and what pages may show) is
// the url of its meta file when that gives one, and otherwise "file:" and
// its path relative to arg: for a directory argument, relative to that
// directory; for a file argument, its base name. It is never the absolute
// path, which would show the analyst's directories.
func (r *Reader) ReadIn(ctx context.Context, arg, item string) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if looksLikeURL(item) {
		return r.fetch(ctx, item)
	}
	return r.readFile(item, arg)
}

// Walk expands each argument and reads every document it names, calling fn
// with the item and either its document or the error that kept it from
// being read, so that one unreadable file does not stop the rest. fn's error
// stops the walk and is returned, as is the context's.
func (r *Reader) Walk(ctx context.Context, args []string, fn func(item string, doc *Document, err error) error) error {
	for _, arg := range args {
		items, err := r.Expand(arg)
		if err != nil {
			if err := fn(arg, nil, err); err != nil {
				return err
			}
			continue
		}
		for _, item := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := r.ReadIn(ctx, arg, item)
			if err := fn(item, doc, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// readFile reads a file and the NAME.meta.json beside it, if any; arg is
// the argument it was found under, for its locator.
func (r *Reader) readFile(path, arg string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileError(path, err)
	}
	if fi.IsDir() {
		return nil, inquest.Errorf(inquest.EINVALID, "%s is a directory; give it to ingest as a whole to read its files", path)
	}
	if !fi.Mode().IsRegular() {
		return nil, inquest.Errorf(inquest.EINVALID, "%s is not a regular file", path)
	}
	if fi.Size() > r.opt.MaxSize {
		return nil, tooLarge(path, fi.Size(), r.opt.MaxSize)
	}
	// The file may grow between Stat and reading; the limit holds regardless.
	b, err := io.ReadAll(io.LimitReader(f, r.opt.MaxSize+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if int64(len(b)) > r.opt.MaxSize {
		return nil, tooLarge(path, int64(len(b)), r.opt.MaxSize)
	}
	meta, err := readMetaFor(path)
	if err != nil {
		return nil, err
	}
	doc := &Document{
		Locator:     fileLocator(path, arg, meta),
		Name:        path,
		Original:    b,
		RetrievedAt: r.opt.Now().UTC(),
		FileName:    filepath.Base(path),
		Meta:        meta,
	}
	var pageURL *url.URL
	if meta.URL != "" {
		pageURL, _ = url.Parse(meta.URL)
	}
	if err := r.extractText(doc, typeByExtension(path), pageURL); err != nil {
		return nil, err
	}
	return doc, nil
}

// readMetaFor reads NAME.meta.json for NAME.ext (the corpus convention), or
// NAME.ext.meta.json; a document without either has an empty Meta.
func readMetaFor(path string) (Meta, error) {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	for _, p := range []string{stem + ".meta.json", path + ".meta.json"} {
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return Meta{}, fileError(p, err)
		}
		return ParseMeta(p, b)
	}
	return Meta{}, nil
}

// typeByExtension returns the media type a file's extension declares, or ""
// when only the bytes can tell.
func typeByExtension(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return "application/pdf"
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".txt", ".text", ".md":
		return "text/plain"
	}
	return ""
}

// extractText fills doc.Text, the content type and the metadata the
// document itself tells, by the declared type (from the Content-Type header
// or the file extension) or else by sniffing the bytes. Metadata already in
// doc.Meta (from a meta file) wins over what the document says.
func (r *Reader) extractText(doc *Document, declared string, pageURL *url.URL) error {
	b := doc.Original
	mt := mediaType(declared)
	var found Meta
	switch {
	case mt == "application/pdf" || bytes.HasPrefix(b, []byte("%PDF-")):
		res, err := ReadPDF(doc.Name, b)
		if err != nil {
			return err
		}
		doc.Text, doc.ContentType = res.Text, "application/pdf"
		found.Title = res.Title
	case mt == "text/html" || mt == "application/xhtml+xml" || mt == "" && isHTML(b):
		res, err := ReadHTML(doc.Name, b, declared, pageURL)
		if err != nil {
			return err
		}
		doc.Text = res.Text
		if doc.ContentType == "" {
			doc.ContentType = "text/html"
		}
		found = Meta{Title: res.Title, Language: res.Language, Publisher: res.Publisher, Published: res.Published}
	case mt == "" || strings.HasPrefix(mt, "text/") || mt == "application/octet-stream":
		text, cs, err := decodeDeclared(doc.Name, b, declared)
		if err != nil {
			return err
		}
		doc.Text = text
		if doc.ContentType == "" || mt == "application/octet-stream" {
			doc.ContentType = "text/plain; charset=" + cs
		}
	default:
		return inquest.Errorf(inquest.EINVALID, "%s is %s; Inquest reads plain text, HTML and PDF", doc.Name, mt)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return inquest.Errorf(inquest.EINVALID, "%s has no text", doc.Name)
	}
	if found.Title == "" {
		found.Title = firstLineTitle(doc.Text)
	}
	if !knownLanguage(found.Language) {
		found.Language = DetectLanguage(doc.Text)
	}
	doc.Meta = doc.Meta.merge(found)
	return nil
}

// decodeDeclared decodes plain text in the charset its Content-Type names,
// when it names one other than UTF-8, and otherwise as DecodeText does.
func decodeDeclared(name string, b []byte, declared string) (string, string, error) {
	_, params, _ := mime.ParseMediaType(declared)
	cs := strings.ToLower(params["charset"])
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" {
		return DecodeText(name, b)
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		return DecodeText(name, b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", inquest.Errorf(inquest.EINVALID, "%s is not valid %s, as its Content-Type says: %v", name, cs, err)
	}
	return checkText(name, string(out), cs)
}

// knownLanguage reports whether the engine has rules for lang. A page that
// declares no language, or another one, gets the language its script shows.
func knownLanguage(lang string) bool { return lang == "en" || lang == "ru" || lang == "kk" }

// fileError names the file and says what went wrong in words a user acts on.
func fileError(path string, err error) error {
	switch {
	case os.IsNotExist(err):
		return inquest.Errorf(inquest.ENOTFOUND, "%s does not exist", path)
	case os.IsPermission(err):
		return inquest.Errorf(inquest.EFORBIDDEN, "%s cannot be read: permission denied", path)
	}
	return fmt.Errorf("read %s: %w", path, err)
}
