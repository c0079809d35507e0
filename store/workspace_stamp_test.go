package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestWorkspaceStampMoves: the workspace keeps a case's derived figure
// series and its claims while the stamp stays, so every change another process makes to
// what they derive from must move it; reading, and review decisions on
// statements and stances, which the series do not read, must not.
func TestWorkspaceStampMoves(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		server, cli := serverAndCLI(t, dsn)
		c, src, claim, st := stampCase(t, cli)
		asylov := &inquest.Person{Slug: "asylov", Name: "Berik Asylov"}
		if err := cli.UpsertPerson(ctx, asylov); err != nil {
			t.Fatal(err)
		}
		fig := &inquest.Figure{CaseID: c.ID, SourceID: src.ID, Measure: "deaths", Text: "230", Value: 230, Start: 34, End: 37, Review: inquest.Suggested}
		stamp := func() string {
			t.Helper()
			s, err := server.WorkspaceStamp(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		last := stamp()
		steps := []struct {
			name  string
			do    func() error
			moves bool
		}{
			{"a statement added", func() error { return cli.AddStatement(ctx, st) }, true},
			{"a figure added", func() error { return cli.AddFigure(ctx, fig) }, true},
			{"the figures read", func() error { _, err := server.Figures(ctx, c.ID); return err }, false},
			{"a statement confirmed", func() error { return cli.SetStatementReview(ctx, st.ID, inquest.Confirmed, "test") }, false},
			{"a stance decided", func() error {
				return cli.DecideStance(ctx, st.ID, claim.ID, inquest.Denies, inquest.Confirmed, "test", "")
			}, false},
			{"a figure confirmed", func() error { return cli.SetFigureReview(ctx, fig.ID, inquest.Confirmed, "test") }, true},
			{"a statement given its speaker", func() error {
				got, err := cli.Statement(ctx, st.ID)
				if err != nil {
					return err
				}
				got.PersonID = asylov.ID
				return cli.UpdateStatement(ctx, got, got.UpdatedAt)
			}, true},
			{"a person's alias added", func() error {
				asylov.Aliases = []string{"Асылов"}
				return cli.UpsertPerson(ctx, asylov)
			}, true},
			{"a claim reworded", func() error {
				claim.Text = "Foreign fighters attacked."
				return cli.UpsertClaim(ctx, claim)
			}, true},
			{"a claim's text in Russian added", func() error {
				claim.Texts = map[string]string{"ru": "Напали иностранные боевики."}
				return cli.UpsertClaim(ctx, claim)
			}, true},
			{"a measure added", func() error {
				return cli.UpsertMeasure(ctx, &inquest.Measure{CaseID: c.ID, Slug: "detained", Name: "Detained"})
			}, true},
		}
		for _, step := range steps {
			if err := step.do(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			got := stamp()
			if moved := got != last; moved != step.moves {
				t.Errorf("%s: the stamp went from %s to %s; want it moved: %v", step.name, last, got, step.moves)
			}
			last = got
		}
	})
}
