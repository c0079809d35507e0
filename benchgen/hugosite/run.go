package hugosite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoHugo is returned by Build when no hugo program can be found.
var ErrNoHugo = errors.New("hugo is not installed: install it with apt-get install hugo (the Debian package), or name it with --hugo PATH")

// Build is one run of hugo over a site.
type Build struct {
	Version string // hugo version's first line
	Pages   int    // HTML pages hugo wrote
	// Redirects are the HTML files that only send the reader elsewhere:
	// hugo writes one at page/1/ of every paginated list and one at /en/
	// (to /). They are not counted as pages.
	Redirects int
	Files     int           // every other file it wrote (the style sheet)
	Bytes     int64         // written in all
	Took      time.Duration // wall time of the hugo process
	CPU       time.Duration // user and system time of the hugo process
	MaxRSS    int64         // the hugo process's peak resident set, bytes (0 where unknown)
}

// PagesPerSecond is HTML pages written per second of wall time.
func (b Build) PagesPerSecond() float64 { return float64(b.Pages) / b.Took.Seconds() }

// Find returns the path of the hugo program (a path, or a name looked up
// on PATH), or ErrNoHugo.
func Find(hugo string) (string, error) {
	bin, err := exec.LookPath(hugo)
	if err != nil {
		return "", fmt.Errorf("%w (%v)", ErrNoHugo, err)
	}
	return bin, nil
}

// Run runs hugo (a path, or a name looked up on PATH) over the site in dir,
// writing into out, and times the hugo process alone.
func Run(ctx context.Context, hugo, dir, out string) (*Build, error) {
	bin, err := Find(hugo)
	if err != nil {
		return nil, err
	}
	b := &Build{}
	if v, err := exec.CommandContext(ctx, bin, "version").Output(); err == nil {
		b.Version, _, _ = strings.Cut(strings.TrimSpace(string(v)), "\n")
	}
	// hugo reads a relative --destination against --source.
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	if out, err = filepath.Abs(out); err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--quiet", "--source", dir, "--destination", out)
	cmd.Stderr, cmd.Stdout = &stderr, &stderr
	start := time.Now()
	err = cmd.Run()
	b.Took = time.Since(start)
	if err != nil {
		return nil, fmt.Errorf("hugo over %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	b.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	b.MaxRSS = maxRSS(cmd.ProcessState)
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			if redirect, err := IsRedirect(p, info.Size()); err != nil {
				return err
			} else if redirect {
				b.Redirects++
			} else {
				b.Pages++
			}
		} else {
			b.Files++
		}
		b.Bytes += info.Size()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count hugo's output: %w", err)
	}
	return b, nil
}

// IsRedirect reports whether the HTML file at p, of size bytes, is one of
// hugo's redirects (a meta refresh and nothing else) rather than a page.
func IsRedirect(p string, size int64) (bool, error) {
	if size > 1024 { // a redirect is a few hundred bytes; no page is that small
		return false, nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return false, err
	}
	return bytes.Contains(b, []byte(`http-equiv="refresh"`)), nil
}
