package store

import (
	"database/sql"
	"encoding/json"

	"github.com/inquest-project/inquest"
)

// The domain uses zero values for "none" (an id of 0, a Date of ""); the
// database uses NULL, so that foreign keys and "unknown day" mean what they
// say. These helpers convert at the boundary.

// nullID returns NULL for id 0.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullDate returns NULL for an unknown day.
func nullDate(d inquest.Date) any {
	if d == "" {
		return nil
	}
	return string(d)
}

// idOf returns the id held by a nullable column, 0 for NULL.
func idOf(n sql.NullInt64) int64 {
	if !n.Valid {
		return 0
	}
	return n.Int64
}

// dateOf returns the day held by a nullable column, "" for NULL.
func dateOf(n sql.NullString) inquest.Date {
	if !n.Valid {
		return ""
	}
	return inquest.Date(n.String)
}

// auditJSON renders v for the before/after of an audit entry; nil gives "".
func auditJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return ""
	}
	return string(b)
}
