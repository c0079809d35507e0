package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// tokenPrefix marks Inquest's API tokens, so that a token pasted somewhere
// it should not be is recognisable (and a secret scanner can match it).
const tokenPrefix = "inq_"

// CreateToken makes an API token for the user; the secret is returned once.
func (db *DB) CreateToken(ctx context.Context, userID int64, name string) (string, *inquest.APIToken, error) {
	u, err := db.UserByID(ctx, userID)
	if err != nil {
		return "", nil, err
	}
	if strings.TrimSpace(name) == "" {
		name = "token"
	}
	secret, _, err := newSecret()
	if err != nil {
		return "", nil, err
	}
	secret = tokenPrefix + secret
	tok := &inquest.APIToken{UserID: u.ID, Name: name, CreatedAt: now()}
	err = db.inTx(ctx, func(t *tx) error {
		err := t.row(ctx, `INSERT INTO api_tokens (user_id, name, token_sha256, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			u.ID, name, secretHash(secret), t.db.dialect.ts(tok.CreatedAt)).Scan(&tok.ID)
		if err != nil {
			return domainError(err, "API token of user "+u.Name)
		}
		return t.record(ctx, "token.create", "user", u.ID, nil, map[string]any{"token_id": tok.ID, "name": name})
	})
	if err != nil {
		return "", nil, err
	}
	return secret, tok, nil
}

var errBadToken = inquest.Errorf(inquest.EUNAUTHORIZED, "The API token is unknown or has expired; make a new one with 'inquest token create USER'.")

// TokenUser returns the user of a token secret. EUNAUTHORIZED.
func (db *DB) TokenUser(ctx context.Context, secret string) (*inquest.User, error) {
	if !strings.HasPrefix(secret, tokenPrefix) {
		return nil, errBadToken
	}
	hash := secretHash(secret)
	var expires, used time.Time
	var role string
	u := new(inquest.User)
	err := db.reader().row(ctx, `SELECT k.expires_at, k.last_used_at, u.id, u.name, u.role, u.password_hash, u.created_at
		FROM api_tokens k JOIN users u ON u.id = k.user_id
		WHERE k.token_sha256 = ? AND NOT u.disabled`, hash).Scan(scanTime{&expires}, scanTime{&used},
		&u.ID, &u.Name, &role, &u.PasswordHash, scanTime{&u.CreatedAt})
	if err != nil {
		if inquest.ErrorCode(notFound(err, "token")) == inquest.ENOTFOUND {
			return nil, errBadToken
		}
		return nil, fmt.Errorf("read API token: %w", err)
	}
	u.Role = inquest.Role(role)
	at := now()
	if !expires.IsZero() && !at.Before(expires) {
		return nil, errBadToken
	}
	if at.Sub(used) >= lastUseEvery {
		if err := db.writeLastUse(ctx, "api_tokens", "last_used_at", hash, at); err != nil {
			return nil, fmt.Errorf("touch API token: %w", err)
		}
	}
	return u, nil
}

// Tokens lists a user's tokens, newest first, without secrets.
func (db *DB) Tokens(ctx context.Context, userID int64) ([]*inquest.APIToken, error) {
	rows, err := db.reader().query(ctx, `SELECT id, user_id, name, created_at, expires_at, last_used_at
		FROM api_tokens WHERE user_id = ? ORDER BY id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	defer rows.Close()
	var out []*inquest.APIToken
	for rows.Next() {
		k := new(inquest.APIToken)
		if err := rows.Scan(&k.ID, &k.UserID, &k.Name, scanTime{&k.CreatedAt}, scanTime{&k.ExpiresAt}, scanTime{&k.LastUsedAt}); err != nil {
			return nil, fmt.Errorf("list API tokens: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
