package store

import (
	"context"
	"fmt"
	"time"

	"github.com/inquest-project/inquest"
)

// UpdateStatement saves an analyst's edit of a statement: its speaker
// (PersonID, SpeakerName, SpeakerRole), the day said, the venue, the review
// and the note. The quotation and its span are evidence and stay as they
// are. readAt is the UpdatedAt of the statement as the analyst read it; the
// edit is saved only if nobody changed the statement since, so that two
// analysts editing the same statement at once never silently overwrite each
// other: the second gets ECONFLICT and reloads. On success s holds the
// statement as stored, with its new UpdatedAt (the version the next edit
// must present). ENOTFOUND; EINVALID.
//
// UpdatedAt serves as the version because every change of a statement sets
// it; it is kept strictly increasing here, so two edits in the same
// microsecond still get different versions.
func (db *DB) UpdateStatement(ctx context.Context, s *inquest.Statement, readAt time.Time) error {
	if s.ID == 0 {
		return inquest.Errorf(inquest.EINVALID, "update statement: no statement id given")
	}
	if readAt.IsZero() {
		return inquest.Errorf(inquest.EINVALID, "update statement %d: the version read (its updated_at) is missing; read the statement first", s.ID)
	}
	if !s.Review.Valid() {
		return inquest.Errorf(inquest.EINVALID, "statement %d: review %q is not suggested, confirmed or rejected", s.ID, s.Review)
	}
	if err := s.SaidOn.Validate(); err != nil {
		return err
	}
	by := actorFrom(ctx)
	return db.inTx(ctx, func(t *tx) error {
		d := t.db.dialect
		olds, err := queryStatements(ctx, t.q, "s.id = ?", "", s.ID)
		if err != nil {
			return fmt.Errorf("read statement %d: %w", s.ID, err)
		}
		if len(olds) == 0 {
			return inquest.Errorf(inquest.ENOTFOUND, "statement %d does not exist", s.ID)
		}
		old := olds[0]
		if !old.UpdatedAt.Equal(readAt.UTC().Truncate(time.Microsecond)) {
			return statementConflict(old, readAt)
		}
		at := now()
		if !at.After(old.UpdatedAt) {
			at = old.UpdatedAt.Add(time.Microsecond)
		}
		reviewSet := ""
		args := []any{nullID(s.PersonID), s.SpeakerName, s.SpeakerRole, nullDate(s.SaidOn), s.Venue, string(s.Review), s.Note, d.ts(at)}
		if s.Review != old.Review {
			reviewSet = ", reviewed_by = ?, reviewed_at = ?"
			args = append(args, by, d.ts(at))
		}
		// The version is checked again in the UPDATE itself: on PostgreSQL
		// another transaction may have committed since our read.
		res, err := t.exec(ctx, `UPDATE statements SET person_id = ?, speaker_name = ?, speaker_role = ?, said_on = ?, venue = ?,
				review = ?, note = ?, updated_at = ?`+reviewSet+` WHERE id = ? AND updated_at = ?`,
			append(args, s.ID, d.ts(old.UpdatedAt))...)
		if err != nil {
			return domainError(err, fmt.Sprintf("statement %d", s.ID))
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return fmt.Errorf("update statement %d: %w", s.ID, err)
			}
			// Changed between our read and the update (on PostgreSQL): read
			// it again, so that the message names the change that won.
			current := old
			if again, err := queryStatements(ctx, t.q, "s.id = ?", "", s.ID); err == nil && len(again) == 1 {
				current = again[0]
			}
			return statementConflict(current, readAt)
		}
		type edit struct {
			PersonID    int64          `json:"person_id,omitempty"`
			SpeakerName string         `json:"speaker,omitempty"`
			SpeakerRole string         `json:"speaker_role,omitempty"`
			SaidOn      inquest.Date   `json:"said_on,omitempty"`
			Venue       string         `json:"venue,omitempty"`
			Review      inquest.Review `json:"review"`
			NoteChanged bool           `json:"note_changed,omitempty"` // the note is private: not copied into the log
		}
		before := edit{old.PersonID, old.SpeakerName, old.SpeakerRole, old.SaidOn, old.Venue, old.Review, false}
		after := edit{s.PersonID, s.SpeakerName, s.SpeakerRole, s.SaidOn, s.Venue, s.Review, s.Note != old.Note}
		if err := t.record(ctx, "statement.edit", "statement", s.ID, before, after); err != nil {
			return err
		}
		stored := *old
		stored.PersonID, stored.SpeakerName, stored.SpeakerRole = s.PersonID, s.SpeakerName, s.SpeakerRole
		stored.SaidOn, stored.Venue, stored.Review, stored.Note, stored.UpdatedAt = s.SaidOn, s.Venue, s.Review, s.Note, at
		*s = stored
		return nil
	})
}

// statementConflict is the error for an edit of a statement that changed
// since the editor read it; it says when, and what to do.
func statementConflict(current *inquest.Statement, readAt time.Time) error {
	return inquest.Errorf(inquest.ECONFLICT,
		"statement %d was changed by someone else at %s, after you read it (at version %s); reload it, check their change, and make your edit again",
		current.ID, current.UpdatedAt.Format(time.RFC3339Nano), readAt.UTC().Format(time.RFC3339Nano))
}
