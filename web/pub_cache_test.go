package web

import (
	"bytes"
	"container/list"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestRejectionLeavesThePublicSiteAtOnce: the public site caches its pages,
// but a statement an analyst rejects must not be served from that cache
// afterwards, not even for the cache's few seconds.
func TestRejectionLeavesThePublicSiteAtOnce(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	st := firstConfirmed(t, db, c)
	page := fmt.Sprintf("/sources/%d", st.SourceID)
	mark := fmt.Sprintf(`id="ts-%d"`, st.ID)

	u := addUser(t, db, "aigerim", inquest.RoleAnalyst)
	token, _, err := db.CreateToken(ctx, u.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	h := NewServer(db, Options{}).Handler()
	get := pageGetter(t, h, page)
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

// TestCacheRendersOnce: readers who ask at once for a page nobody has
// rendered wait for one render and all get it.
func TestCacheRendersOnce(t *testing.T) {
	s := NewServer(storetest.Open(t), Options{})
	var renders atomic.Int32
	h := s.cachedPublic(func(w http.ResponseWriter, r *http.Request) error {
		renders.Add(1)
		time.Sleep(50 * time.Millisecond) // long enough for all to arrive
		fmt.Fprintf(w, "page %d", renders.Load())
		return nil
	})
	var wg sync.WaitGroup
	bodies := make([]string, 20)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			if err := h(rec, httptest.NewRequest("GET", "/cases/x/timeline", nil)); err != nil {
				t.Error(err)
			}
			bodies[i] = rec.Body.String()
		}()
	}
	wg.Wait()
	if got := renders.Load(); got != 1 {
		t.Errorf("%d renders for 20 readers at once, want 1", got)
	}
	for i, b := range bodies {
		if b != "page 1" {
			t.Errorf("reader %d got %q, want %q", i, b, "page 1")
		}
	}
}

// TestCacheBoundInBytes: the cache keeps the pages served last within its
// bound in bytes, and a page too large to keep is not kept.
func TestCacheBoundInBytes(t *testing.T) {
	pc := &pageCache{pages: map[string]*list.Element{}, lru: list.New(), max: 10 * (1000 + 512 + 2), inflight: map[string]*flight{}}
	body := bytes.Repeat([]byte("x"), 1000)
	key := func(i int) string { return fmt.Sprintf("%02d", i) }
	for i := range 30 {
		pc.put(&cachedPage{key: key(i), status: http.StatusOK, body: body, at: time.Now()})
		if i == 25 {
			pc.get(key(20), 0) // served again: kept over the older ones
		}
	}
	if pc.bytes > pc.max {
		t.Errorf("cache holds %d bytes, over its bound of %d", pc.bytes, pc.max)
	}
	var kept []string
	for k := range pc.pages {
		kept = append(kept, k)
	}
	slices.Sort(kept)
	want := []string{"20", "21", "22", "23", "24", "25", "26", "27", "28", "29"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v", kept, want)
	}
	pc.put(&cachedPage{key: "huge", status: http.StatusOK, body: make([]byte, maxCachedPage+1)})
	if _, ok := pc.pages["huge"]; ok {
		t.Error("a page over maxCachedPage was kept")
	}
}

// TestServePreloadsPublicRecords: a server that starts listening loads the
// public record of each public case before anyone asks, so that its first
// readers do not wait for it.
func TestServePreloadsPublicRecords(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	s := NewServer(db, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- s.Serve(sctx, ln) }()
	defer func() {
		stop()
		<-served
	}()
	loaded := func() bool {
		cache := s.publicCache()
		cache.mu.Lock()
		e := cache.entries[c.ID]
		cache.mu.Unlock()
		if e == nil {
			return false
		}
		select {
		case <-e.ready:
			return e.rec != nil
		default:
			return false
		}
	}
	for deadline := time.Now().Add(30 * time.Second); !loaded(); {
		if time.Now().After(deadline) {
			t.Fatal("no public record of the demo case loaded 30 s after the server started, with no request made")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReloadKeepsPagesUnlessTheRecordChanged: a record loaded again that
// holds nothing new keeps the pages rendered from the old one (rendering
// every page again after each reload stalled a large case's readers); one
// that holds something new, added by another process, retires them, and
// the page shows the addition.
func TestReloadKeepsPagesUnlessTheRecordChanged(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	st := firstConfirmed(t, db, c)
	s := NewServer(db, Options{})
	get := pageGetter(t, s.Handler(), fmt.Sprintf("/sources/%d", st.SourceID))
	// reload loads the record again as a reader's request would once it
	// aged; past its stamp (which skips the load when nothing moved) when
	// old is set.
	reload := func(old bool) {
		cache := s.publicCache()
		cache.mu.Lock()
		e := cache.entries[c.ID]
		e.loading = true
		if old {
			e.loaded = time.Now().Add(-2 * recordMaxAge)
		}
		cache.mu.Unlock()
		s.load(ctx, cache, e)
	}
	before := get()
	gen := s.recordGen()
	for _, old := range []bool{false, true} {
		reload(old)
		if got := s.recordGen(); got != gen {
			t.Errorf("a reload that found nothing new retired the pages (generation %d, was %d; past the stamp %v)", got, gen, old)
		}
		if got := get(); got != before {
			t.Errorf("the page changed across a reload that found nothing new (past the stamp %v)", old)
		}
	}

	// Another process confirms a new quotation: no change of this server
	// tells it, the reload finds it.
	added := &inquest.Statement{CaseID: c.ID, SourceID: st.SourceID, PersonID: st.PersonID, SpeakerName: st.SpeakerName,
		Text: "A quotation confirmed elsewhere", Start: 1, End: 4, SaidOn: st.SaidOn, Language: st.Language,
		Origin: st.Origin, Review: inquest.Confirmed}
	if err := db.AddStatement(ctx, added); err != nil {
		t.Fatal(err)
	}
	reload(false)
	if s.recordGen() == gen {
		t.Errorf("a reload that found a new statement kept the pages rendered before it")
	}
	if !strings.Contains(get(), "A quotation confirmed elsewhere") {
		t.Errorf("the page does not show the statement confirmed before the reload")
	}
}

// firstConfirmed is a confirmed statement of the case, which its source's
// public page shows.
func firstConfirmed(t *testing.T, db inquest.Store, c *inquest.Case) *inquest.Statement {
	t.Helper()
	confirmed, err := db.Statements(context.Background(), inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
	if err != nil || len(confirmed) == 0 {
		t.Fatalf("case %s has no confirmed statement (%v)", c.Slug, err)
	}
	return confirmed[0]
}

// pageGetter returns what a reader's GET of page gets from h, failing the
// test on any status but 200.
func pageGetter(t *testing.T, h http.Handler, page string) func() string {
	return func() string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", page, nil))
		if rec.Code != 200 {
			t.Fatalf("GET %s = %d", page, rec.Code)
		}
		return rec.Body.String()
	}
}
