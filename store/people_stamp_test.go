package store_test

import (
	"context"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestPeopleStamp: the workspace keeps its list of people while the stamp
// stays; every change another process makes to what the list shows must
// move it, and reading must not.
func TestPeopleStamp(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		// Changes come from another handle, as from the command line or
		// another instance.
		server, cli := serverAndCLI(t, dsn)
		stamp := func() string {
			t.Helper()
			s, err := server.PeopleStamp(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		a := &inquest.Person{Slug: "asylov", Name: "Berik Asylov"}
		b := &inquest.Person{Slug: "tokayev", Name: "Kassym-Jomart Tokayev"}
		for _, p := range []*inquest.Person{a, b} {
			if err := cli.UpsertPerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		last := stamp()
		if _, err := server.PeopleNames(ctx); err != nil {
			t.Fatal(err)
		}
		if got := stamp(); got != last {
			t.Errorf("reading the people moved the stamp from %s to %s", last, got)
		}
		for _, change := range []struct {
			name string
			do   func() error
		}{
			{"a person added", func() error {
				return cli.UpsertPerson(ctx, &inquest.Person{Slug: "witness", Name: "A Witness"})
			}},
			{"a person renamed", func() error {
				a.Name = "Berik Asylov (Prosecutor General)"
				return cli.UpsertPerson(ctx, a)
			}},
			{"a person made private", func() error {
				a.Private = true
				return cli.UpsertPerson(ctx, a)
			}},
			{"two people merged", func() error { return cli.MergePeople(ctx, b.ID, a.ID, "test") }},
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
