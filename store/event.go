package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/inquest-project/inquest"
)

// AddEvent inserts e with its sources and sets ID. Events are entered by
// analysts, so each is audited.
func (db *DB) AddEvent(ctx context.Context, e *inquest.Event) error {
	switch {
	case e.CaseID == 0:
		return inquest.Errorf(inquest.EINVALID, "event %q has no case", e.Title)
	case e.Title == "":
		return inquest.Errorf(inquest.EINVALID, "event on %s has no title", e.On)
	}
	if err := e.On.Validate(); err != nil {
		return err
	}
	what := fmt.Sprintf("event %q", e.Title)
	return db.inTx(ctx, func(t *tx) error {
		err := t.row(ctx, `INSERT INTO events (case_id, on_date, title, description, private, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			e.CaseID, nullDate(e.On), e.Title, e.Description, e.Private, t.db.dialect.ts(now())).Scan(&e.ID)
		if err != nil {
			return domainError(err, what)
		}
		seen := map[int64]bool{}
		for _, sid := range e.SourceIDs {
			if seen[sid] {
				continue
			}
			seen[sid] = true
			if err := t.checkSource(ctx, sid, e.CaseID, what); err != nil {
				return err
			}
			if _, err := t.exec(ctx, "INSERT INTO event_sources (event_id, source_id) VALUES (?, ?)", e.ID, sid); err != nil {
				return domainError(err, fmt.Sprintf("%s: source %d", what, sid))
			}
		}
		return t.record(ctx, "event.add", "event", e.ID, nil, e)
	})
}

// Events lists the case's events by day, unknown days last, with their
// sources.
func (db *DB) Events(ctx context.Context, caseID int64) ([]*inquest.Event, error) {
	r := db.reader()
	rows, err := r.query(ctx, `SELECT id, case_id, on_date, title, description, private FROM events
		WHERE case_id = ? ORDER BY on_date IS NULL, on_date, id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("list events of case %d: %w", caseID, err)
	}
	var out []*inquest.Event
	byID := map[int64]*inquest.Event{}
	for rows.Next() {
		e := new(inquest.Event)
		var on sql.NullString
		if err := rows.Scan(&e.ID, &e.CaseID, &on, &e.Title, &e.Description, &e.Private); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list events of case %d: %w", caseID, err)
		}
		e.On = dateOf(on)
		out = append(out, e)
		byID[e.ID] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = r.query(ctx, `SELECT es.event_id, es.source_id FROM event_sources es JOIN events e ON e.id = es.event_id
		WHERE e.case_id = ? ORDER BY es.event_id, es.source_id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("list event sources of case %d: %w", caseID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var eid, sid int64
		if err := rows.Scan(&eid, &sid); err != nil {
			return nil, err
		}
		if e := byID[eid]; e != nil {
			e.SourceIDs = append(e.SourceIDs, sid)
		}
	}
	return out, rows.Err()
}
