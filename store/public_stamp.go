package store

import (
	"context"
	"fmt"
	"strings"
)

// publicStampParts are what PublicStamp reads. The public-change count
// (migrations 0008–0010) moves at every update and deletion that may take
// something off the public site; what it does not count are additions,
// which move a table's greatest id, and confirmations (an update of a
// statement, stance, figure or question that was not confirmed, or of a
// contradiction that was not), which move the count of confirmed rows.
var publicStampParts = []string{
	"(SELECT epoch FROM public_epoch WHERE id = 1)",
	"(SELECT count(*) FROM statements WHERE case_id = ? AND review = 'confirmed')",
	// Stances have no case of their own; every case's are counted.
	"(SELECT count(*) FROM stances WHERE review = 'confirmed')",
	"(SELECT count(*) FROM figures WHERE case_id = ? AND review = 'confirmed')",
	"(SELECT count(*) FROM questions WHERE case_id = ? AND review = 'confirmed')",
	"(SELECT count(*) FROM contradictions WHERE case_id = ? AND status = 'confirmed')",
	"(SELECT coalesce(max(id), 0) FROM sources)",
	"(SELECT coalesce(max(id), 0) FROM statements)",
	"(SELECT coalesce(max(id), 0) FROM claims)",
	"(SELECT coalesce(max(id), 0) FROM people)",
	"(SELECT coalesce(max(id), 0) FROM positions)",
	"(SELECT coalesce(max(id), 0) FROM events)",
	"(SELECT coalesce(max(id), 0) FROM measures)",
	"(SELECT coalesce(max(id), 0) FROM chapter_versions)",
	// Tables without an id of their own: small, or empty in most cases.
	"(SELECT count(*) FROM person_names)",
	"(SELECT count(*) FROM person_aliases)",
	"(SELECT count(*) FROM position_aliases)",
	"(SELECT count(*) FROM claim_texts)",
	"(SELECT count(*) FROM event_sources)",
	"(SELECT count(*) FROM statement_translations)",
}

// PublicStamp implements inquest.RecordReads: the parts above, joined.
func (db *DB) PublicStamp(ctx context.Context, caseID int64) (string, error) {
	query := "SELECT " + strings.Join(publicStampParts, ", ")
	args := make([]any, strings.Count(query, "?"))
	for i := range args {
		args[i] = caseID
	}
	vals := make([]int64, len(publicStampParts))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := db.reader().row(ctx, query, args...).Scan(ptrs...); err != nil {
		return "", fmt.Errorf("read the public stamp of case %d: %w", caseID, err)
	}
	return fmt.Sprint(vals), nil
}
