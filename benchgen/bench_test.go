package benchgen_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// BenchmarkGenerate measures the generator: statements (with their sources,
// stances, figures and questions) stored per second, on each backend.
//
//	INQUEST_TEST_POSTGRES=postgres://... go test -run '^$' -bench Generate -benchtime 1x ./benchgen/
func BenchmarkGenerate(b *testing.B) {
	for _, backend := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.Open}, {"postgres", storetest.OpenPostgres}} {
		b.Run(backend.name, func(b *testing.B) {
			db := backend.open(b)
			n := 0
			for i := 0; b.Loop(); i++ {
				res, err := benchgen.Generate(context.Background(), db, benchgen.Options{Statements: 20000, Case: fmt.Sprint("gen-", i), Seed: uint64(i)})
				if err != nil {
					b.Fatal(err)
				}
				n += res.Statements
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}
