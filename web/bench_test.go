package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store/storetest"
	"github.com/inquest-project/inquest/web"
)

// BenchmarkPages serves the demo's pages from a SQLite workspace, in process,
// so that changes to the page builders and templates show in ns/op:
//
//	go test ./web -run '^$' -bench Pages -benchmem
func BenchmarkPages(b *testing.B) {
	db := storetest.Open(b)
	res, err := demo.Load(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		opts web.Options
	}{{"public", web.Options{}}, {"workspace", web.Options{Workspace: true}}} {
		h := web.NewServer(db, mode.opts).Handler()
		for _, p := range []struct{ name, path string }{
			{"case", "/cases/" + res.Case.Slug},
			{"source", "/sources/4"},
			{"original", "/sources/4/original"},
		} {
			b.Run(mode.name+"/"+p.name, func(b *testing.B) {
				req := httptest.NewRequest(http.MethodGet, p.path, nil)
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s = %d", p.path, rec.Code)
					}
				}
			})
		}
	}
}
