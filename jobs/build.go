package jobs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// siteMarker is the file a build leaves at the top of a site it wrote. A
// build replaces an existing directory only if it has this file (or is
// empty), so that a mistyped --out cannot wipe out something else.
const siteMarker = ".inquest-site"

// buildStatic builds a case's static site into a temporary directory next
// to the target and renames it into place at the end: readers of the old
// site see it whole until the new one replaces it, and a build that fails
// or is cancelled leaves the old site as it was and no half-written one.
// Its result counts what the new site holds and says where it is.
func buildStatic(ctx context.Context, opt HandlerOptions, j *Job) error {
	var a BuildStaticArgs
	if err := j.Decode(&a); err != nil {
		return err
	}
	target, err := siteTarget(opt.SiteDir, a)
	if err != nil {
		return Permanent(err)
	}
	if err := checkReplaceable(target); err != nil {
		return Permanent(err)
	}
	parent, base := filepath.Split(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".building-")
	if err != nil {
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	swapped := false
	defer func() {
		if !swapped {
			_ = os.RemoveAll(tmp)
		}
	}()
	into := a
	into.Dir = tmp
	var total int64
	err = opt.BuildSite(ctx, into, func(done, known int64) error {
		total = known
		return j.Progress(ctx, done, known)
	})
	if err == nil {
		err = context.Cause(ctx) // a cancel that came while the build finished
	}
	if err != nil {
		switch inquest.ErrorCode(err) {
		case inquest.EINVALID, inquest.ENOTFOUND:
			return Permanent(err) // not public, no such case: no retry cures it
		}
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	// Counted on disk, before the marker, so that the result is what the
	// site holds whichever builder wrote it.
	res, err := countSite(tmp)
	if err != nil {
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	res.Dir = target
	marker := fmt.Sprintf("Built by Inquest (job %d, %s). A new build replaces this directory.\n", j.ID, time.Now().UTC().Format(time.RFC3339))
	if err := os.WriteFile(filepath.Join(tmp, siteMarker), []byte(marker), 0o644); err != nil {
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	if err := swapDir(tmp, target); err != nil {
		return fmt.Errorf("build %s: %w", a.Slug, err)
	}
	swapped = true
	if err := j.SetResult(res); err != nil {
		return err
	}
	return j.Progress(ctx, total, total)
}

// countSite counts the files of a built site: HTML pages, everything else,
// and their bytes.
func countSite(dir string) (inquest.BuildStaticJobResult, error) {
	var res inquest.BuildStaticJobResult
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if strings.EqualFold(filepath.Ext(path), ".html") {
			res.Pages++
		} else {
			res.Files++
		}
		res.Bytes += fi.Size()
		return nil
	})
	return res, err
}

// siteTarget is the absolute directory a build writes: the one it names,
// else the site directory joined with the case's slug.
func siteTarget(siteDir string, a BuildStaticArgs) (string, error) {
	if a.CaseID == 0 || a.Slug == "" {
		return "", inquest.Errorf(inquest.EINVALID, "a static build needs a case (case_id and slug)")
	}
	dir := a.Dir
	if dir == "" {
		if a.Slug == "." || a.Slug == ".." || strings.ContainsAny(a.Slug, `/\`) {
			return "", inquest.Errorf(inquest.EINVALID, "case slug %q cannot name a directory", a.Slug)
		}
		if siteDir == "" {
			return "", inquest.Errorf(inquest.EINVALID, "this worker has no site directory: give 'inquest serve' or 'inquest worker' --site-dir DIR, or name a directory with --out")
		}
		dir = filepath.Join(siteDir, a.Slug)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", inquest.Errorf(inquest.EINVALID, "site directory %q: %v", dir, err)
	}
	if abs == filepath.Dir(abs) {
		return "", inquest.Errorf(inquest.EINVALID, "site directory %q is the root of the file system; name a directory of its own", dir)
	}
	return abs, nil
}

// checkReplaceable refuses a target that exists and is neither empty nor a
// site an earlier build wrote.
func checkReplaceable(target string) error {
	fi, err := os.Stat(target)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("site directory %s: %w", target, err)
	}
	if !fi.IsDir() {
		return inquest.Errorf(inquest.EINVALID, "%s is a file, not a directory; choose another place for the site", target)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return fmt.Errorf("site directory %s: %w", target, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(target, siteMarker)); err != nil {
		return inquest.Errorf(inquest.EINVALID, "%s holds files that no Inquest build wrote (it has no %s); a build would replace them, so choose an empty or new directory", target, siteMarker)
	}
	return nil
}

// swapDir puts the directory built at tmp in the place of target: the old
// site is renamed aside, the new one into place, and the old one removed.
// If the second rename fails, the old site is put back.
func swapDir(tmp, target string) error {
	old := ""
	if _, err := os.Stat(target); err == nil {
		parent, base := filepath.Split(target)
		aside, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(aside, "site")
		if err := os.Rename(target, old); err != nil {
			_ = os.Remove(aside)
			return err
		}
		defer os.RemoveAll(aside)
	}
	if err := os.Rename(tmp, target); err != nil {
		if old != "" {
			_ = os.Rename(old, target)
		}
		return err
	}
	return nil
}
