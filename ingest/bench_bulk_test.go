package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkIngestBulk ingests a directory of 10,000 generated news-sized
// documents (about 3 KB each, built from paragraphs of the corpus texts in
// a different order for each, so that extraction finds quotations, figures
// and questions as in real news) into a new SQLite file, as `inquest ingest
// DIR` does: read, extract, store. It is issue 8's target: under a minute.
// Set INQUEST_BULK_DOCS to try another size. One iteration is the whole
// directory:
//
//	go test -run XXX -bench IngestBulk -benchtime 1x ./ingest/
//
// Besides documents per second of wall-clock time it reports the process's
// CPU time per document, which a loaded machine disturbs less.
func BenchmarkIngestBulk(b *testing.B) {
	n := 10000
	if s := os.Getenv("INQUEST_BULK_DOCS"); s != "" {
		fmt.Sscan(s, &n)
	}
	corpus := corpusDir(b)
	dir := generateNews(b, corpus, n)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := storetest.Open(b)
		c := storetest.NewCase(b, db, "january")
		loadCorpusActors(b, db, corpus, c.ID)
		p, err := NewPipeline(ctx, db, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		r := NewReader(DefaultOptions())
		cpu0, wall0 := cpuTime(), time.Now()
		b.StartTimer()
		stored := 0
		err = r.Walk(ctx, []string{dir}, func(item string, doc *Document, err error) error {
			if err != nil {
				return err
			}
			if _, created, err := p.Ingest(ctx, doc); err != nil || !created {
				return fmt.Errorf("ingest %s: created %v, %v", item, created, err)
			}
			stored++
			return nil
		})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		cpu, wall := cpuTime()-cpu0, time.Since(wall0)
		b.ReportMetric(float64(stored)/wall.Seconds(), "docs/s")
		b.ReportMetric(cpu.Seconds()*1000/float64(stored), "cpu-ms/doc")
		b.ReportMetric(float64(stored)/cpu.Seconds(), "docs/cpu-s")
		b.StartTimer()
	}
}

// generateNews writes n distinct documents of about 3 KB to a new directory.
func generateNews(b *testing.B, corpus string, n int) string {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	var paras []string
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(t), "\n\n") {
			if p = strings.TrimSpace(p); len(p) > 80 {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) == 0 {
		b.Fatalf("no paragraphs in %s", corpus)
	}
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(8, 10000))
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report %d on the January events\n\n", i)
		for sb.Len() < 3000 {
			sb.WriteString(paras[rng.IntN(len(paras))])
			sb.WriteString("\n\n")
		}
		fmt.Fprintf(&sb, "(Report %d.)\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// cpuTime is the user and system CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
