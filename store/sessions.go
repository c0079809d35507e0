package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/inquest-project/inquest"
)

// Sessions and API tokens are random 32-byte secrets given to the browser or
// script once; the database keeps only their SHA-256 (see migration 0001).

// newSecret returns a random 32-byte secret, URL-safe base64, and its hash.
func newSecret() (string, string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", fmt.Errorf("random secret: %w", err)
	}
	secret := base64.RawURLEncoding.EncodeToString(b[:])
	return secret, secretHash(secret), nil
}

func secretHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// lastUseEvery limits the writes of a session's or an API token's last use
// to one in five minutes each: "last used" needs no finer grain, and on
// SQLite every write, however small, makes each reader drop its page cache
// (store.go), which held a busy server's pages for some 100 ms each time
// analysts' sessions came due together.
const lastUseEvery = 5 * time.Minute

// writeLastUse records at as the last use of the session or API token
// (table, with its column of the last use) of token hash.
func (db *DB) writeLastUse(ctx context.Context, table, column, hash string, at time.Time) error {
	return db.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "UPDATE "+table+" SET "+column+" = ? WHERE token_sha256 = ?", db.dialect.ts(at), hash)
		return err
	})
}

// CreateSession starts a session of the user lasting ttl.
func (db *DB) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, *inquest.Session, error) {
	if ttl <= 0 {
		return "", nil, inquest.Errorf(inquest.EINVALID, "a session must last some time (got %s)", ttl)
	}
	secret, hash, err := newSecret()
	if err != nil {
		return "", nil, err
	}
	at := now()
	s := &inquest.Session{UserID: userID, CreatedAt: at, ExpiresAt: at.Add(ttl), LastSeenAt: at}
	d := db.dialect
	err = db.inTx(ctx, func(t *tx) error {
		// Expired sessions go when new ones come, so the table stays small
		// without a janitor.
		if _, err := t.exec(ctx, "DELETE FROM sessions WHERE expires_at < ?", d.ts(at)); err != nil {
			return fmt.Errorf("remove expired sessions: %w", err)
		}
		_, err := t.exec(ctx, `INSERT INTO sessions (token_sha256, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
			hash, userID, d.ts(s.CreatedAt), d.ts(s.ExpiresAt), d.ts(s.LastSeenAt))
		return domainError(err, fmt.Sprintf("session of user %d", userID))
	})
	if err != nil {
		return "", nil, err
	}
	return secret, s, nil
}

var errNoSession = inquest.Errorf(inquest.EUNAUTHORIZED, "Your session has ended; sign in again.")

// SessionUser returns the user and session of a secret. EUNAUTHORIZED.
func (db *DB) SessionUser(ctx context.Context, secret string) (*inquest.User, *inquest.Session, error) {
	if secret == "" {
		return nil, nil, errNoSession
	}
	hash := secretHash(secret)
	s := new(inquest.Session)
	var role string
	u := new(inquest.User)
	err := db.reader().row(ctx, `SELECT s.user_id, s.created_at, s.expires_at, s.last_seen_at,
			u.id, u.name, u.role, u.password_hash, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_sha256 = ? AND NOT u.disabled`, hash).Scan(&s.UserID, scanTime{&s.CreatedAt}, scanTime{&s.ExpiresAt},
		scanTime{&s.LastSeenAt}, &u.ID, &u.Name, &role, &u.PasswordHash, scanTime{&u.CreatedAt})
	if err != nil {
		if inquest.ErrorCode(notFound(err, "session")) == inquest.ENOTFOUND {
			return nil, nil, errNoSession
		}
		return nil, nil, fmt.Errorf("read session: %w", err)
	}
	u.Role = inquest.Role(role)
	at := now()
	if !at.Before(s.ExpiresAt) {
		return nil, nil, errNoSession
	}
	// The last use is written behind the request, by one request of the
	// session at a time; those that read the session meanwhile leave it
	// to that one. Written in the request, it held that moment's pages on
	// a busy SQLite server for 150-450 ms (BENCHMARKS.md). A write that
	// fails leaves the last use older than it was, nothing more: the
	// session's expiry does not depend on it.
	if at.Sub(s.LastSeenAt) >= lastUseEvery {
		s.LastSeenAt = at
		if _, busy := db.touching.LoadOrStore(hash, true); !busy {
			go db.touchSession(context.WithoutCancel(ctx), hash, at)
		}
	}
	return u, s, nil
}

// touchSession writes the last use of the session of token hash.
func (db *DB) touchSession(ctx context.Context, hash string, at time.Time) {
	defer db.touching.Delete(hash)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_ = db.writeLastUse(ctx, "sessions", "last_seen_at", hash, at)
}

// DeleteSession ends the session of a secret.
func (db *DB) DeleteSession(ctx context.Context, secret string) error {
	return db.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "DELETE FROM sessions WHERE token_sha256 = ?", secretHash(secret))
		if err != nil {
			return fmt.Errorf("end session: %w", err)
		}
		return nil
	})
}

// DeleteUserSessions ends every session of a user.
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	return db.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", userID)
		if err != nil {
			return fmt.Errorf("end sessions of user %d: %w", userID, err)
		}
		return nil
	})
}
