package inquest

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// AuditEntry records one change: who, when, what, before and after. Entries
// are append-only and each carries the hash of the one before it, so that a
// row deleted or edited behind the program's back breaks the chain.
type AuditEntry struct {
	ID       int64     `json:"id"`
	Actor    string    `json:"actor"`
	At       time.Time `json:"at"`
	Action   string    `json:"action"` // e.g. "source.add", "statement.review"
	Entity   string    `json:"entity"` // e.g. "source"
	EntityID int64     `json:"entity_id"`
	Before   string    `json:"before,omitempty"` // JSON
	After    string    `json:"after,omitempty"`  // JSON
	PrevHash string    `json:"prev_hash"`
	Hash     string    `json:"hash"`
}

// ComputeHash returns the hash that chains e to its predecessor: SHA-256 over
// the previous hash and every recorded field, in a fixed unambiguous encoding.
func (e *AuditEntry) ComputeHash() string {
	var b strings.Builder
	for _, f := range []string{
		e.PrevHash, strconv.FormatInt(e.ID, 10), e.Actor, e.At.UTC().Format(time.RFC3339Nano),
		e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10), e.Before, e.After,
	} {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
