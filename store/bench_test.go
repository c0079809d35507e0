package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkAddSource measures how many news-sized documents (a 40 KB web
// page with 6 KB of extracted text, each one different) AddSource archives
// and stores per second, audit entry included.
//
//	INQUEST_TEST_POSTGRES=postgres://... go test -run '^$' -bench AddSource ./store/
func BenchmarkAddSource(b *testing.B) {
	page := strings.Repeat("<p>The Prosecutor General told the Majilis that foreign fighters were not there.</p>\n", 480)
	text := strings.Repeat("The Prosecutor General told the Majilis that foreign fighters were not there. ", 80)
	for _, backend := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.Open}, {"postgres", storetest.OpenPostgres}} {
		b.Run(backend.name, func(b *testing.B) {
			db := backend.open(b)
			c := storetest.NewCase(b, db, "bench")
			ctx := context.Background()
			b.SetBytes(int64(len(page)))
			b.ResetTimer()
			for i := range b.N {
				s := &inquest.Source{CaseID: c.ID, Locator: fmt.Sprintf("https://news.example.org/%d", i),
					Title: "News", Kind: inquest.KindNews, Text: text}
				if _, _, err := db.AddSource(ctx, s, []byte(fmt.Sprint(i, page))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
