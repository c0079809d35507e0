package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := store.WithActor(context.Background(), "admin")
		u := &inquest.User{Name: "aigerim", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 || u.CreatedAt.IsZero() {
			t.Fatalf("CreateUser left id %d, created_at %v", u.ID, u.CreatedAt)
		}
		if strings.Contains(u.PasswordHash, "correct horse") || !strings.HasPrefix(u.PasswordHash, "$argon2id$") {
			t.Fatalf("password stored as %q, want an argon2id hash", u.PasswordHash)
		}

		t.Run("bad input", func(t *testing.T) {
			for _, tc := range []struct {
				name     string
				role     inquest.Role
				password string
				code     string
			}{
				{"aigerim", inquest.RoleAnalyst, "another long password", inquest.ECONFLICT},
				{"", inquest.RoleAnalyst, "a long enough password", inquest.EINVALID},
				{"has space", inquest.RoleAnalyst, "a long enough password", inquest.EINVALID},
				{"bolat", "reader", "a long enough password", inquest.EINVALID},
				{"bolat", inquest.RoleEditor, "short", inquest.EINVALID},
			} {
				err := db.CreateUser(ctx, &inquest.User{Name: tc.name, Role: tc.role}, tc.password)
				if got := inquest.ErrorCode(err); got != tc.code {
					t.Errorf("CreateUser(%q, %q, %q) = %v, want code %s", tc.name, tc.role, tc.password, err, tc.code)
				}
			}
			users, err := db.Users(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(users) != 1 {
				t.Errorf("after refused creations there are %d users, want 1", len(users))
			}
		})

		t.Run("authenticate", func(t *testing.T) {
			for _, tc := range []struct {
				name, password string
				ok             bool
			}{
				{"aigerim", "correct horse battery", true},
				{"aigerim", "correct horse batterY", false},
				{"aigerim", "", false},
				{"nobody", "correct horse battery", false},
			} {
				got, err := db.Authenticate(ctx, tc.name, tc.password)
				if tc.ok {
					if err != nil || got.ID != u.ID {
						t.Errorf("Authenticate(%q, %q) = %v, %v; want user %d", tc.name, tc.password, got, err, u.ID)
					}
					continue
				}
				if inquest.ErrorCode(err) != inquest.EUNAUTHORIZED || got != nil {
					t.Errorf("Authenticate(%q, %q) = %v, %v; want EUNAUTHORIZED", tc.name, tc.password, got, err)
				}
			}
		})

		t.Run("role and password change, audited", func(t *testing.T) {
			secret, _, err := db.CreateSession(ctx, u.ID, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetUserRole(ctx, u.ID, inquest.RoleEditor); err != nil {
				t.Fatal(err)
			}
			got, err := db.UserByName(ctx, "aigerim")
			if err != nil || got.Role != inquest.RoleEditor {
				t.Fatalf("after SetUserRole: %v, %v; want editor", got, err)
			}
			if err := db.SetUserPassword(ctx, u.ID, "a brand new password"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Authenticate(ctx, "aigerim", "correct horse battery"); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
				t.Errorf("old password still works after a change: %v", err)
			}
			if _, err := db.Authenticate(ctx, "aigerim", "a brand new password"); err != nil {
				t.Errorf("new password refused: %v", err)
			}
			if _, _, err := db.SessionUser(ctx, secret); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
				t.Errorf("session survived a password change: %v", err)
			}
			log, err := db.AuditLog(ctx, "user", u.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range log {
				actions = append(actions, e.Action+" by "+e.Actor)
				if strings.Contains(e.Before+e.After, "argon2") || strings.Contains(e.Before+e.After, "password") && e.Action != "user.password" {
					t.Errorf("audit entry %s records secret material: %s → %s", e.Action, e.Before, e.After)
				}
			}
			want := "user.add by admin, user.role by admin, user.password by admin"
			if got := strings.Join(actions, ", "); got != want {
				t.Errorf("audit of the user = %s; want %s", got, want)
			}
			if id, err := db.VerifyAudit(ctx); err != nil || id != 0 {
				t.Errorf("VerifyAudit = %d, %v", id, err)
			}
		})
	})
}

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &inquest.User{Name: "bolat", Role: inquest.RoleEditor}
		if err := db.CreateUser(ctx, u, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		secret, s, err := db.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if len(secret) < 43 {
			t.Errorf("session secret %q is shorter than 32 random bytes", secret)
		}
		var stored int
		if err := db.RawQueryRow(ctx, "SELECT COUNT(*) FROM sessions WHERE token_sha256 = ?", secret).Scan(&stored); err != nil || stored != 0 {
			t.Errorf("the session secret itself is stored (%d rows, %v)", stored, err)
		}
		got, gs, err := db.SessionUser(ctx, secret)
		if err != nil || got.Name != "bolat" || got.Role != inquest.RoleEditor || !gs.ExpiresAt.Equal(s.ExpiresAt) {
			t.Fatalf("SessionUser = %v, %v, %v", got, gs, err)
		}
		if _, _, err := db.SessionUser(ctx, secret+"x"); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
			t.Errorf("an unknown secret gave %v, want EUNAUTHORIZED", err)
		}

		// Expiry: move the session's end into the past behind the store's back.
		if _, err := db.RawExec(ctx, "UPDATE sessions SET expires_at = created_at"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.SessionUser(ctx, secret); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
			t.Errorf("an expired session gave %v, want EUNAUTHORIZED", err)
		}

		secret2, _, err := db.CreateSession(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := db.RawQueryRow(ctx, "SELECT COUNT(*) FROM sessions").Scan(&n); err != nil || n != 1 {
			t.Errorf("after a new session the table holds %d sessions (%v), want 1: expired ones go", n, err)
		}
		if err := db.DeleteSession(ctx, secret2); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.SessionUser(ctx, secret2); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
			t.Errorf("a deleted session gave %v, want EUNAUTHORIZED", err)
		}
		if err := db.DeleteSession(ctx, secret2); err != nil {
			t.Errorf("logging out twice: %v", err)
		}
	})
}

func TestTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := &inquest.User{Name: "script", Role: inquest.RoleAnalyst}
		if err := db.CreateUser(ctx, u, "a long enough password"); err != nil {
			t.Fatal(err)
		}
		secret, tok, err := db.CreateToken(ctx, u.ID, "ci")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(secret, "inq_") || tok.ID == 0 {
			t.Errorf("CreateToken = %q, %+v", secret, tok)
		}
		got, err := db.TokenUser(ctx, secret)
		if err != nil || got.ID != u.ID {
			t.Fatalf("TokenUser = %v, %v", got, err)
		}
		for _, bad := range []string{"", "inq_", secret[:len(secret)-1], strings.TrimPrefix(secret, "inq_")} {
			if _, err := db.TokenUser(ctx, bad); inquest.ErrorCode(err) != inquest.EUNAUTHORIZED {
				t.Errorf("TokenUser(%q) = %v, want EUNAUTHORIZED", bad, err)
			}
		}
		toks, err := db.Tokens(ctx, u.ID)
		if err != nil || len(toks) != 1 || toks[0].Name != "ci" || toks[0].LastUsedAt.IsZero() {
			t.Errorf("Tokens = %+v, %v; want one token named ci, used", toks, err)
		}
		if _, _, err := db.CreateToken(ctx, 999, "x"); inquest.ErrorCode(err) != inquest.ENOTFOUND {
			t.Errorf("a token for no user: %v, want ENOTFOUND", err)
		}
	})
}
