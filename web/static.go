package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/inquest-project/inquest"
)

//go:embed static
var staticFS embed.FS

// staticFiles are the embedded assets, each served under a name that carries
// a prefix of its content hash (style.3f2a9c1b.css), so a browser may cache it
// for ever and still sees a new version at once.
type staticFiles struct {
	byHashed map[string][]byte // "style.3f2a9c1b.css" -> bytes
	urls     map[string]string // "style.css" -> "/static/style.3f2a9c1b.css"
}

func loadStatic() *staticFiles {
	sf := &staticFiles{byHashed: map[string][]byte{}, urls: map[string]string{}}
	entries, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		panic("web: embedded static files: " + err.Error())
	}
	for _, e := range entries {
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			panic("web: embedded static files: " + err.Error())
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(e.Name())
		hashed := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:4]) + ext
		sf.byHashed[hashed] = b
		sf.urls[e.Name()] = "/static/" + hashed
	}
	return sf
}

// URL returns the hashed URL of an asset, for templates.
func (sf *staticFiles) URL(name string) string { return sf.urls[name] }

func (s *Server) staticFile(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	b, ok := s.static.byHashed[name]
	if !ok {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no file %s.", name)
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	_, err := w.Write(b)
	return err
}

// StyleSheet is the public site's stylesheet, for tools that build pages of
// the same weight elsewhere (inquest bench hugo) without a copy of it.
func StyleSheet() []byte {
	b, err := staticFS.ReadFile("static/style.css")
	if err != nil {
		panic(fmt.Sprintf("web: embedded style.css: %v", err))
	}
	return b
}
