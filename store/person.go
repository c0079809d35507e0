package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/inquest-project/inquest"
)

const personColumns = `id, slug, kind, name, private, note, created_at`

// UpsertPerson inserts p, or replaces the names, aliases and positions of the
// person with the same slug, and sets ID. Two fields are never lost by a
// re-import that leaves them out: a person once marked private stays private
// (a protected name must not become public because a people file did not say
// so), and an empty note keeps the note already stored. p is updated to what
// is stored.
func (db *DB) UpsertPerson(ctx context.Context, p *inquest.Person) error {
	if p.Kind == "" {
		p.Kind = inquest.ActorPerson
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(t *tx) error {
		before, err := t.personBy(ctx, "slug = ?", p.Slug)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("person %q: %w", p.Slug, err)
		}
		at := t.db.dialect.ts(now())
		err = t.row(ctx, `INSERT INTO people (slug, kind, name, private, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, name = excluded.name,
				private = (people.private OR excluded.private),
				note = CASE WHEN excluded.note <> '' THEN excluded.note ELSE people.note END,
				updated_at = excluded.updated_at
			RETURNING id, private, note, created_at`,
			p.Slug, string(p.Kind), p.Name, p.Private, p.Note, at, at).Scan(&p.ID, &p.Private, &p.Note, scanTime{&p.CreatedAt})
		if err != nil {
			return domainError(err, fmt.Sprintf("person %q", p.Slug))
		}
		for _, table := range []string{"person_names", "person_aliases", "positions"} {
			// position_aliases go with their positions (ON DELETE CASCADE).
			if _, err := t.exec(ctx, "DELETE FROM "+table+" WHERE person_id = ?", p.ID); err != nil {
				return fmt.Errorf("person %q: clear %s: %w", p.Slug, table, err)
			}
		}
		langs := make([]string, 0, len(p.Names))
		for lang := range p.Names {
			langs = append(langs, lang)
		}
		sort.Strings(langs)
		for _, lang := range langs {
			if _, err := t.exec(ctx, "INSERT INTO person_names (person_id, lang, name) VALUES (?, ?, ?)", p.ID, lang, p.Names[lang]); err != nil {
				return domainError(err, fmt.Sprintf("person %q: name in %s", p.Slug, lang))
			}
		}
		for i, alias := range p.Aliases {
			if _, err := t.exec(ctx, "INSERT INTO person_aliases (person_id, ord, alias) VALUES (?, ?, ?)", p.ID, i, alias); err != nil {
				return domainError(err, fmt.Sprintf("person %q: alias %q", p.Slug, alias))
			}
		}
		for i := range p.Positions {
			pos := &p.Positions[i]
			err := t.row(ctx, `INSERT INTO positions (person_id, ord, title, organisation, from_date, to_date, approximate)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				p.ID, i, pos.Title, pos.Organisation, nullDate(pos.From), nullDate(pos.To), pos.Approximate).Scan(&pos.ID)
			if err != nil {
				return domainError(err, fmt.Sprintf("person %q: position %q", p.Slug, pos.Title))
			}
			for j, alias := range pos.Aliases {
				if _, err := t.exec(ctx, "INSERT INTO position_aliases (position_id, ord, alias) VALUES (?, ?, ?)", pos.ID, j, alias); err != nil {
					return domainError(err, fmt.Sprintf("person %q: position alias %q", p.Slug, alias))
				}
			}
		}
		action := "person.create"
		var beforeJSON any
		if before != nil {
			action, beforeJSON = "person.update", before
		}
		return t.record(ctx, action, "person", p.ID, beforeJSON, p)
	})
}

// Person returns one person with positions. ENOTFOUND.
func (db *DB) Person(ctx context.Context, id int64) (*inquest.Person, error) {
	p, err := personBy(ctx, db.reader(), "id = ?", id)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("person %d", id))
	}
	return p, nil
}

// PersonBySlug returns one person with positions. ENOTFOUND.
func (db *DB) PersonBySlug(ctx context.Context, slug string) (*inquest.Person, error) {
	p, err := personBy(ctx, db.reader(), "slug = ?", slug)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("person %q", slug))
	}
	return p, nil
}

// People lists every person with names, aliases and positions, ordered by name.
func (db *DB) People(ctx context.Context) ([]*inquest.Person, error) {
	r := db.reader()
	people, err := queryPeople(ctx, r, "SELECT "+personColumns+" FROM people ORDER BY name, slug")
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	if err := attachPersonDetails(ctx, r, people, ""); err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return people, nil
}

func (t *tx) personBy(ctx context.Context, where string, arg any) (*inquest.Person, error) {
	return personBy(ctx, t.q, where, arg)
}

// personBy loads the one person matching where, with details. sql.ErrNoRows
// when there is none.
func personBy(ctx context.Context, r q, where string, arg any) (*inquest.Person, error) {
	people, err := queryPeople(ctx, r, "SELECT "+personColumns+" FROM people WHERE "+where, arg)
	if err != nil {
		return nil, err
	}
	if len(people) == 0 {
		return nil, sql.ErrNoRows
	}
	if err := attachPersonDetails(ctx, r, people, "person_id = ?", people[0].ID); err != nil {
		return nil, err
	}
	return people[0], nil
}

func queryPeople(ctx context.Context, r q, query string, args ...any) ([]*inquest.Person, error) {
	rows, err := r.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*inquest.Person
	for rows.Next() {
		p := new(inquest.Person)
		var kind string
		if err := rows.Scan(&p.ID, &p.Slug, &kind, &p.Name, &p.Private, &p.Note, scanTime{&p.CreatedAt}); err != nil {
			return nil, err
		}
		p.Kind = inquest.ActorKind(kind)
		out = append(out, p)
	}
	return out, rows.Err()
}

// attachPersonDetails loads names, aliases and positions for people, with
// one query per table rather than per person. filter restricts by person_id
// ("" loads every person's).
func attachPersonDetails(ctx context.Context, r q, people []*inquest.Person, filter string, args ...any) error {
	if len(people) == 0 {
		return nil
	}
	byID := make(map[int64]*inquest.Person, len(people))
	for _, p := range people {
		byID[p.ID] = p
	}
	where := ""
	if filter != "" {
		where = " WHERE " + filter
	}
	rows, err := r.query(ctx, "SELECT person_id, lang, name FROM person_names"+where+" ORDER BY person_id, lang", args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var lang, name string
		if err := rows.Scan(&id, &lang, &name); err != nil {
			rows.Close()
			return err
		}
		if p := byID[id]; p != nil {
			if p.Names == nil {
				p.Names = map[string]string{}
			}
			p.Names[lang] = name
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	rows, err = r.query(ctx, "SELECT person_id, alias FROM person_aliases"+where+" ORDER BY person_id, ord", args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var alias string
		if err := rows.Scan(&id, &alias); err != nil {
			rows.Close()
			return err
		}
		if p := byID[id]; p != nil {
			p.Aliases = append(p.Aliases, alias)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	// Positions, and their aliases in the same pass (LEFT JOIN, ordered so
	// that a position's alias rows follow each other).
	rows, err = r.query(ctx, `SELECT p.person_id, p.id, p.title, p.organisation, p.from_date, p.to_date, p.approximate, a.alias
		FROM positions p LEFT JOIN position_aliases a ON a.position_id = p.id`+prefixWhere(where, "p.")+`
		ORDER BY p.person_id, p.ord, a.ord`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var personID int64
		var pos inquest.Position
		var from, to, alias sql.NullString
		if err := rows.Scan(&personID, &pos.ID, &pos.Title, &pos.Organisation, &from, &to, &pos.Approximate, &alias); err != nil {
			return err
		}
		p := byID[personID]
		if p == nil {
			continue
		}
		if n := len(p.Positions); n == 0 || p.Positions[n-1].ID != pos.ID {
			pos.From, pos.To = dateOf(from), dateOf(to)
			p.Positions = append(p.Positions, pos)
		}
		if alias.Valid {
			last := &p.Positions[len(p.Positions)-1]
			last.Aliases = append(last.Aliases, alias.String)
		}
	}
	return rows.Err()
}

// prefixWhere qualifies the person_id of a " WHERE person_id = ?" clause.
func prefixWhere(where, p string) string {
	if where == "" {
		return ""
	}
	return " WHERE " + p + where[len(" WHERE "):]
}
