package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestRejectionLeavesThePublicSiteAtOnce: the public site caches its pages,
// but a statement an analyst rejects must not be served from that cache
// afterwards, not even for the cache's few seconds.
func TestRejectionLeavesThePublicSiteAtOnce(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	c, err := db.CaseBySlug(ctx, "january-events")
	if err != nil {
		t.Fatal(err)
	}
	confirmed, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
	if err != nil || len(confirmed) == 0 {
		t.Fatalf("demo has no confirmed statement (%v)", err)
	}
	st := confirmed[0]
	page := fmt.Sprintf("/sources/%d", st.SourceID)
	mark := fmt.Sprintf(`id="ts-%d"`, st.ID)

	u := addUser(t, db, "aigerim", inquest.RoleAnalyst)
	token, _, err := db.CreateToken(ctx, u.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	h := NewServer(db, Options{}).Handler()
	get := func() string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", page, nil))
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", page, rec.Code)
		}
		return rec.Body.String()
	}
	if !strings.Contains(get(), mark) {
		t.Fatalf("public page %s does not mark confirmed statement %d (%s) before the change", page, st.ID, mark)
	}
	if code, _, body := apiCall(t, h, token, "POST", fmt.Sprintf("/api/v1/statements/%d/review", st.ID), `{"review": "rejected"}`); code != 200 {
		t.Fatalf("reject = %d %s", code, body)
	}
	if strings.Contains(get(), mark) {
		t.Errorf("public page %s still marks statement %d right after it was rejected", page, st.ID)
	}
}
