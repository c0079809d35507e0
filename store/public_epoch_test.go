package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// The public-change count moves when something a public page shows is
// changed or withdrawn, by any handle on the database, and stays when
// material is only added or confirmed (which never takes anything off the
// public site).
func TestPublicEpochCountsWithdrawals(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		// Changes come from another handle, as from the command line or
		// another instance.
		server, cli := serverAndCLI(t, dsn)
		epoch := func() int64 {
			t.Helper()
			n, err := server.PublicEpoch(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		c := storetest.NewCase(t, cli, "epoch")
		person := &inquest.Person{Slug: "witness", Name: "A Witness"}
		if err := cli.UpsertPerson(ctx, person); err != nil {
			t.Fatal(err)
		}
		src := storetest.NewSource(t, cli, c.ID, "report", "report bytes", "The witness said: \"They were not there.\"")
		st := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, PersonID: person.ID, SpeakerName: person.Name,
			Text: "They were not there.", Start: 0, End: 5, Review: inquest.Suggested}
		if err := cli.AddStatement(ctx, st); err != nil {
			t.Fatal(err)
		}
		before := epoch()
		storetest.NewSource(t, cli, c.ID, "another", "more bytes", "Nothing withdrawn here.")
		if got := epoch(); got != before {
			t.Errorf("adding a source moved the public-change count from %d to %d", before, got)
		}
		// Confirming adds to the public site and takes nothing off it.
		if err := cli.SetStatementReview(ctx, st.ID, inquest.Confirmed, "tester"); err != nil {
			t.Fatal(err)
		}
		if got := epoch(); got != before {
			t.Errorf("confirming a statement moved the public-change count from %d to %d", before, got)
		}
		steps := []struct {
			name   string
			change func() error
		}{
			{"confirmed statement rejected", func() error { return cli.SetStatementReview(ctx, st.ID, inquest.Rejected, "tester") }},
			{"person made private", func() error { person.Private = true; return cli.UpsertPerson(ctx, person) }},
		}
		for _, step := range steps {
			was := epoch()
			if err := step.change(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if got := epoch(); got <= was {
				t.Errorf("%s: the public-change count stayed at %d; other servers would keep their cached pages", step.name, got)
			}
		}
	})
}
