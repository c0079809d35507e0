package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

var _ inquest.Accounts = (*DB)(nil)

// WithActor is WithActor as a method, so that packages that know the store
// only as inquest.Accounts (web) can record who made a change.
func (db *DB) WithActor(ctx context.Context, name string) context.Context {
	return WithActor(ctx, name)
}

// validUserName reports why name cannot be a user name, or "" when it can:
// 1-64 letters, digits, '.', '_', '-' or '@', so that names show the same in
// the audit log, on the command line and in a URL.
func validUserName(name string) string {
	if name == "" {
		return "a user name is needed"
	}
	if utf8.RuneCountInString(name) > 64 {
		return "a user name has at most 64 characters"
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@", r) {
			return fmt.Sprintf("%q is not allowed in a user name (use letters, digits, '.', '_', '-', '@')", r)
		}
	}
	return ""
}

func validPassword(password string) error {
	if utf8.RuneCountInString(password) < inquest.MinPasswordLength {
		return inquest.Errorf(inquest.EINVALID, "the password is too short: use at least %d characters", inquest.MinPasswordLength)
	}
	if len(password) > 1024 {
		return inquest.Errorf(inquest.EINVALID, "the password is too long: use at most 1024 bytes")
	}
	return nil
}

// userAudit is what the audit log records of a user: never the hash.
type userAudit struct {
	Name string       `json:"name"`
	Role inquest.Role `json:"role"`
}

// CreateUser stores u with its password hashed. EINVALID; ECONFLICT.
func (db *DB) CreateUser(ctx context.Context, u *inquest.User, password string) error {
	if msg := validUserName(u.Name); msg != "" {
		return inquest.Errorf(inquest.EINVALID, "user %q: %s", u.Name, msg)
	}
	if !u.Role.Valid() {
		return inquest.Errorf(inquest.EINVALID, "user %s: role %q is not analyst, editor or admin", u.Name, u.Role)
	}
	if err := validPassword(password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	at := now()
	return db.inTx(ctx, func(t *tx) error {
		err := t.row(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
			u.Name, string(u.Role), hash, t.db.dialect.ts(at)).Scan(&u.ID)
		if err != nil {
			if classify(err) == errUnique {
				return inquest.Errorf(inquest.ECONFLICT, "user %s already exists; pick another name", u.Name)
			}
			return domainError(err, "user "+u.Name)
		}
		u.PasswordHash = hash
		u.CreatedAt = at
		return t.record(ctx, "user.add", "user", u.ID, nil, userAudit{u.Name, u.Role})
	})
}

const userCols = "id, name, role, password_hash, created_at"

func scanUser(row interface{ Scan(...any) error }) (*inquest.User, error) {
	u := new(inquest.User)
	var role string
	if err := row.Scan(&u.ID, &u.Name, &role, &u.PasswordHash, scanTime{&u.CreatedAt}); err != nil {
		return nil, err
	}
	u.Role = inquest.Role(role)
	return u, nil
}

// UserByName returns the user called name. ENOTFOUND.
func (db *DB) UserByName(ctx context.Context, name string) (*inquest.User, error) {
	u, err := scanUser(db.reader().row(ctx, "SELECT "+userCols+" FROM users WHERE name = ? AND NOT disabled", name))
	if err != nil {
		return nil, notFound(err, "user "+name)
	}
	return u, nil
}

// UserByID returns the user with the id. ENOTFOUND.
func (db *DB) UserByID(ctx context.Context, id int64) (*inquest.User, error) {
	u, err := scanUser(db.reader().row(ctx, "SELECT "+userCols+" FROM users WHERE id = ? AND NOT disabled", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("user %d", id))
	}
	return u, nil
}

// Users returns every user, by name.
func (db *DB) Users(ctx context.Context) ([]*inquest.User, error) {
	rows, err := db.reader().query(ctx, "SELECT "+userCols+" FROM users WHERE NOT disabled ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []*inquest.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetUserRole changes a user's role, recording the change. ENOTFOUND; EINVALID.
func (db *DB) SetUserRole(ctx context.Context, id int64, role inquest.Role) error {
	if !role.Valid() {
		return inquest.Errorf(inquest.EINVALID, "role %q is not analyst, editor or admin", role)
	}
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanUser(t.row(ctx, "SELECT "+userCols+" FROM users WHERE id = ?", id))
		if err != nil {
			return notFound(err, fmt.Sprintf("user %d", id))
		}
		if old.Role == role {
			return nil
		}
		if _, err := t.exec(ctx, "UPDATE users SET role = ? WHERE id = ?", string(role), id); err != nil {
			return domainError(err, "user "+old.Name)
		}
		return t.record(ctx, "user.role", "user", id, userAudit{old.Name, old.Role}, userAudit{old.Name, role})
	})
}

// SetUserPassword replaces a user's password and ends the user's sessions,
// so that a password changed because it leaked locks the leaker out.
func (db *DB) SetUserPassword(ctx context.Context, id int64, password string) error {
	if err := validPassword(password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(t *tx) error {
		old, err := scanUser(t.row(ctx, "SELECT "+userCols+" FROM users WHERE id = ?", id))
		if err != nil {
			return notFound(err, fmt.Sprintf("user %d", id))
		}
		if _, err := t.exec(ctx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id); err != nil {
			return domainError(err, "user "+old.Name)
		}
		if _, err := t.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", id); err != nil {
			return fmt.Errorf("end sessions of user %s: %w", old.Name, err)
		}
		return t.record(ctx, "user.password", "user", id, nil, userAudit{old.Name, old.Role})
	})
}

// errBadLogin is the one answer to a failed login, whichever part was wrong.
var errBadLogin = inquest.Errorf(inquest.EUNAUTHORIZED, "The user name or password is wrong.")

// Authenticate returns the user whose name and password these are, or
// EUNAUTHORIZED. An unknown name costs the same hash as a wrong password.
func (db *DB) Authenticate(ctx context.Context, name, password string) (*inquest.User, error) {
	u, err := scanUser(db.reader().row(ctx, "SELECT "+userCols+" FROM users WHERE name = ? AND NOT disabled", name))
	if err != nil {
		if inquest.ErrorCode(notFound(err, "user")) == inquest.ENOTFOUND {
			checkPassword(dummyHash(), password)
			return nil, errBadLogin
		}
		return nil, fmt.Errorf("sign in %s: %w", name, err)
	}
	if !checkPassword(u.PasswordHash, password) {
		return nil, errBadLogin
	}
	return u, nil
}
