package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// A statement rejected by another process — the command line, or another
// instance on the same PostgreSQL — leaves this server's public pages as
// soon as the public-change count is next read, not when the cache ages.
func TestWithdrawalElsewhereLeavesThePublicSite(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		serverDB, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer serverDB.Close()
		if _, err := demo.Load(ctx, serverDB); err != nil {
			t.Fatal(err)
		}
		other, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		c, err := serverDB.CaseBySlug(ctx, "january-events")
		if err != nil {
			t.Fatal(err)
		}
		confirmed, err := serverDB.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
		if err != nil || len(confirmed) == 0 {
			t.Fatalf("demo has no confirmed statement (%v)", err)
		}
		st := confirmed[0]
		h := NewServer(serverDB, Options{}).Handler()
		pages := []string{fmt.Sprintf("/sources/%d", st.SourceID), "/cases/january-events/data/statements.json"}
		marks := []string{fmt.Sprintf(`id="ts-%d"`, st.ID), fmt.Sprintf(`"id": %d,`, st.ID)}
		get := func(page string) string {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", page, nil))
			if rec.Code != 200 {
				t.Fatalf("GET %s = %d", page, rec.Code)
			}
			return rec.Body.String()
		}
		for i, page := range pages {
			if body := get(page); !strings.Contains(body, marks[i]) {
				t.Fatalf("%s does not show confirmed statement %d (%s) before the change:\n%.600s", page, st.ID, marks[i], body)
			}
		}
		if err := other.SetStatementReview(ctx, st.ID, inquest.Rejected, "another instance"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(publicEpochEvery + 50*time.Millisecond)
		for i, page := range pages {
			if strings.Contains(get(page), marks[i]) {
				t.Errorf("%s still shows statement %d after another process rejected it", page, st.ID)
			}
		}
	})
}
