package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := inquest.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.RawQueryRow(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCases(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, slug := range []string{"january-events", "aktau-strike", "zhanaozen"} {
			storetest.NewCase(t, db, slug)
		}
		cases, err := db.Cases(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cases {
			got = append(got, c.Slug)
		}
		if want := []string{"aktau-strike", "january-events", "zhanaozen"}; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Cases = %v, want %v", got, want)
		}

		err = db.CreateCase(ctx, &inquest.Case{Slug: "zhanaozen", Title: "Again"})
		wantCode(t, err, inquest.ECONFLICT)
		wantCode(t, db.CreateCase(ctx, &inquest.Case{Slug: "Bad Slug", Title: "x"}), inquest.EINVALID)

		c, err := db.CaseBySlug(ctx, "january-events")
		if err != nil {
			t.Fatal(err)
		}
		if c.CreatedAt.Location() != time.UTC || time.Since(c.CreatedAt) > time.Minute {
			t.Errorf("CreatedAt = %v, want a recent UTC time", c.CreatedAt)
		}
		if fmt.Sprint(c.Languages) != "[en ru]" {
			t.Errorf("Languages = %v, want [en ru]", c.Languages)
		}
		c.Title, c.PeriodFrom, c.PeriodTo, c.Public = "January events", "2022-01-02", "2022-01-31", true
		if err := db.UpdateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		got2, err := db.CaseBySlug(ctx, "january-events")
		if err != nil {
			t.Fatal(err)
		}
		if got2.Title != "January events" || got2.PeriodFrom != "2022-01-02" || got2.PeriodTo != "2022-01-31" || !got2.Public {
			t.Errorf("after update: %+v", got2)
		}
		_, err = db.CaseBySlug(ctx, "nowhere")
		wantCode(t, err, inquest.ENOTFOUND)
		wantCode(t, db.UpdateCase(ctx, &inquest.Case{ID: 999, Slug: "nowhere", Title: "x"}), inquest.ENOTFOUND)
	})
}

func TestAddSource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "january-events")
		other := storetest.NewCase(t, db, "other")
		add := func(caseID int64, locator, original, text string) (*inquest.Source, bool) {
			t.Helper()
			s := &inquest.Source{CaseID: caseID, Locator: locator, Title: "T " + locator, Kind: inquest.KindNews, Text: text,
				Published: "2022-03-14"}
			got, created, err := db.AddSource(ctx, s, []byte(original))
			if err != nil {
				t.Fatalf("AddSource %s: %v", locator, err)
			}
			return got, created
		}

		in := &inquest.Source{CaseID: c.ID, Locator: "https://example.org/a", Title: "T https://example.org/a", Kind: inquest.KindNews,
			Text: "They were not there.", Published: "2022-03-14", Headers: "X-Bad: caf\xe9"}
		v1, created, err := db.AddSource(ctx, in, []byte("<p>They were not there.</p>"))
		if err != nil {
			t.Fatal(err)
		}
		if in.ID != v1.ID || in.SHA256 != v1.SHA256 || in.Version != 1 {
			t.Errorf("the source passed in was not filled: %+v", in)
		}
		if v1.Headers != "X-Bad: caf\uFFFD" {
			t.Errorf("headers = %q, want invalid bytes replaced", v1.Headers)
		}
		if !created || v1.ID == 0 || v1.Version != 1 || v1.PreviousID != 0 {
			t.Fatalf("first add: created=%v %+v", created, v1)
		}
		if want := inquest.SHA256Hex([]byte("<p>They were not there.</p>")); v1.SHA256 != want {
			t.Errorf("SHA256 = %s, want %s (of the bytes)", v1.SHA256, want)
		}
		if v1.Size != int64(len("<p>They were not there.</p>")) || v1.TextSHA256 != inquest.SHA256Hex([]byte("They were not there.")) {
			t.Errorf("Size/TextSHA256 = %d/%s", v1.Size, v1.TextSHA256)
		}
		audits := count(t, db, "audit_log")

		// The same bytes again, under any locator: the stored source, nothing written.
		again, created := add(c.ID, "https://mirror.example.org/a", "<p>They were not there.</p>", "other text")
		if created || again.ID != v1.ID || again.Locator != v1.Locator {
			t.Errorf("same bytes: created=%v id=%d locator=%s, want existing %d", created, again.ID, again.Locator, v1.ID)
		}
		if n := count(t, db, "sources"); n != 1 {
			t.Errorf("sources = %d after re-adding the same bytes, want 1", n)
		}
		if n := count(t, db, "audit_log"); n != audits {
			t.Errorf("audit entries = %d after a no-op add, want %d", n, audits)
		}

		// Changed bytes at the same locator: the next version.
		v2, created := add(c.ID, "https://example.org/a", "<p>They were not there!</p>", "They were not there!")
		v3, _ := add(c.ID, "https://example.org/a", "<p>v3</p>", "v3")
		if !created || v2.Version != 2 || v2.PreviousID != v1.ID || v3.Version != 3 || v3.PreviousID != v2.ID {
			t.Errorf("versions: v2=%d prev %d, v3=%d prev %d", v2.Version, v2.PreviousID, v3.Version, v3.PreviousID)
		}
		versions, err := db.Versions(ctx, v2.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, v := range versions {
			ids = append(ids, v.ID)
		}
		if want := []int64{v1.ID, v2.ID, v3.ID}; fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Errorf("Versions = %v, want %v", ids, want)
		}

		// The same bytes in another case are a source of that case; the blob is stored once.
		o, created := add(other.ID, "https://example.org/a", "<p>They were not there.</p>", "They were not there.")
		if !created || o.CaseID != other.ID || o.Version != 1 {
			t.Errorf("other case: created=%v %+v", created, o)
		}
		if n := count(t, db, "blobs"); n != 3 {
			t.Errorf("blobs = %d, want 3 (one per distinct content)", n)
		}

		orig, err := db.Original(ctx, v2.ID)
		if err != nil || string(orig) != "<p>They were not there!</p>" {
			t.Errorf("Original = %q, %v", orig, err)
		}
		got, err := db.Source(ctx, v1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != "They were not there." || got.Published != "2022-03-14" || got.Kind != inquest.KindNews ||
			got.RetrievedAt.IsZero() || got.CreatedAt.Location() != time.UTC {
			t.Errorf("Source = %+v", got)
		}

		latest, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, WithoutText: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(latest) != 1 || latest[0].ID != v3.ID || latest[0].Text != "" {
			t.Errorf("latest only = %+v, want v3 without text", latest)
		}
		paged, _, err := db.LatestSourcesPage(ctx, c.ID, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(paged) != 1 || paged[0].ID != v3.ID {
			t.Errorf("latest sources page = %d sources, want v3 alone", len(paged))
		}
		all, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, Limit: 2, Offset: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].ID != v2.ID || all[1].ID != v3.ID {
			t.Errorf("limit/offset listing = %d sources", len(all))
		}
		onlyOffset, err := db.Sources(ctx, inquest.SourceFilter{Offset: 3})
		if err != nil || len(onlyOffset) != 1 {
			t.Errorf("offset without limit = %d sources, %v; want 1", len(onlyOffset), err)
		}

		_, err = db.Source(ctx, 4242)
		wantCode(t, err, inquest.ENOTFOUND)
		_, err = db.Original(ctx, 4242)
		wantCode(t, err, inquest.ENOTFOUND)
		_, err = db.Versions(ctx, 4242)
		wantCode(t, err, inquest.ENOTFOUND)
	})
}

