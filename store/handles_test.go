package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest/store"
)

// serverAndCLI opens two handles on the database at dsn: one a server
// reads through, and one the changes come from, as from the command line
// or another instance. Both close when the test ends.
func serverAndCLI(t *testing.T, dsn string) (server, cli *store.DB) {
	t.Helper()
	for _, db := range []**store.DB{&server, &cli} {
		h, err := store.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		*db = h
	}
	return server, cli
}
