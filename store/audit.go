package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/inquest-project/inquest"
)

// Audit appends e to the hash chain in a transaction of its own, filling ID,
// At, PrevHash and Hash. An empty Actor is taken from the context (WithActor)
// or recorded as "system".
func (db *DB) Audit(ctx context.Context, e *inquest.AuditEntry) error {
	if e.Action == "" || e.Entity == "" {
		return inquest.Errorf(inquest.EINVALID, "audit entry needs an action and an entity")
	}
	return db.inTx(ctx, func(t *tx) error { return t.appendAudit(ctx, e) })
}

// record appends an audit entry for a change made in t, in the same
// transaction, so that a change and its record commit or fail together.
// before and after are rendered as JSON; nil renders as nothing.
func (t *tx) record(ctx context.Context, action, entity string, id int64, before, after any) error {
	return t.appendAudit(ctx, &inquest.AuditEntry{
		Action: action, Entity: entity, EntityID: id,
		Before: auditJSON(before), After: auditJSON(after),
	})
}

// appendAudit links e to the last entry and inserts it. Ids are assigned
// here, one more than the last, because the hash covers the id; the dialect's
// audit lock keeps two writers from appending after the same entry.
func (t *tx) appendAudit(ctx context.Context, e *inquest.AuditEntry) error {
	if err := t.db.dialect.lockAudit(ctx, t.tx); err != nil {
		return fmt.Errorf("lock audit log: %w", err)
	}
	var lastID int64
	var lastHash string
	err := t.row(ctx, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").Scan(&lastID, &lastHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read last audit entry: %w", err)
	}
	if e.Actor == "" {
		e.Actor = actorFrom(ctx)
	}
	e.ID = lastID + 1
	e.At = now()
	e.PrevHash = lastHash
	e.Hash = e.ComputeHash()
	_, err = t.exec(ctx, `INSERT INTO audit_log (id, actor, at, action, entity, entity_id, before, after, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.Actor, t.db.dialect.ts(e.At), e.Action, e.Entity, e.EntityID, e.Before, e.After, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("append audit entry %s %s %d: %w", e.Action, e.Entity, e.EntityID, err)
	}
	return nil
}

// VerifyAudit walks the chain in id order and returns the id of the first
// entry that is broken: its hash does not match its fields (the row was
// edited), or its prev_hash or id does not follow the entry before it (a row
// was deleted or inserted). It returns 0 when the chain is intact. Deleting
// the newest entries leaves a shorter chain that is still intact: that much
// only a copy of the last hash kept elsewhere can reveal.
func (db *DB) VerifyAudit(ctx context.Context) (int64, error) {
	rows, err := db.reader().query(ctx, `SELECT id, actor, at, action, entity, entity_id, before, after, prev_hash, hash
		FROM audit_log ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var prev inquest.AuditEntry
	for rows.Next() {
		var e inquest.AuditEntry
		if err := rows.Scan(&e.ID, &e.Actor, scanTime{&e.At}, &e.Action, &e.Entity, &e.EntityID,
			&e.Before, &e.After, &e.PrevHash, &e.Hash); err != nil {
			return 0, fmt.Errorf("read audit log: %w", err)
		}
		if e.ID != prev.ID+1 || e.PrevHash != prev.Hash || e.ComputeHash() != e.Hash {
			return e.ID, nil
		}
		prev = e
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read audit log: %w", err)
	}
	return 0, nil
}

// AuditLog returns the entries about one entity (entity "" for all), oldest
// first, at most limit of them (0 for all).
func (db *DB) AuditLog(ctx context.Context, entity string, entityID int64, limit int) ([]*inquest.AuditEntry, error) {
	query := `SELECT id, actor, at, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log`
	var args []any
	if entity != "" {
		query += " WHERE entity = ? AND entity_id = ?"
		args = append(args, entity, entityID)
	}
	query += " ORDER BY id"
	if limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := db.reader().query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close()
	var out []*inquest.AuditEntry
	for rows.Next() {
		e := new(inquest.AuditEntry)
		if err := rows.Scan(&e.ID, &e.Actor, scanTime{&e.At}, &e.Action, &e.Entity, &e.EntityID,
			&e.Before, &e.After, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("read audit log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
