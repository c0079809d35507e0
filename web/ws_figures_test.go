package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestFigureRecordReadsWhatFiguresNeed: the figures page's series and
// conflicts, from the figures and only the statements and sources they
// name, are those of the whole case, on the demo (figures placed by their
// statements, quotations and sentences) and on a generated case.
func TestFigureRecordReadsWhatFiguresNeed(t *testing.T) {
	for _, tt := range []struct {
		name string
		load func(context.Context, *store.DB) (*inquest.Case, error)
	}{
		{"demo", func(ctx context.Context, db *store.DB) (*inquest.Case, error) {
			if _, err := demo.Load(ctx, db); err != nil {
				return nil, err
			}
			return db.CaseBySlug(ctx, demo.CaseSlug)
		}},
		{"generated", func(ctx context.Context, db *store.DB) (*inquest.Case, error) {
			res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 800, Seed: 4})
			if err != nil {
				return nil, err
			}
			return res.Case, nil
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t)
			c, err := tt.load(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			rec, err := casework.New(db).Load(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			whole := rec.FigureRecord()
			got, err := NewServer(db, Options{}).figureRecord(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Statements) >= len(whole.Statements) && len(whole.Statements) > 100 {
				t.Errorf("read %d statements for the figures, the case has %d: not fewer", len(got.Statements), len(whole.Statements))
			}
			wantSeries, gotSeries := analysis.FigureSeries(whole), analysis.FigureSeries(got)
			if len(wantSeries) == 0 {
				t.Fatal("the case has no figure series")
			}
			if !reflect.DeepEqual(seriesKeys(gotSeries), seriesKeys(wantSeries)) {
				t.Errorf("series differ:\n got %v\nwant %v", seriesKeys(gotSeries), seriesKeys(wantSeries))
			}
			wantC, gotC := analysis.FigureConflicts(whole, wantSeries), analysis.FigureConflicts(got, gotSeries)
			if fmt.Sprint(conflictKeys(gotC)) != fmt.Sprint(conflictKeys(wantC)) {
				t.Errorf("conflicts differ:\n got %v\nwant %v", conflictKeys(gotC), conflictKeys(wantC))
			}
		})
	}
}

// seriesKeys is what the page shows of each point: figure, day, claimant.
func seriesKeys(ss []analysis.Series) []string {
	var out []string
	for _, s := range ss {
		for _, p := range s.Points {
			out = append(out, fmt.Sprintf("%s/%s: figure %d on %s by %d %q (statement %d)", s.Measure, s.Name, p.Figure.ID, p.On, p.ClaimantID, p.Claimant, p.StatementID))
		}
	}
	return out
}

func conflictKeys(cs []analysis.FigureConflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %s %s", c.Kind, c.Measure, c.Reason))
	}
	return out
}

// shownKeys is what the page shows of each series: its name, how many
// points, and the points listed.
func shownKeys(ss []wsSeries) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s %d %v", s.Name, s.Points, seriesKeys([]analysis.Series{{Points: s.Shown}})))
	}
	return out
}

// TestSeriesChartStaysSmall: a chart of a few figures draws each; one of
// thousands draws a bounded number of columns, each a link to a figure.
func TestSeriesChartStaysSmall(t *testing.T) {
	series := func(n int) analysis.Series {
		s := analysis.Series{Measure: "deaths", Name: "Deaths"}
		for i := range n {
			day := inquest.Date(fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28))
			s.Points = append(s.Points, analysis.Point{Figure: &inquest.Figure{ID: int64(i + 1), SourceID: 1, Value: float64(100 + i%50), Text: "dead"}, On: day})
		}
		return s
	}
	for _, tt := range []struct {
		points, wantDots int
		maxBytes         int
	}{
		{10, 10, 10_000},
		{chartDots, chartDots, 80_000},
		{20_000, -1, 80_000},
	} {
		svg := string(wsSeriesChart(series(tt.points)))
		dots := strings.Count(svg, "<circle")
		if tt.wantDots >= 0 && dots != tt.wantDots {
			t.Errorf("%d figures: %d dots, want %d", tt.points, dots, tt.wantDots)
		}
		if dots == 0 || dots > chartDots {
			t.Errorf("%d figures: %d dots, want 1 to %d", tt.points, dots, chartDots)
		}
		if len(svg) > tt.maxBytes {
			t.Errorf("%d figures: a chart of %d bytes, want at most %d", tt.points, len(svg), tt.maxBytes)
		}
	}
}

