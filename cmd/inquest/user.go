package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"golang.org/x/term"
)

func init() {
	register(&command{name: "user add", summary: "add a user who signs in to the workspace", run: runUserAdd})
	register(&command{name: "user list", summary: "list the users and their roles", run: runUserList})
	register(&command{name: "user role", summary: "change a user's role", run: runUserRole})
	register(&command{name: "user password", summary: "set a user's password (ends their sessions)", run: runUserPassword})
}

func runUserAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "user add", "NAME --role analyst|editor|admin [--db DSN]   (password from standard input, or prompted)")
	role := fs.String("role", "", "analyst (reviews, links, writes), editor (also publishes) or admin (also manages users) (required)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give one user name, e.g. inquest user add aigerim --role analyst")
	}
	r := inquest.Role(*role)
	if !r.Valid() {
		return inquest.Errorf(inquest.EINVALID, "--role %q is not analyst, editor or admin", *role)
	}
	password, err := readPassword(e, "Password for "+pos[0]+": ", true)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u := &inquest.User{Name: pos[0], Role: r}
	if err := db.CreateUser(store.WithActor(ctx, cmp.Or(*by, "cli")), u, password); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s added as %s; they sign in at /login\n", u.Name, u.Role)
	return nil
}

// readPassword reads a password: one line of standard input when it is not
// a terminal (for scripts: echo "$PW" | inquest user add …), else prompted
// on the terminal without echo, twice when confirm is set.
func readPassword(e *env, prompt string, confirm bool) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, prompt)
		p, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if confirm {
			fmt.Fprint(e.stderr, "Again: ")
			again, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(e.stderr)
			if err != nil {
				return "", fmt.Errorf("read password: %w", err)
			}
			if string(again) != string(p) {
				return "", inquest.Errorf(inquest.EINVALID, "the two passwords differ; nothing was changed, try again")
			}
		}
		return string(p), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password from standard input: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", inquest.Errorf(inquest.EINVALID, "no password on standard input: pipe one line, e.g. printf '%%s\\n' \"$PASSWORD\" | inquest user add NAME --role analyst")
	}
	return line, nil
}

// userLine is one user in `user list --format json`.
type userLine struct {
	Name      string       `json:"name"`
	Role      inquest.Role `json:"role"`
	CreatedAt string       `json:"created_at"`
}

func runUserList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "user list", "[--format text|json] [--db DSN]")
	format := formatFlag(fs)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return inquest.Errorf(inquest.EINVALID, "user list takes no arguments (got %q)", pos[0])
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	users, err := db.Users(ctx)
	if err != nil {
		return err
	}
	lines := make([]userLine, 0, len(users))
	for _, u := range users {
		lines = append(lines, userLine{u.Name, u.Role, u.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")})
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(lines)
	}
	if len(lines) == 0 {
		fmt.Fprintln(e.stdout, "no users yet; add one with: inquest user add NAME --role admin")
		return nil
	}
	for _, l := range lines {
		fmt.Fprintf(e.stdout, "%-24s %-8s since %s\n", l.Name, l.Role, l.CreatedAt[:10])
	}
	return nil
}

func runUserRole(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "user role", "NAME analyst|editor|admin [--db DSN]")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return inquest.Errorf(inquest.EINVALID, "give a user name and a role, e.g. inquest user role aigerim editor")
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByName(ctx, pos[0])
	if err != nil {
		return err
	}
	if err := db.SetUserRole(store.WithActor(ctx, cmp.Or(*by, "cli")), u.ID, inquest.Role(pos[1])); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s is now %s\n", u.Name, pos[1])
	return nil
}

func runUserPassword(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "user password", "NAME [--db DSN]   (password from standard input, or prompted)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give one user name, e.g. inquest user password aigerim")
	}
	password, err := readPassword(e, "New password for "+pos[0]+": ", true)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByName(ctx, pos[0])
	if err != nil {
		return err
	}
	if err := db.SetUserPassword(store.WithActor(ctx, cmp.Or(*by, "cli")), u.ID, password); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "password of %s changed; their sessions have ended\n", u.Name)
	return nil
}
