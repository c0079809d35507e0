package web

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func sourceWith(id int64, fileName, url, contentType string) *inquest.Source {
	return &inquest.Source{ID: id, FileName: fileName, URL: url, ContentType: contentType}
}

// demoStore is a new SQLite store holding the demo, and the demo's case.
func demoStore(t *testing.T) (*store.DB, *inquest.Case) {
	t.Helper()
	db := storetest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return db, mustCase(t, db)
}
