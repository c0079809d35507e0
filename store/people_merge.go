package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/inquest-project/inquest"
)

// MergePeople makes person from one with person into: from's statements,
// figures and questions name into instead; its names in languages into has
// no name for, its other names and aliases become into's aliases, its
// positions into's; then from is deleted. All of it happens in one
// transaction with one audit entry on into saying what moved. The merge
// cannot be undone by the program, but the audit entry keeps everything
// needed to redo it by hand. EINVALID when from and into are one person or
// by is missing; ENOTFOUND.
func (db *DB) MergePeople(ctx context.Context, from, into int64, by string) error {
	if from == into {
		return inquest.Errorf(inquest.EINVALID, "person %d cannot be merged into itself; choose another person", from)
	}
	if strings.TrimSpace(by) == "" {
		by = actorFrom(ctx)
	}
	ctx = WithActor(ctx, by)
	return db.inTx(ctx, func(t *tx) error {
		src, err := t.personBy(ctx, "id = ?", from)
		if err != nil {
			return notFound(err, fmt.Sprintf("person %d", from))
		}
		dst, err := t.personBy(ctx, "id = ?", into)
		if err != nil {
			return notFound(err, fmt.Sprintf("person %d", into))
		}
		moved := map[string]int64{}
		for _, u := range []struct{ what, query string }{
			{"statements", "UPDATE statements SET person_id = ? WHERE person_id = ?"},
			{"figures", "UPDATE figures SET claimant_id = ? WHERE claimant_id = ?"},
			{"questions asked", "UPDATE questions SET asker_id = ? WHERE asker_id = ?"},
			{"questions addressed", "UPDATE questions SET addressee_id = ? WHERE addressee_id = ?"},
		} {
			res, err := t.exec(ctx, u.query, into, from)
			if err != nil {
				return fmt.Errorf("merge person %s into %s: move %s: %w", src.Slug, dst.Slug, u.what, err)
			}
			n, _ := res.RowsAffected()
			moved[u.what] = n
		}

		// Names: a language into has no name for takes from's; every other
		// name of from, and its canonical name, becomes an alias.
		known := map[string]bool{strings.ToLower(dst.Name): true}
		for _, n := range dst.Names {
			known[strings.ToLower(n)] = true
		}
		for _, a := range dst.Aliases {
			known[strings.ToLower(a)] = true
		}
		var aliases []string
		addAlias := func(a string) {
			if a = strings.TrimSpace(a); a != "" && !known[strings.ToLower(a)] {
				known[strings.ToLower(a)] = true
				aliases = append(aliases, a)
			}
		}
		addAlias(src.Name)
		for _, lang := range sortedKeys(src.Names) {
			name := src.Names[lang]
			if _, has := dst.Names[lang]; !has {
				if _, err := t.exec(ctx, "INSERT INTO person_names (person_id, lang, name) VALUES (?, ?, ?)", into, lang, name); err != nil {
					return domainError(err, fmt.Sprintf("name of %s in %s", dst.Slug, lang))
				}
				known[strings.ToLower(name)] = true
				continue
			}
			addAlias(name)
		}
		for _, a := range src.Aliases {
			addAlias(a)
		}
		var maxOrd int
		if err := t.row(ctx, "SELECT COALESCE(MAX(ord), 0) FROM person_aliases WHERE person_id = ?", into).Scan(&maxOrd); err != nil {
			return fmt.Errorf("merge person %s: %w", src.Slug, err)
		}
		for i, a := range aliases {
			if _, err := t.exec(ctx, "INSERT INTO person_aliases (person_id, ord, alias) VALUES (?, ?, ?)", into, maxOrd+1+i, a); err != nil {
				return domainError(err, fmt.Sprintf("alias %q of %s", a, dst.Slug))
			}
		}
		if err := t.row(ctx, "SELECT COALESCE(MAX(ord), 0) FROM positions WHERE person_id = ?", into).Scan(&maxOrd); err != nil {
			return fmt.Errorf("merge person %s: %w", src.Slug, err)
		}
		res, err := t.exec(ctx, "UPDATE positions SET person_id = ?, ord = ord + ? WHERE person_id = ?", into, maxOrd+1000, from)
		if err != nil {
			return fmt.Errorf("merge person %s: move positions: %w", src.Slug, err)
		}
		moved["positions"], _ = res.RowsAffected()
		if _, err := t.exec(ctx, "DELETE FROM people WHERE id = ?", from); err != nil {
			return domainError(err, fmt.Sprintf("person %s", src.Slug))
		}
		type merged struct {
			Merged  *inquest.Person  `json:"merged"`
			Moved   map[string]int64 `json:"moved"`
			Aliases []string         `json:"aliases_added,omitempty"`
		}
		if err := t.record(ctx, "person.merge", "person", into, merged{Merged: src}, merged{Moved: moved, Aliases: aliases}); err != nil {
			return err
		}
		return t.record(ctx, "person.merge", "person", from, src, map[string]any{"merged_into": dst.Slug})
	})
}
