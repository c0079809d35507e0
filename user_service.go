package inquest

import (
	"context"
	"time"
)

// Session is a signed-in browser. Its secret lives only in the browser's
// cookie; the store keeps the secret's SHA-256, so that a copy of the
// database does not let anyone sign in.
type Session struct {
	UserID     int64     `json:"user_id"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
}

// APIToken lets a script use the JSON API as a user. Like a session, only
// the SHA-256 of its secret is stored; the secret is shown once, at creation.
type APIToken struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"user_id"`
	Name       string    `json:"name"`
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at,omitzero"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
}

// MinPasswordLength is the shortest password CreateUser accepts.
const MinPasswordLength = 10

// UserService keeps the people who sign in to the workspace. Passwords are
// hashed by the implementation (argon2id); callers never see a hash.
type UserService interface {
	// CreateUser stores u with the password, filling ID and CreatedAt.
	// EINVALID for an empty or malformed name, an unknown role or a password
	// shorter than MinPasswordLength; ECONFLICT when the name is taken.
	CreateUser(ctx context.Context, u *User, password string) error
	// UserByName and UserByID return ENOTFOUND for an unknown user.
	UserByName(ctx context.Context, name string) (*User, error)
	UserByID(ctx context.Context, id int64) (*User, error)
	// Users returns every user, by name.
	Users(ctx context.Context) ([]*User, error)
	// SetUserRole changes a user's role (audited). ENOTFOUND, EINVALID.
	SetUserRole(ctx context.Context, id int64, role Role) error
	// SetUserPassword replaces a user's password and ends the user's
	// sessions. ENOTFOUND, EINVALID.
	SetUserPassword(ctx context.Context, id int64, password string) error
	// Authenticate returns the user whose name and password these are, or
	// EUNAUTHORIZED with the same message whether the name is unknown or the
	// password wrong, taking the same time either way.
	Authenticate(ctx context.Context, name, password string) (*User, error)
}

// SessionService keeps signed-in browsers.
type SessionService interface {
	// CreateSession starts a session for the user lasting ttl and returns its
	// secret (for the cookie), which is not stored.
	CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, *Session, error)
	// SessionUser returns the user and session of a secret; EUNAUTHORIZED
	// when the secret is unknown or the session has expired.
	SessionUser(ctx context.Context, secret string) (*User, *Session, error)
	// DeleteSession ends the session of a secret; an unknown secret is not an
	// error (logging out twice is fine).
	DeleteSession(ctx context.Context, secret string) error
	// DeleteUserSessions ends every session of a user.
	DeleteUserSessions(ctx context.Context, userID int64) error
}

// TokenService keeps API tokens.
type TokenService interface {
	// CreateToken makes a token for the user and returns its secret, which is
	// not stored and cannot be shown again. ENOTFOUND for an unknown user.
	CreateToken(ctx context.Context, userID int64, name string) (string, *APIToken, error)
	// TokenUser returns the user of a token secret; EUNAUTHORIZED when the
	// secret is unknown or expired.
	TokenUser(ctx context.Context, secret string) (*User, error)
	// Tokens lists a user's tokens, without secrets.
	Tokens(ctx context.Context, userID int64) ([]*APIToken, error)
}

// AuditReader reads the audit log.
type AuditReader interface {
	// AuditLog returns the entries about one entity (entity "" for all),
	// oldest first, at most limit of them (0 for all).
	AuditLog(ctx context.Context, entity string, entityID int64, limit int) ([]*AuditEntry, error)
}

// Accounts is what the web layer needs to sign people in and to record who
// changed what. WithActor returns a context whose store changes are recorded
// in the audit log as done by name.
type Accounts interface {
	UserService
	SessionService
	TokenService
	AuditReader
	WithActor(ctx context.Context, name string) context.Context
}
