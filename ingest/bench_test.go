package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkIngest measures ingest end to end into SQLite (and PostgreSQL
// when INQUEST_TEST_POSTGRES is set): reading a corpus
// file (with its meta file), storing it as a new source with its bytes
// archived, running the extraction engine with the corpus's people and
// claims, and storing the suggestions. Each iteration ingests one document
// whose bytes are new, so that nothing is skipped as unchanged. It reports
// documents per second.
//
//	go test -run XXX -bench Ingest ./ingest/
//
// The "sources-only" run stores the sources without running the engine, to
// show what extraction and storing its suggestions cost.
func BenchmarkIngest(b *testing.B) {
	corpus := corpusDir(b)
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus texts in %s", corpus)
	}
	b.Run("sqlite/with-extraction", func(b *testing.B) { benchmarkIngest(b, storetest.Open(b), corpus, files, true) })
	b.Run("sqlite/sources-only", func(b *testing.B) { benchmarkIngest(b, storetest.Open(b), corpus, files, false) })
	b.Run("postgres/with-extraction", func(b *testing.B) { benchmarkIngest(b, storetest.OpenPostgres(b), corpus, files, true) })
	b.Run("postgres/sources-only", func(b *testing.B) { benchmarkIngest(b, storetest.OpenPostgres(b), corpus, files, false) })
}

func benchmarkIngest(b *testing.B, db inquest.Store, corpus string, files []string, extraction bool) {
	ctx := context.Background()
	c := storetest.NewCase(b, db, "january")
	loadCorpusActors(b, db, corpus, c.ID)
	p, err := NewPipeline(ctx, db, c.ID)
	if err != nil {
		b.Fatal(err)
	}
	if !extraction {
		p.engine = nil
	}
	r := NewReader(DefaultOptions())
	var size int64
	b.ResetTimer()
	cpu0 := cpuTime()
	var took []time.Duration // per document, for the median: a loaded machine (or server) adds long stalls to the mean
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		doc, err := r.Read(ctx, files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		// Make the bytes and the locator new, as a distinct document is.
		suffix := fmt.Sprintf("\n\n[copy %d]", i)
		doc.Original = append(doc.Original, suffix...)
		doc.Text += suffix
		doc.Locator = fmt.Sprintf("%s#%d", doc.Locator, i)
		if _, created, err := p.Ingest(ctx, doc); err != nil || !created {
			b.Fatalf("ingest %s: created %v, %v", doc.Name, created, err)
		}
		size += int64(len(doc.Original))
		took = append(took, time.Since(t0))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms/doc")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/doc")
	b.SetBytes(size / int64(b.N))
}

// BenchmarkRead measures reading alone: a corpus text file with its meta
// file, and the HTML fixture through readability.
func BenchmarkRead(b *testing.B) {
	corpus := corpusDir(b)
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	items := map[string]string{"text": files[0], "html": filepath.Join("testdata", "article.html")}
	for name, item := range items {
		b.Run(name, func(b *testing.B) {
			r := NewReader(DefaultOptions())
			for b.Loop() {
				if _, err := r.Read(context.Background(), item); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
