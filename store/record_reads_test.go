package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestRecordReads checks the keys and the reads by id against the whole
// lists, on a generated case of more statements than one IN list holds:
// nothing is lost, nothing added, keys agree with the rows they stand for.
func TestRecordReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 4000, Seed: 5, Batch: 200})
		if err != nil {
			t.Fatal(err)
		}
		c := res.Case
		want, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID, Review: inquest.Confirmed})
		if err != nil {
			t.Fatal(err)
		}
		keys, err := db.StatementKeys(ctx, c.ID, inquest.Confirmed)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != len(want) || len(keys) <= 1000 {
			t.Fatalf("%d keys for %d confirmed statements (want over 1000 to cross an IN list)", len(keys), len(want))
		}
		byID := map[int64]*inquest.Statement{}
		for _, st := range want {
			byID[st.ID] = st
		}
		ids := make([]int64, 0, len(keys)+2)
		for i, k := range keys {
			st := byID[k.ID]
			if st == nil || st.SourceID != k.SourceID || st.PersonID != k.PersonID || st.SaidOn != k.SaidOn {
				t.Fatalf("key %+v does not match statement %+v", k, st)
			}
			if i > 0 && keys[i-1].ID >= k.ID {
				t.Fatalf("keys out of order at %d", i)
			}
			ids = append(ids, k.ID)
		}
		ids = append(ids, keys[0].ID, -7) // a repeat and a missing id
		got, err := db.StatementsByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(keys) {
			t.Fatalf("StatementsByID: %d statements for %d distinct existing ids", len(got), len(keys))
		}
		for i, st := range got {
			w := byID[st.ID]
			if st.ID != keys[i].ID || w == nil || st.Text != w.Text || st.Review != inquest.Confirmed {
				t.Fatalf("StatementsByID %d: got %d %q", i, st.ID, st.Text)
			}
		}

		srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, WithoutText: true})
		if err != nil {
			t.Fatal(err)
		}
		skeys, err := db.SourceKeys(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(skeys) != len(srcs) {
			t.Fatalf("%d source keys for %d sources", len(skeys), len(srcs))
		}
		srcByID := map[int64]*inquest.Source{}
		var sids []int64
		for _, s := range srcs {
			srcByID[s.ID] = s
		}
		for _, k := range skeys {
			s := srcByID[k.ID]
			if s == nil || s.Locator != k.Locator || s.Version != k.Version || s.Private != k.Private || s.Published != k.Published || s.Title != k.Title {
				t.Fatalf("source key %+v does not match %+v", k, s)
			}
			sids = append(sids, k.ID)
		}
		gotSrcs, err := db.SourcesByID(ctx, sids)
		if err != nil {
			t.Fatal(err)
		}
		if len(gotSrcs) != len(srcs) {
			t.Fatalf("SourcesByID: %d of %d", len(gotSrcs), len(srcs))
		}
		withText, err := db.SourcesWithText(ctx, sids[:3])
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range withText {
			full, err := db.Source(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s.Text == "" || s.Text != full.Text {
				t.Fatalf("SourcesWithText %d: %d bytes of text, want the source's %d", s.ID, len(s.Text), len(full.Text))
			}
		}
		if len(withText) != 3 {
			t.Fatalf("SourcesWithText: %d sources of 3", len(withText))
		}
		people, err := db.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pids := []int64{-1}
		for _, p := range people {
			pids = append(pids, p.ID)
		}
		gotPeople, err := db.PeopleByID(ctx, pids)
		if err != nil {
			t.Fatal(err)
		}
		if len(gotPeople) != len(people) {
			t.Fatalf("PeopleByID: %d of %d", len(gotPeople), len(people))
		}
		for i, p := range gotPeople {
			if i > 0 && gotPeople[i-1].ID >= p.ID {
				t.Fatalf("PeopleByID out of order at %d", i)
			}
		}
		for _, s := range gotSrcs {
			if s.Text != "" || s.Title != srcByID[s.ID].Title {
				t.Fatalf("SourcesByID %d: title %q, %d bytes of text (want none)", s.ID, s.Title, len(s.Text))
			}
		}
	})
}

// TestReadsInReview: the stances, figures and questions of one review state
// are those of the whole lists in that state, in the same order, on a
// generated case that has each state.
func TestReadsInReview(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		res, err := benchgen.Generate(ctx, db, benchgen.Options{Statements: 1500, Seed: 6})
		if err != nil {
			t.Fatal(err)
		}
		c := res.Case
		stances, err := db.Stances(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		figures, err := db.Figures(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		questions, err := db.Questions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		stanceKey := func(s *inquest.Stance) reviewed { return reviewed{s.ID, s.Review} }
		figureKey := func(f *inquest.Figure) reviewed { return reviewed{f.ID, f.Review} }
		questionKey := func(q *inquest.Question) reviewed { return reviewed{q.ID, q.Review} }
		for _, r := range []inquest.Review{inquest.Confirmed, inquest.Suggested, inquest.Rejected} {
			check := func(what string, all, got []reviewed, err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				var want []reviewed
				for _, x := range all {
					if x.review == r {
						want = append(want, x)
					}
				}
				if r == inquest.Suggested && len(want) == 0 {
					t.Fatalf("the generated case has no suggested %s", what)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %s: %d %v…, want %d %v…", r, what, len(got), got[:min(len(got), 5)], len(want), want[:min(len(want), 5)])
				}
			}
			in, err := db.StancesInReview(ctx, c.ID, r)
			check("stances", keysOf(stances, stanceKey), keysOf(in, stanceKey), err)
			fin, err := db.FiguresInReview(ctx, c.ID, r)
			check("figures", keysOf(figures, figureKey), keysOf(fin, figureKey), err)
			qin, err := db.QuestionsInReview(ctx, c.ID, r)
			check("questions", keysOf(questions, questionKey), keysOf(qin, questionKey), err)
		}
	})
}

// reviewed is a row of a list by its id and review state.
type reviewed struct {
	id     int64
	review inquest.Review
}

func keysOf[T any](list []T, key func(T) reviewed) []reviewed {
	out := make([]reviewed, 0, len(list))
	for _, x := range list {
		out = append(out, key(x))
	}
	return out
}
