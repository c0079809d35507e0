package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/inquest-project/inquest"
)

func init() {
	register(&command{name: "people", summary: "import actors (inquest people import)", run: groupUsage("people", "import")})
	register(&command{name: "people import", summary: "import actors, their names and positions from a people file", run: runPeopleImport})
}

func runPeopleImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "people import", "FILE   (the format of corpus/dev/people.json; - reads standard input)")
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one people file, e.g. inquest people import people.json")
	}
	// The whole file is read and checked before anything is stored, so a bad
	// file changes nothing.
	people, err := readImportFile(e, pos[0], inquest.ReadPeople)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	existing, err := db.People(ctx)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, p := range existing {
		known[p.Slug] = true
	}
	added, updated := 0, 0
	for _, p := range people {
		if err := db.UpsertPerson(ctx, p); err != nil {
			return fmt.Errorf("store person %s (after %d stored): %w", p.Slug, added+updated, err)
		}
		if known[p.Slug] {
			updated++
		} else {
			added++
		}
	}
	fmt.Fprintf(e.stdout, "imported %d people from %s: %d new, %d updated\n", len(people), pos[0], added, updated)
	return nil
}

// readImportFile opens name (or standard input for "-") and decodes it with
// read, which names the file in its errors.
func readImportFile[T any](e *env, name string, read func(string, io.Reader) ([]T, error)) ([]T, error) {
	if name == "-" {
		return read("standard input", e.stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, inquest.Errorf(inquest.ENOTFOUND, "%s does not exist", name)
		}
		return nil, inquest.Errorf(inquest.EINVALID, "%s cannot be read: %v", name, err)
	}
	defer f.Close()
	return read(name, f)
}