// TestFiguresKeepsSlowDerivation: a derivation kept from an earlier request
// says when it was made; "derive again" and a figure reviewed on this
// server give a fresh one, and the list of every figure is always as it is
// now.
func TestFiguresKeepsSlowDerivation(t *testing.T) {
	defer func(d time.Duration) { slowDerivation = d }(slowDerivation)
	slowDerivation = 0 // keep every derivation
	ctx := context.Background()
	db := storetest.Open(t)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "figs", inquest.RoleAnalyst)
	cl := newClient(t, NewServer(db, Options{}).Handler())
	cl.login("figs")
	path := "/w/cases/" + demo.CaseSlug + "/figures"
	get := func(path string) string {
		t.Helper()
		rec := cl.do("GET", path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		return rec.Body.String()
	}
	const note = "Series and conflicts as derived at"
	if body := get(path); strings.Contains(body, note) {
		t.Error("the first request shows a kept derivation")
	}
	body := get(path)
	if !strings.Contains(body, note) {
		t.Error("the second request does not say its series were kept")
	}
	if body := get(path + "?fresh=1"); strings.Contains(body, note) {
		t.Error("derive again shows a kept derivation")
	}
	figures, err := db.Figures(ctx, mustCase(t, db).ID)
	if err != nil {
		t.Fatal(err)
	}
	var f *inquest.Figure
	for _, x := range figures {
		if x.Review == inquest.Suggested {
			f = x
			break
		}
	}
	if f == nil {
		t.Fatal("the demo has no suggested figure")
	}
	id := strconv.FormatInt(f.ID, 10)
	rec := cl.do("POST", "/w/figures/"+id+"/review", url.Values{"csrf": {cl.formToken()}, "decision": {"reject"}})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("reject figure %d: %d %s", f.ID, rec.Code, rec.Body.String())
	}
	body = get(path)
	if strings.Contains(body, note) {
		t.Error("after a figure was reviewed the page shows the derivation kept before")
	}
	if strings.Contains(body, `id="fig-`+id+`"`) || strings.Contains(body, "#tf-"+id+`"`) {
		t.Errorf("rejected figure %d is still on the page", f.ID)
	}
}

