package store_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestPagedWorkspace reads a generated case a page at a time and compares
// every page with the same list built from the whole case: paging loses
// nothing, repeats nothing and keeps the order (newest first).
func TestPagedWorkspace(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1200, Seed: 3, Batch: 40})
		if err != nil {
			t.Fatal(err)
		}
		c := res.Case

		t.Run("review queue", func(t *testing.T) {
			want := wholeQueue(t, db, c.ID, 0)
			if len(want) < 100 {
				t.Fatalf("only %d suggestions in the generated case", len(want))
			}
			for _, size := range []int{1, 37, len(want)} {
				var got []string
				for page := 0; ; page++ {
					entries, more, err := db.ReviewQueuePage(ctx, c.ID, 0, size, page*size)
					if err != nil {
						t.Fatal(err)
					}
					for _, e := range entries {
						got = append(got, entryKey(e))
					}
					if !more {
						break
					}
					if page > len(want) {
						t.Fatal("the queue never ends")
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("pages of %d: %d items, want %d; first difference at %d", size, len(got), len(want), firstDiff(got, want))
				}
			}
			// Narrowed to one source.
			src := res.Sources / 2
			srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
			if err != nil {
				t.Fatal(err)
			}
			one := srcs[src].ID
			entries, more, err := db.ReviewQueuePage(ctx, c.ID, one, 1000, 0)
			if err != nil || more {
				t.Fatalf("one source: more %v, %v", more, err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, entryKey(e))
			}
			if want := wholeQueue(t, db, c.ID, one); !slices.Equal(got, want) {
				t.Errorf("source %d: got %v, want %v", one, got, want)
			}
		})

		t.Run("sources and counts", func(t *testing.T) {
			all, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, WithoutText: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for off := 0; ; off += 50 {
				page, more, err := db.LatestSourcesPage(ctx, c.ID, 50, off)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range page {
					got = append(got, s.ID)
				}
				if more != (off+50 < len(all)) {
					t.Errorf("page at %d of %d: more = %v", off, len(all), more)
				}
				if !more || off > len(all) {
					break
				}
			}
			var want []int64
			for _, s := range all {
				want = append(want, s.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("sources paged: %d, want %d", len(got), len(want))
			}
			counts, err := db.ReviewCounts(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			ids := want[:20]
			var wantCounts []inquest.SourceReviewCount
			for _, n := range counts {
				if slices.Contains(ids, n.SourceID) {
					wantCounts = append(wantCounts, n)
				}
			}
			gotCounts, err := db.ReviewCountsOf(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(gotCounts, wantCounts) {
				t.Errorf("counts of 20 sources:\n got %v\nwant %v", gotCounts, wantCounts)
			}
			// A source with statements but nothing waiting has no count
			// (in a case of its own, which the other subtests do not read).
			other := storetest.NewCase(t, db, "nothing-waits")
			idle := storetest.NewSource(t, db, other.ID, "idle", "idle original", "They were not there.")
			if err := db.AddStatement(ctx, &inquest.Statement{CaseID: other.ID, SourceID: idle.ID, SpeakerName: "Berik Asylov",
				Text: "They were not there.", End: 20, Language: "en", Review: inquest.Confirmed}); err != nil {
				t.Fatal(err)
			}
			if got, err := db.ReviewCountsOf(ctx, []int64{idle.ID, ids[0]}); err != nil || len(got) != 1 || got[0].SourceID != ids[0] {
				t.Errorf("counts of a source with nothing waiting and one with: %v, %v; want the second only", got, err)
			}
		})

		t.Run("a source's figures and stances", func(t *testing.T) {
			figures, err := db.Figures(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			stances, err := db.Stances(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
			if err != nil {
				t.Fatal(err)
			}
			sourceOf := map[int64]int64{}
			for _, s := range stmts {
				sourceOf[s.ID] = s.SourceID
			}
			checked := 0
			for _, f := range figures[:10] {
				got, err := db.SourceFigures(ctx, f.SourceID)
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for _, g := range figures {
					if g.SourceID == f.SourceID {
						want = append(want, g.ID)
					}
				}
				if gotIDs := figureIDs(got); !sameIDs(gotIDs, want) {
					t.Errorf("figures of source %d: %v, want %v", f.SourceID, gotIDs, want)
				}
				checked++
			}
			for _, sn := range stances[:10] {
				src := sourceOf[sn.StatementID]
				got, err := db.SourceStances(ctx, src)
				if err != nil {
					t.Fatal(err)
				}
				var want, gotIDs []int64
				for _, x := range stances {
					if sourceOf[x.StatementID] == src {
						want = append(want, x.ID)
					}
				}
				for _, x := range got {
					gotIDs = append(gotIDs, x.ID)
				}
				if !sameIDs(gotIDs, want) {
					t.Errorf("stances of source %d: %v, want %v", src, gotIDs, want)
				}
				checked++
			}
			if checked != 20 {
				t.Errorf("checked %d sources, want 20", checked)
			}
		})

		if _, _, err := db.ReviewQueuePage(ctx, c.ID, 0, 0, 0); inquest.ErrorCode(err) != inquest.EINVALID {
			t.Errorf("a page of size 0: %v, want EINVALID", err)
		}
	})
}

func entryKey(e inquest.ReviewEntry) string {
	switch e.Kind {
	case "statement":
		return fmt.Sprintf("statement %d", e.Statement.ID)
	case "stance":
		return fmt.Sprintf("stance %d of %d", e.Stance.ID, e.Statement.ID)
	case "figure":
		return fmt.Sprintf("figure %d", e.Figure.ID)
	}
	return fmt.Sprintf("question %d", e.Question.ID)
}

// wholeQueue builds the queue from the whole case, as the review page did
// before it was paged: newest first, then by source (highest first), then
// statements, stances, figures, questions, then highest id first.
func wholeQueue(t *testing.T, db *store.DB, caseID, only int64) []string {
	t.Helper()
	ctx := context.Background()
	type item struct {
		key          string
		at           int64
		source, kind int64
		id           int64
	}
	var items []item
	stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: caseID, SourceID: only})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]*inquest.Statement{}
	for _, s := range stmts {
		byID[s.ID] = s
		if s.Review == inquest.Suggested {
			items = append(items, item{fmt.Sprintf("statement %d", s.ID), s.CreatedAt.UnixMicro(), s.SourceID, 0, s.ID})
		}
	}
	stances, err := db.Stances(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sn := range stances {
		s := byID[sn.StatementID]
		if sn.Review == inquest.Suggested && s != nil && s.Review != inquest.Rejected {
			items = append(items, item{fmt.Sprintf("stance %d of %d", sn.ID, s.ID), s.CreatedAt.UnixMicro(), s.SourceID, 1, sn.ID})
		}
	}
	figures, err := db.Figures(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figures {
		if f.Review == inquest.Suggested && (only == 0 || f.SourceID == only) {
			items = append(items, item{fmt.Sprintf("figure %d", f.ID), f.CreatedAt.UnixMicro(), f.SourceID, 2, f.ID})
		}
	}
	questions, err := db.Questions(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range questions {
		if q.Review == inquest.Suggested && q.SourceID != 0 && (only == 0 || q.SourceID == only) {
			items = append(items, item{fmt.Sprintf("question %d", q.ID), q.CreatedAt.UnixMicro(), q.SourceID, 3, q.ID})
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(b.at, a.at), cmp.Compare(b.source, a.source), cmp.Compare(a.kind, b.kind), cmp.Compare(b.id, a.id))
	})
	var out []string
	for _, it := range items {
		out = append(out, it.key)
	}
	return out
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func figureIDs(fs []*inquest.Figure) []int64 {
	var out []int64
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

func sameIDs(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestPagedTriageReads checks the reads of the claims, person and questions
// pages and the front page's count against the same lists built from the
// whole case: every page in order, nothing lost or repeated, and the
// totals.
func TestPagedTriageReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1500, Seed: 5, Batch: 50})
		if err != nil {
			t.Fatal(err)
		}
		c := res.Case
		stmts, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		stmtByID := map[int64]*inquest.Statement{}
		for _, s := range stmts {
			stmtByID[s.ID] = s
		}
		stances, err := db.Stances(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}

		t.Run("stances on a claim", func(t *testing.T) {
			standing := map[int64][]int64{}
			counts := map[int64]map[inquest.StanceKind]int{}
			rejected := 0
			for _, sn := range stances {
				if sn.Review == inquest.Rejected || stmtByID[sn.StatementID].Review == inquest.Rejected {
					rejected++
					continue
				}
				standing[sn.ClaimID] = append(standing[sn.ClaimID], sn.ID)
				if counts[sn.ClaimID] == nil {
					counts[sn.ClaimID] = map[inquest.StanceKind]int{}
				}
				counts[sn.ClaimID][sn.Stance]++
			}
			if rejected == 0 || len(standing) < 3 {
				t.Fatalf("the generated case has %d rejected stances and %d claims with stances; the test needs both", rejected, len(standing))
			}
			claims, err := db.Claims(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for _, cl := range claims {
				want := standing[cl.ID]
				for _, size := range []int{1, 7, 1000} {
					var got []int64
					for off := 0; ; off += size {
						page, more, err := db.ClaimStancesPage(ctx, cl.ID, size, off)
						if err != nil {
							t.Fatal(err)
						}
						for _, sn := range page {
							got = append(got, sn.ID)
						}
						if more != (off+size < len(want)) {
							t.Errorf("claim %s, page of %d at %d: more = %v with %d in all", cl.Slug, size, off, more, len(want))
						}
						if !more || off > len(want) {
							break
						}
					}
					// Stances sorts by statement within a claim, as the
					// page does.
					if !slices.Equal(got, want) {
						t.Errorf("claim %s in pages of %d: %v, want %v", cl.Slug, size, got, want)
					}
				}
				gotCounts, err := db.ClaimStanceCounts(ctx, cl.ID)
				if err != nil {
					t.Fatal(err)
				}
				wantCounts := counts[cl.ID]
				if wantCounts == nil {
					wantCounts = map[inquest.StanceKind]int{}
				}
				if fmt.Sprint(gotCounts) != fmt.Sprint(wantCounts) {
					t.Errorf("claim %s counts %v, want %v", cl.Slug, gotCounts, wantCounts)
				}
				if checked++; checked == 6 {
					break
				}
			}
		})

		t.Run("stances of statements", func(t *testing.T) {
			ids := []int64{stances[0].StatementID, stances[len(stances)/2].StatementID, stances[len(stances)-1].StatementID, -1}
			var of []*inquest.Stance
			for _, sn := range stances {
				if slices.Contains(ids, sn.StatementID) {
					of = append(of, sn)
				}
			}
			slices.SortFunc(of, func(a, b *inquest.Stance) int {
				return cmp.Or(cmp.Compare(a.StatementID, b.StatementID), cmp.Compare(a.ClaimID, b.ClaimID))
			})
			var want []string
			for _, sn := range of {
				want = append(want, fmt.Sprintf("%d/%d %s", sn.StatementID, sn.ClaimID, sn.Stance))
			}
			got, err := db.StancesOfStatements(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			var gotKeys []string
			for _, sn := range got {
				gotKeys = append(gotKeys, fmt.Sprintf("%d/%d %s", sn.StatementID, sn.ClaimID, sn.Stance))
			}
			if !slices.Equal(gotKeys, want) {
				t.Errorf("stances of %v: %v, want %v", ids, gotKeys, want)
			}
		})

		t.Run("a person's statements", func(t *testing.T) {
			byPerson := map[int64][]*inquest.Statement{}
			var most int64
			for _, s := range stmts {
				if s.PersonID == 0 || s.Review == inquest.Rejected {
					continue
				}
				byPerson[s.PersonID] = append(byPerson[s.PersonID], s)
				if len(byPerson[s.PersonID]) > len(byPerson[most]) {
					most = s.PersonID
				}
			}
			want := byPerson[most]
			if len(want) < 10 {
				t.Fatalf("the busiest speaker has only %d statements", len(want))
			}
			slices.SortFunc(want, func(a, b *inquest.Statement) int {
				if a.SaidOn.Known() != b.SaidOn.Known() {
					if a.SaidOn.Known() {
						return -1
					}
					return 1
				}
				return cmp.Or(cmp.Compare(a.SaidOn, b.SaidOn), cmp.Compare(a.ID, b.ID))
			})
			var wantIDs, got []int64
			for _, s := range want {
				wantIDs = append(wantIDs, s.ID)
			}
			for off := 0; off < len(want)+3; off += 3 {
				page, total, err := db.PersonStatementsPage(ctx, most, 3, off)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(want) {
					t.Errorf("person %d: total %d, want %d", most, total, len(want))
				}
				for _, s := range page {
					got = append(got, s.ID)
				}
			}
			if !slices.Equal(got, wantIDs) {
				t.Errorf("person %d in pages of 3: %v, want %v", most, got, wantIDs)
			}
		})

		t.Run("questions", func(t *testing.T) {
			all, err := db.Questions(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []int64
			for _, q := range all {
				if q.Review != inquest.Rejected {
					want = append(want, q.ID)
				}
			}
			if len(want) < 20 {
				t.Fatalf("only %d questions in the generated case", len(want))
			}
			for off := 0; off < len(want)+11; off += 11 {
				page, total, err := db.QuestionsPage(ctx, c.ID, 11, off)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(want) {
					t.Errorf("total %d, want %d", total, len(want))
				}
				for _, q := range page {
					got = append(got, q.ID)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("questions in pages of 11: %d, want %d; %v", len(got), len(want), got)
			}
		})

		t.Run("what waits for review", func(t *testing.T) {
			queue := wholeQueue(t, db, c.ID, 0)
			perKind := map[string]int{}
			for _, k := range queue {
				perKind[k[:strings.IndexByte(k, ' ')]]++
			}
			for _, upTo := range []int{1, 10, len(queue)} {
				wantN, wantMore := 0, false
				for _, n := range perKind {
					if n > upTo {
						n, wantMore = upTo, true
					}
					wantN += n
				}
				n, more, err := db.ReviewWaiting(ctx, c.ID, upTo)
				if err != nil {
					t.Fatal(err)
				}
				if n != wantN || more != wantMore {
					t.Errorf("up to %d: %d (more %v), want %d (more %v); per kind %v", upTo, n, more, wantN, wantMore, perKind)
				}
			}
		})

		t.Run("what places the figures", func(t *testing.T) {
			// Figures said in statements, beside the generated ones that
			// name their claimant and day; and figures that name no one,
			// which their source's words and statements place, one of
			// them rejected, which nothing places.
			var oneEach []*inquest.Statement // of a source each
			for _, st := range stmts {
				if len(oneEach) == 0 || oneEach[len(oneEach)-1].SourceID != st.SourceID {
					oneEach = append(oneEach, st)
				}
			}
			if len(oneEach) < 15 {
				t.Fatalf("statements in only %d sources", len(oneEach))
			}
			for _, st := range oneEach[:12] {
				f := &inquest.Figure{CaseID: c.ID, SourceID: st.SourceID, StatementID: st.ID, Measure: "deaths", Text: "12 dead",
					Value: 12, Start: st.Start, End: st.Start + 1, Review: inquest.Suggested}
				if err := db.AddFigure(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			for i, st := range oneEach[len(oneEach)-3:] {
				f := &inquest.Figure{CaseID: c.ID, SourceID: st.SourceID, Measure: "detained", Text: "40 detained",
					Value: 40, AsOf: "2022-01-20", Start: st.Start, End: st.Start + 2, Review: inquest.Suggested}
				if i == 0 {
					f.Review = inquest.Rejected
				}
				if err := db.AddFigure(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			figures, err := db.Figures(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
			if err != nil {
				t.Fatal(err)
			}
			srcByID := map[int64]*inquest.Source{}
			for _, s := range srcs {
				srcByID[s.ID] = s
			}
			// What analysis.FigureSeries consults: a figure's statement;
			// its source when it has no day, and its source's words and
			// the statements around it when it names no one.
			wantStmts, wantSrcs, wantText := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
			for _, f := range figures {
				if f.StatementID != 0 {
					wantStmts[f.StatementID] = true
				}
				if f.Review == inquest.Rejected {
					continue
				}
				unplaced := f.StatementID == 0 && f.ClaimantID == 0 && f.ClaimantName == ""
				if !f.AsOf.Known() || unplaced {
					wantSrcs[f.SourceID] = true
				}
				if unplaced {
					wantText[f.SourceID] = true
				}
			}
			for _, f := range figures {
				if f.Review == inquest.Rejected || f.StatementID != 0 || f.ClaimantID != 0 || f.ClaimantName != "" {
					continue
				}
				for _, st := range stmts {
					if st.SourceID == f.SourceID && st.Start <= f.Start && f.End <= st.End {
						wantStmts[st.ID] = true
					}
				}
			}
			if len(wantStmts) < 10 || len(wantSrcs) < 10 || len(wantText) < 2 {
				t.Fatalf("the figures name %d statements, %d sources, %d sources by their words", len(wantStmts), len(wantSrcs), len(wantText))
			}
			if len(wantSrcs) >= len(srcs) {
				t.Fatalf("every one of the %d sources places a figure: nothing to leave out", len(srcs))
			}
			gotStmts, err := db.FigureStatements(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i, st := range gotStmts {
				want := stmtByID[st.ID]
				if !wantStmts[st.ID] || want == nil || st.PersonID != want.PersonID || st.SaidOn != want.SaidOn || st.SpeakerName != want.SpeakerName || st.Start != want.Start || st.End != want.End || st.Review != want.Review {
					t.Errorf("figure statement %d: %+v, want %+v", st.ID, st, want)
				}
				if i > 0 && gotStmts[i-1].ID >= st.ID {
					t.Errorf("figure statements out of order at %d", i)
				}
				if st.Text != "" || st.Context != "" || st.Note != "" {
					t.Errorf("figure statement %d read with its words (%q), which placing a figure never needs", st.ID, st.Text)
				}
			}
			if len(gotStmts) != len(wantStmts) {
				t.Errorf("%d figure statements, want %d", len(gotStmts), len(wantStmts))
			}
			gotSrcs, err := db.FigureSources(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range gotSrcs {
				want := srcByID[s.ID]
				if !wantSrcs[s.ID] || want == nil || s.CaseID != want.CaseID || s.Publisher != want.Publisher || s.Kind != want.Kind || s.Published != want.Published {
					t.Errorf("figure source %d: %+v, want %+v", s.ID, s, want)
				}
				if wantText[s.ID] != (s.Text != "") || (s.Text != "" && s.Text != want.Text) {
					t.Errorf("figure source %d read with %d bytes of its text; want its words %v", s.ID, len(s.Text), wantText[s.ID])
				}
			}
			if len(gotSrcs) != len(wantSrcs) {
				t.Errorf("%d figure sources, want %d", len(gotSrcs), len(wantSrcs))
			}
		})

		t.Run("figures", func(t *testing.T) {
			all, err := db.Figures(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []int64
			for _, f := range all {
				if f.Review != inquest.Rejected {
					want = append(want, f.ID)
				}
			}
			if len(want) < 20 {
				t.Fatalf("only %d figures", len(want))
			}
			for off := 0; off < len(want)+9; off += 9 {
				page, total, err := db.FiguresPage(ctx, c.ID, 9, off)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(want) {
					t.Errorf("total %d, want %d", total, len(want))
				}
				for _, f := range page {
					got = append(got, f.ID)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("figures in pages of 9: %v, want %v", got, want)
			}
		})

		t.Run("people", func(t *testing.T) {
			all, err := db.People(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) < 10 {
				t.Fatalf("only %d people", len(all))
			}
			names, err := db.PeopleNames(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(names) != len(all) {
				t.Fatalf("%d names, want %d", len(names), len(all))
			}
			for i, p := range names {
				if p.ID != all[i].ID || p.Slug != all[i].Slug || p.Name != all[i].Name || p.Private != all[i].Private {
					t.Errorf("name %d: %+v, want %+v", i, p, all[i])
				}
			}
			var got []string
			for off := 0; off < len(all)+7; off += 7 {
				page, total, err := db.PeoplePage(ctx, 7, off)
				if err != nil {
					t.Fatal(err)
				}
				if total != len(all) {
					t.Errorf("total %d, want %d", total, len(all))
				}
				for _, p := range page {
					got = append(got, fmt.Sprintf("%+v", *p))
				}
			}
			var want []string
			for _, p := range all {
				want = append(want, fmt.Sprintf("%+v", *p))
			}
			if !slices.Equal(got, want) {
				t.Errorf("people in pages of 7 differ from the whole list; first difference at %d", firstDiff(got, want))
			}
		})

		for name, err := range map[string]error{
			"claim page of 0":  second(db.ClaimStancesPage(ctx, 1, 0, 0)),
			"person page of 0": third(db.PersonStatementsPage(ctx, 1, 0, 0)),
			"questions at -1":  third(db.QuestionsPage(ctx, c.ID, 10, -1)),
			"waiting up to 0":  third(db.ReviewWaiting(ctx, c.ID, 0)),
			"people page of 0": third(db.PeoplePage(ctx, 0, 0)),
			"figures at -1":    third(db.FiguresPage(ctx, c.ID, 5, -1)),
		} {
			if inquest.ErrorCode(err) != inquest.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
	})
}

func second[A, B any](_ A, _ B, err error) error { return err }
func third[A, B any](_ A, _ B, err error) error  { return err }
