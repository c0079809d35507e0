package publish

import (
	"bufio"
	"bytes"
	"mime"
	"net/http"
	"os"
	"path/filepath"
)

// exportWriter is the ResponseWriter the export hands the handler for one
// path. Only pages and feeds have links to rewrite, and they are small, so
// they are kept whole; anything else (the open-data downloads, tens or
// hundreds of megabytes at a million statements, originals, styles) goes
// straight to a temporary file next to its place, renamed into it once the
// handler has answered 200 in full, so that a download that fails midway
// leaves no file that could pass for the whole.
//
// Which of the two a response is, is decided when its header is written,
// by its Content-Type: the path alone cannot tell a page from an archived
// web page (see hasExt). It follows httptest.ResponseRecorder, which the
// export used before, in what the handler can observe: the status defaults
// to 200, and a body written without a Content-Type has one sniffed from
// its first write.
type exportWriter struct {
	path string // the site path requested
	dir  string // the export's root directory

	header  http.Header
	code    int  // the status written, 0 until then
	rewrite bool // a page or a feed: kept in buf for rewriteLinks
	isHTML  bool // a page of the site, written as path/index.html

	buf bytes.Buffer  // the body of a page or feed
	tmp *os.File      // the temporary file of anything else
	bw  *bufio.Writer // in front of tmp
	n   int64         // bytes written to tmp
	err error         // the first error writing the body; later writes fail with it
}

func newExportWriter(dir, path string) *exportWriter {
	return &exportWriter{path: path, dir: dir, header: http.Header{}}
}

func (w *exportWriter) Header() http.Header { return w.header }

// WriteHeader decides where the body goes: nowhere for a status other than
// 200 (the path is reported, not written), a buffer for a page or feed, a
// temporary file for anything else.
func (w *exportWriter) WriteHeader(code int) {
	if w.code != 0 {
		return
	}
	w.code = code
	if code != http.StatusOK {
		return
	}
	ct, _, _ := mime.ParseMediaType(w.header.Get("Content-Type"))
	w.isHTML = ct == "text/html" && !hasExt(w.path) // an archived web page is a file, never a page of the site
	w.rewrite = w.isHTML || ct == "application/atom+xml"
	if w.rewrite {
		return
	}
	full := w.file()
	if err := mkdir(filepath.Dir(full)); err != nil {
		w.err = err
		return
	}
	f, err := os.CreateTemp(filepath.Dir(full), "."+filepath.Base(full)+".*.tmp")
	if err != nil {
		w.err = err
		return
	}
	w.tmp, w.bw = f, bufio.NewWriterSize(f, 64<<10)
}

// Write sends p to the buffer or the temporary file; the body of a status
// other than 200 is dropped.
func (w *exportWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		if _, ok := w.header["Content-Type"]; !ok && w.header.Get("Transfer-Encoding") == "" {
			w.header.Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	switch {
	case w.err != nil:
		return 0, w.err
	case w.code != http.StatusOK:
		return len(p), nil
	case w.rewrite:
		return w.buf.Write(p)
	}
	n, err := w.bw.Write(p)
	w.n += int64(n)
	if err != nil {
		w.err = err
	}
	return n, err
}

// Flush is there for handlers that flush as they stream; the export has no
// reader waiting, so it only writes the header, as the recorder did.
func (w *exportWriter) Flush() {
	if w.code == 0 {
		w.WriteHeader(http.StatusOK)
	}
}

// file is where the response is written, under the export's directory.
func (w *exportWriter) file() string {
	return filepath.Join(w.dir, filepath.FromSlash(fileFor(w.path, w.isHTML)))
}

// finish is called once the handler has returned: a streamed body that
// was answered 200 and written in full is renamed into place. A status
// other than 200, or a body that could not be written, leaves no file.
func (w *exportWriter) finish() error {
	if w.code == 0 {
		w.WriteHeader(http.StatusOK) // a handler that wrote nothing answered an empty 200
	}
	if w.tmp == nil {
		return w.err
	}
	err := w.err
	if err == nil {
		err = w.bw.Flush()
	}
	if cerr := w.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.tmp.Name(), w.file())
	}
	if err != nil {
		_ = os.Remove(w.tmp.Name())
	}
	w.tmp = nil
	return err
}

// discard removes the temporary file of a response whose handler failed
// midway: what it wrote is not the whole answer.
func (w *exportWriter) discard() {
	if w.tmp == nil {
		return
	}
	_ = w.tmp.Close()
	_ = os.Remove(w.tmp.Name())
	w.tmp = nil
}