func mustCase(t *testing.T, db *store.DB) *inquest.Case {
	t.Helper()
	c, err := db.CaseBySlug(context.Background(), demo.CaseSlug)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFiguresRefreshesAgedDerivation: the kept derivation stays while
// nothing it derives from changes, however old; after a change by another
// process a reader is given the kept one, and it is derived again behind
// the page.
func TestFiguresRefreshesAgedDerivation(t *testing.T) {
	defer func(d, ttl time.Duration) { slowDerivation, derivationTTL = d, ttl }(slowDerivation, derivationTTL)
	slowDerivation, derivationTTL = 0, 0 // keep every derivation, aged at once
	ctx := context.Background()
	db, path := storetest.OpenFile(t)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	s := NewServer(db, Options{})
	c := mustCase(t, db)
	first, kept, err := s.figureDerivationOf(ctx, c, false)
	if err != nil || kept {
		t.Fatalf("first derivation: kept %v, %v", kept, err)
	}
	derivations.Lock()
	slot := derivations.m[derivationKey{s.st, c.ID}]
	derivations.Unlock()
	current := func() (*figureDerivation, bool) {
		slot.mu.Lock()
		defer slot.mu.Unlock()
		return slot.d, slot.refreshing
	}
	for range 20 {
		again, kept, err := s.figureDerivationOf(ctx, c, false)
		if err != nil || !kept || again != first {
			t.Fatalf("with nothing changed: kept %v, the first derivation %v, %v", kept, again == first, err)
		}
		if d, refreshing := current(); d != first || refreshing {
			t.Fatal("with nothing changed, the derivation was made again")
		}
	}

	// A figure rejected by another process, as by the command line.
	cli, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	if len(first.Series) == 0 || len(first.Series[0].Shown) == 0 {
		t.Fatal("the demo's figures make no series; the test needs one")
	}
	rejected := first.Series[0].Shown[0].Figure.ID
	if err := cli.SetFigureReview(ctx, rejected, inquest.Rejected, "test"); err != nil {
		t.Fatal(err)
	}
	for range 500 {
		// Readers keep coming; one of them finds the derivation aged and
		// what it derives from changed.
		got, kept, err := s.figureDerivationOf(ctx, c, false)
		if err != nil {
			t.Fatal(err)
		}
		if d, refreshing := current(); d != first && !refreshing {
			if !kept || got != first && got != d {
				t.Errorf("a reader was given a derivation neither kept nor new")
			}
			if d.stamp == first.stamp {
				t.Error("the derivation made again has the stamp of the first")
			}
			if fmt.Sprint(shownKeys(d.Series)) == fmt.Sprint(shownKeys(first.Series)) {
				t.Error("the derivation made again shows what the first did, though a figure was rejected")
			}
			for _, se := range d.Series {
				for _, pt := range se.Shown {
					if pt.Figure.ID == rejected {
						t.Errorf("the rejected figure %d is still in series %s", rejected, se.Name)
					}
				}
			}
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Error("the derivation was not made again after a figure was rejected")
}

// TestKeptDerivationHoldsWhatThePageShows: the derivation kept between
// requests has each series' chart and first points and the first
// conflicts, with the counts of all of them, which the page tells the
// analyst; at tens of thousands of figures the whole of them took a
// hundred megabytes for a minute at a time.
func TestKeptDerivationHoldsWhatThePageShows(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 5000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	s := NewServer(db, Options{})
	d, _, err := s.figureDerivationOf(ctx, res.Case, true)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := s.figureRecord(ctx, res.Case)
	if err != nil {
		t.Fatal(err)
	}
	series := analysis.FigureSeries(fr)
	conflicts := analysis.FigureConflicts(fr, series)
	if len(d.Series) != len(series) {
		t.Fatalf("%d series kept, the case has %d", len(d.Series), len(series))
	}
	long := false
	for i, se := range series {
		got := d.Series[i]
		long = long || len(se.Points) > pointsShown
		if got.Name != se.Name || got.Points != len(se.Points) || len(got.Shown) != min(len(se.Points), pointsShown) {
			t.Errorf("series %s kept as %s with %d of %d points, want %d of %d", se.Name, got.Name, len(got.Shown), got.Points,
				min(len(se.Points), pointsShown), len(se.Points))
		}
		if got.Chart == "" {
			t.Errorf("series %s kept without its chart", se.Name)
		}
	}
	if !long {
		t.Fatalf("no series of the generated case has more than %d points; the test needs one", pointsShown)
	}
	if d.AllConflicts != len(conflicts) || len(d.Conflicts) != min(len(conflicts), conflictsShown) {
		t.Errorf("kept %d of %d conflicts, want %d of %d", len(d.Conflicts), d.AllConflicts, min(len(conflicts), conflictsShown), len(conflicts))
	}
}

// TestSlowDerivationKeptLonger: after a change, a derivation is made again
// at most once a minute, or once in ten times what it took when that is
// longer, so that a server under load while figures keep coming in (where
// a large case's takes half a minute) is not deriving most of the time.
func TestSlowDerivationKeptLonger(t *testing.T) {
	for _, tt := range []struct{ took, want time.Duration }{
		{300 * time.Millisecond, derivationTTL},
		{4 * time.Second, derivationTTL},
		{37 * time.Second, 370 * time.Second},
	} {
		if got := (&figureDerivation{Took: tt.took}).keepFor(); got != tt.want {
			t.Errorf("a derivation that took %s is kept %s, want %s", tt.took, got, tt.want)
		}
	}
}

// TestKeptDerivationRendersAsFresh: the series and conflicts of a kept
// derivation are rendered once per language and reused; the page they
// make is the page a fresh derivation makes, in each language, but for
// the line that says when they were derived.
func TestKeptDerivationRendersAsFresh(t *testing.T) {
	defer func(d time.Duration) { slowDerivation = d }(slowDerivation)
	slowDerivation = 0 // keep every derivation
	c, cl, _ := demoAnalyst(t)
	derivedAt := regexp.MustCompile(`(?s)<p class="ws-help">Series and conflicts as derived at .*?</p>`)
	page := func(path, lang string) string {
		t.Helper()
		cl.headers["Accept-Language"] = lang
		defer delete(cl.headers, "Accept-Language")
		rec := cl.do("GET", path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, rec.Code)
		}
		return derivedAt.ReplaceAllString(rec.Body.String(), "")
	}
	figures := "/w/cases/" + c.Slug + "/figures"
	for _, lang := range []string{"en", "ru", "kk"} {
		fresh := page(figures+"?fresh=1", lang) // derived, and rendered from the template
		kept := page(figures, lang)             // the kept one, rendered once
		again := page(figures, lang)            // the kept one, as rendered before
		if !strings.Contains(fresh, "<svg") {
			t.Fatalf("%s: the demo's figures page has no chart; the test needs one", lang)
		}
		if kept != fresh || again != fresh {
			t.Errorf("%s: the page from the kept derivation differs from the fresh one", lang)
		}
	}
}