func TestAddSourceRejects(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "c")
		tests := []struct {
			name     string
			source   inquest.Source
			original string
		}{
			{"text hash of other text", inquest.Source{CaseID: c.ID, Locator: "a", Text: "abc", TextSHA256: inquest.SHA256Hex([]byte("abd"))}, "x"},
			{"no bytes", inquest.Source{CaseID: c.ID, Locator: "a", Text: "abc"}, ""},
			{"no locator", inquest.Source{CaseID: c.ID, Text: "abc"}, "x"},
			{"no such case", inquest.Source{CaseID: 999, Locator: "a"}, "x"},
			{"bad date", inquest.Source{CaseID: c.ID, Locator: "a", Published: "14 March"}, "x"},
			{"NUL in text", inquest.Source{CaseID: c.ID, Locator: "a", Text: "eight\x00people"}, "x"},
			{"Latin-1 title", inquest.Source{CaseID: c.ID, Locator: "a", Title: "Caf\xe9"}, "x"},
		}
		for _, tt := range tests {
			_, _, err := db.AddSource(ctx, &tt.source, []byte(tt.original))
			if inquest.ErrorCode(err) != inquest.EINVALID {
				t.Errorf("%s: error %v, want EINVALID", tt.name, err)
			}
		}
		for table, want := range map[string]int{"sources": 0, "blobs": 0, "audit_log": 1 /* case.create */} {
			if n := count(t, db, table); n != want {
				t.Errorf("%s holds %d rows after rejected adds, want %d", table, n, want)
			}
		}
		// A correct text hash is accepted.
		s := &inquest.Source{CaseID: c.ID, Locator: "a", Text: "abc", TextSHA256: inquest.SHA256Hex([]byte("abc"))}
		if _, _, err := db.AddSource(ctx, s, []byte("x")); err != nil {
			t.Errorf("matching TextSHA256: %v", err)
		}
	})
}

