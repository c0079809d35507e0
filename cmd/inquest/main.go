// Command inquest is the one binary of Inquest: the workspace server, the
// stateless extractor, ingest, checks, exports and maintenance. This package
// only wires the other packages together; each subcommand lives in its own
// file and registers itself in commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/inquest-project/inquest"
)

// command is one subcommand. run receives the arguments after the command
// name (and after a sub-subcommand name, for groups such as "case list").
type command struct {
	name    string // "ingest", or "case create" for a group member
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// exitError carries an exit code chosen by a command (e.g. verify finding a
// mismatch) without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	code := run(ctx, e, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a command and turns its error into an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := lookup(args[1:]); c != nil {
				return run(ctx, e, append(strings.Fields(c.name), "-h"))
			}
		}
		usage(e.stdout)
		return 0
	}
	c := lookup(args)
	if c == nil {
		fmt.Fprintf(e.stderr, "inquest: unknown command %q. Run 'inquest help' for the list.\n", strings.Join(args[:min(2, len(args))], " "))
		return 2
	}
	err := c.run(ctx, e, args[len(strings.Fields(c.name)):])
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(e.stderr, "inquest %s: %v\n", c.name, err)
	if inquest.ErrorCode(err) == inquest.EINVALID || inquest.ErrorCode(err) == inquest.ENOTFOUND {
		return 2
	}
	return 1
}

// errUsage is returned after a flag set has already printed what was wrong.
var errUsage = errors.New("usage")

// lookup finds the longest registered name that prefixes args.
func lookup(args []string) *command {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c
		}
	}
	return commands[args[0]]
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Inquest keeps a verifiable record of what officials said in an investigation,
finds where their versions clash, and publishes assessments that cite every source.

Usage: inquest COMMAND [flags]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-22s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Every command that uses the workspace takes --db DSN (or INQUEST_DB): a SQLite
file (default ./inquest.db, created on first use) or postgres://user@host/db.

Run 'inquest help COMMAND' or 'inquest COMMAND -h' for a command's flags.
`)
}

// newFlags returns a flag set that prints its usage to e.stderr and returns
// errors instead of exiting.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: inquest %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, allowing flags after positional arguments
// ("case create SLUG --title T"), and returns the positional arguments. A flag
// error has already been reported by the flag set and becomes errUsage.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// dbFlag adds --db to fs with INQUEST_DB or ./inquest.db as its default.
func dbFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("INQUEST_DB")
	if def == "" {
		def = "inquest.db"
	}
	return fs.String("db", def, "workspace database: a SQLite file or a postgres:// DSN (env INQUEST_DB)")
}

// formatFlag adds --format text|json to fs.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "output format: text or json")
}

// checkFormat returns an EINVALID error unless f is one of allowed.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return inquest.Errorf(inquest.EINVALID, "--format %q is not one of %s", f, strings.Join(allowed, ", "))
}
