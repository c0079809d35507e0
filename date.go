package inquest

import (
	"fmt"
	"time"
)

// Date is a calendar day as YYYY-MM-DD, or "" when unknown. Statements are said
// on a day, not at an instant, and a day string sorts, compares and stores the
// same way in SQLite, PostgreSQL, JSON and CSV.
type Date string

// DateLayout is the layout of a Date for time.Parse.
const DateLayout = "2006-01-02"

// ParseDate parses s as YYYY-MM-DD. The empty string and "unknown" give "".
func ParseDate(s string) (Date, error) {
	if s == "" || s == "unknown" || s == "null" {
		return "", nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return "", Errorf(EINVALID, "date %q is not YYYY-MM-DD", s)
	}
	return Date(s), nil
}

// DateOf returns the day of t in UTC.
func DateOf(t time.Time) Date { return Date(t.UTC().Format(DateLayout)) }

// Known reports whether the day is known.
func (d Date) Known() bool { return d != "" }

// Time returns midnight UTC of the day, or the zero time when unknown.
func (d Date) Time() time.Time {
	t, err := time.Parse(DateLayout, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// DaysUntil returns the whole days from d to other; both must be known.
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

// Within reports whether d lies in [from, to], where an unknown bound is open.
// An unknown d lies within every range.
func (d Date) Within(from, to Date) bool {
	if !d.Known() {
		return true
	}
	if from.Known() && d < from {
		return false
	}
	if to.Known() && d > to {
		return false
	}
	return true
}

func (d Date) String() string {
	if d == "" {
		return "unknown"
	}
	return string(d)
}

// Validate reports whether d is "" or a real day.
func (d Date) Validate() error {
	if d == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, string(d)); err != nil {
		return fmt.Errorf("date %q: %w", string(d), Errorf(EINVALID, "date %q is not YYYY-MM-DD", string(d)))
	}
	return nil
}
