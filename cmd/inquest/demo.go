package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/web"
)

func init() {
	register(&command{name: "demo", summary: "load the example case into a fresh workspace and serve it", run: runDemo})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--db FILE] [--addr HOST:PORT] [--load-only]")
	// Not dbFlag: the demo never writes into the workspace INQUEST_DB names
	// unless asked to by --db.
	dsn := fs.String("db", "", "keep the demo workspace in this SQLite file or postgres:// DSN (default: a temporary file, removed on exit)")
	addr := fs.String("addr", defaultAddr, "address to serve on")
	loadOnly := fs.Bool("load-only", false, "load the example case and exit without serving")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "demo takes no arguments (got %q)", pos[0])
	}
	where := *dsn
	if where == "" {
		dir, err := os.MkdirTemp("", "inquest-demo-")
		if err != nil {
			return fmt.Errorf("demo: temporary workspace: %w", err)
		}
		defer os.RemoveAll(dir)
		where = filepath.Join(dir, "demo.db")
	}
	db, err := openStore(ctx, where)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := demo.Load(ctx, db)
	if err != nil {
		return err
	}
	workspace := displayDSN(where)
	if *dsn == "" {
		workspace = "a temporary workspace"
	}
	fmt.Fprintf(e.stdout, "Loaded the example case %q into %s: %d sources (%d new), %d people, %d claims, %d statements confirmed.\n",
		res.Case.Title, workspace, len(res.Sources), res.NewSources, res.People, res.Claims, res.Confirmed)
	if *loadOnly {
		return nil
	}
	password, err := demoUser(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "To see the workspace, sign in at /login as %s with password %s (an editor; the password is new each run).\n", demoUserName, password)
	return serveUntilDone(ctx, e, db, web.Options{}, *addr, "/cases/"+res.Case.Slug, "Serving the demo")
}

// demoUserName is the editor the demo signs in as.
const demoUserName = "demo"

// demoUser makes the demo's editor with a fresh random password, or gives
// the existing one a fresh password (a --db kept from an earlier run), and
// returns the password.
func demoUser(ctx context.Context, db *store.DB) (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("demo password: %w", err)
	}
	password := base64.RawURLEncoding.EncodeToString(b[:])
	ctx = store.WithActor(ctx, "demo")
	u, err := db.UserByName(ctx, demoUserName)
	switch {
	case err == nil:
		err = db.SetUserPassword(ctx, u.ID, password)
	case inquest.ErrorCode(err) == inquest.ENOTFOUND:
		err = db.CreateUser(ctx, &inquest.User{Name: demoUserName, Role: inquest.RoleEditor}, password)
	}
	if err != nil {
		return "", fmt.Errorf("demo user: %w", err)
	}
	return password, nil
}