func TestVerifyArchive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "c")
		a := storetest.NewSource(t, db, c.ID, "a.html", "<p>eight people died</p>", "eight people died")
		b := storetest.NewSource(t, db, c.ID, "b.html", "<p>225 dead</p>", "225 dead")
		if got, err := db.VerifyArchive(ctx); err != nil || len(got) != 0 {
			t.Fatalf("clean archive: %v, %v", got, err)
		}

		// Change one byte of a's blob behind the store's back.
		if _, err := db.RawExec(ctx, "UPDATE blobs SET data = ? WHERE sha256 = ?", []byte("<p>seven people died</p>"), a.SHA256); err != nil {
			t.Fatal(err)
		}
		got, err := db.VerifyArchive(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []inquest.Mismatch{{SourceID: a.ID, What: "original", Want: a.SHA256, Got: inquest.SHA256Hex([]byte("<p>seven people died</p>"))}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("after editing a blob: %v, want %v", got, want)
		}
		if _, err := db.Original(ctx, a.ID); !errors.Is(err, inquest.ErrTampered) {
			t.Errorf("Original of a tampered blob: %v, want ErrTampered", err)
		}

		// And b's text.
		if _, err := db.RawExec(ctx, "UPDATE sources SET text = ? WHERE id = ?", "226 dead", b.ID); err != nil {
			t.Fatal(err)
		}
		got, err = db.VerifyArchive(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[1].SourceID != b.ID || got[1].What != "text" || got[1].Want != b.TextSHA256 {
			t.Errorf("after editing a text: %v", got)
		}
	})
}

func TestAuditChain(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := store.WithActor(context.Background(), "aigerim")
		c := storetest.NewCase(t, db, "c")
		s := storetest.NewSource(t, db, c.ID, "a", "x", "x")
		if err := db.UpsertClaim(ctx, &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists took part"}); err != nil {
			t.Fatal(err)
		}
		e := &inquest.AuditEntry{Action: "note.add", Entity: "source", EntityID: s.ID, After: `{"note":"checked"}`}
		if err := db.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.ID != 4 || e.Actor != "aigerim" || e.PrevHash == "" || e.Hash != e.ComputeHash() {
			t.Errorf("appended entry = %+v", e)
		}
		log, err := db.AuditLog(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range log {
			got = append(got, e.Actor+" "+e.Action)
		}
		want := "[system case.create system source.add aigerim claim.create aigerim note.add]"
		if fmt.Sprint(got) != want {
			t.Errorf("audit log = %v, want %v", got, want)
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
			t.Fatalf("intact chain: VerifyAudit = %d, %v", id, err)
		}

		// An edited row breaks at that row.
		if _, err := db.RawExec(ctx, "UPDATE audit_log SET actor = ? WHERE id = ?", "mallory", 2); err != nil {
			t.Fatal(err)
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 2 {
			t.Errorf("edited entry 2: VerifyAudit = %d, %v; want 2", id, err)
		}
		if _, err := db.RawExec(ctx, "UPDATE audit_log SET actor = ? WHERE id = ?", "system", 2); err != nil {
			t.Fatal(err)
		}
		if id, _ := db.VerifyAudit(ctx); id != 0 {
			t.Fatalf("restored entry: VerifyAudit = %d", id)
		}
		// A deleted row breaks at the entry after it.
		if _, err := db.RawExec(ctx, "DELETE FROM audit_log WHERE id = ?", 3); err != nil {
			t.Fatal(err)
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 4 {
			t.Errorf("deleted entry 3: VerifyAudit = %d, %v; want 4", id, err)
		}
	})
}

func TestAuditConcurrentAppendsDoNotFork(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- db.Audit(ctx, &inquest.AuditEntry{Action: "test", Entity: "x", EntityID: int64(i)})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("VerifyAudit after concurrent appends = %d, %v", id, err)
		}
		if n := count(t, db, "audit_log"); n != 40 {
			t.Errorf("audit entries = %d, want 40", n)
		}
	})
}

// Several goroutines add sources at once, some of them the same bytes and
// some new versions of the same locator: no errors (no SQLITE_BUSY, no
// unique violations), no duplicates, unbroken version chains.
func TestConcurrentAddSource(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := storetest.NewCase(t, db, "c")
		const workers, docs = 8, 12
		var wg sync.WaitGroup
		errs := make(chan error, workers*docs)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := range docs {
					// Every worker adds the same docs documents; each is a
					// version of one of three locators.
					s := &inquest.Source{CaseID: c.ID, Locator: fmt.Sprintf("https://example.org/%d", d%3), Text: fmt.Sprint("text ", d)}
					if _, _, err := db.AddSource(ctx, s, []byte(fmt.Sprintf("<p>document %d</p>", (d+w)%docs))); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if n := count(t, db, "sources"); n != docs {
			t.Errorf("sources = %d, want %d distinct documents", n, docs)
		}
		all, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range all {
			vs, err := db.Versions(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i, v := range vs {
				if v.Version != i+1 || (i > 0 && v.PreviousID != vs[i-1].ID) {
					t.Errorf("locator %s: version %d at position %d, previous %d", v.Locator, v.Version, i, v.PreviousID)
				}
			}
		}
		if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
			t.Errorf("VerifyAudit = %d, %v", id, err)
		}
	})
}
