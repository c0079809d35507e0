package main

import (
	"cmp"
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
)

func init() {
	register(&command{name: "token create", summary: "make an API token for a user and print it once", run: runTokenCreate})
}

func runTokenCreate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "token create", "USER [--name NAME] [--db DSN]")
	name := fs.String("name", "", "what the token is for, e.g. the script that uses it (default: token)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give one user name, e.g. inquest token create aigerim")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByName(ctx, pos[0])
	if err != nil {
		if inquest.ErrorCode(err) == inquest.ENOTFOUND {
			return inquest.Errorf(inquest.ENOTFOUND, "there is no user %s; add one with 'inquest user add %s --role analyst'", pos[0], pos[0])
		}
		return err
	}
	secret, _, err := db.CreateToken(store.WithActor(ctx, cmp.Or(*by, "cli")), u.ID, *name)
	if err != nil {
		return err
	}
	// The secret alone on stdout, so that scripts can capture it; the
	// advice on stderr.
	fmt.Fprintln(e.stdout, secret)
	fmt.Fprintf(e.stderr, "API token for %s (%s). It is shown only now: keep it secret. Use it as 'Authorization: Bearer TOKEN' on /api/v1/.\n", u.Name, u.Role)
	return nil
}
