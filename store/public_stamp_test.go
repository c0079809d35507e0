package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestPublicStampMoves: a server reloads a case's public record only when
// its stamp moves, so every change another process makes that may show on
// the public site must move it, and reading must not.
func TestPublicStampMoves(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		// Changes come from another handle, as from the command line or
		// another instance.
		server, cli := serverAndCLI(t, dsn)
		c, src, claim, st := stampCase(t, cli)
		if err := cli.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		stamp := func() string {
			t.Helper()
			s, err := server.PublicStamp(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		last := stamp()
		if _, err := server.StatementKeys(ctx, c.ID, inquest.Confirmed); err != nil {
			t.Fatal(err)
		}
		if got := stamp(); got != last {
			t.Errorf("reading moved the stamp from %s to %s", last, got)
		}
		// A suggestion shows nowhere public: adding one may leave the stamp.
		fig := &inquest.Figure{CaseID: c.ID, SourceID: src.ID, Measure: "deaths", Text: "230", Value: 230, Start: 34, End: 37, Review: inquest.Suggested}
		if err := cli.AddFigure(ctx, fig); err != nil {
			t.Fatal(err)
		}
		last = stamp()
		for _, change := range []struct {
			name string
			do   func() error
		}{
			{"a statement confirmed", func() error { return cli.SetStatementReview(ctx, st.ID, inquest.Confirmed, "test") }},
			{"a stance added", func() error {
				return cli.AddStance(ctx, &inquest.Stance{StatementID: st.ID, ClaimID: claim.ID, Stance: inquest.Denies, Review: inquest.Confirmed})
			}},
			{"a figure confirmed", func() error { return cli.SetFigureReview(ctx, fig.ID, inquest.Confirmed, "test") }},
			{"a source added", func() error {
				storetest.NewSource(t, cli, c.ID, "majilis-2", "another original", "Another text.")
				return nil
			}},
			{"a person added", func() error { return cli.UpsertPerson(ctx, &inquest.Person{Slug: "asylov", Name: "Berik Asylov"}) }},
			{"a confirmed statement changed", func() error { return cli.SetStatementReview(ctx, st.ID, inquest.Rejected, "test") }},
		} {
			if err := change.do(); err != nil {
				t.Fatalf("%s: %v", change.name, err)
			}
			got := stamp()
			if got == last {
				t.Errorf("%s: the stamp stayed %s", change.name, got)
			}
			last = got
		}
	})
}

// stampCase makes the case the stamp tests change: one source with a
// statement and a figure in its text, and a claim; the statement is not
// stored yet.
func stampCase(t *testing.T, db *store.DB) (*inquest.Case, *inquest.Source, *inquest.Claim, *inquest.Statement) {
	t.Helper()
	c := storetest.NewCase(t, db, "stamp")
	src := storetest.NewSource(t, db, c.ID, "majilis-1", "original", "They were not there. The toll was 230.")
	claim := &inquest.Claim{CaseID: c.ID, Slug: "foreign-terrorists", Text: "Foreign terrorists attacked."}
	if err := db.UpsertClaim(context.Background(), claim); err != nil {
		t.Fatal(err)
	}
	st := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, SpeakerName: "Berik Asylov", Text: "They were not there.",
		Start: 0, End: 20, Language: "en", Review: inquest.Suggested}
	return c, src, claim, st
}
