package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inquest-project/inquest/benchgen/hugosite"
)

// needHugo skips without hugo, except under CI, which installs it.
func needHugo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("hugo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("hugo must be installed in CI (apt-get install hugo): %v", err)
		}
		t.Skipf("hugo is not installed (apt-get install hugo): %v", err)
	}
}

// TestBenchHugoBuildsTheSamePages runs the comparison on a small generated
// case: both builds must write the same pages, and each source page the
// same public quotations. 1,200 statements make the longer lists (the case
// page's sources and the timeline) run to a second page.
func TestBenchHugoBuildsTheSamePages(t *testing.T) {
	needHugo(t)
	dir := filepath.Join(t.TempDir(), "kept")
	code, stdout, stderr := runCLI(t, "", "bench", "hugo", "--statements", "1200", "--keep", dir, "--format", "json")
	if code != 0 {
		t.Fatalf("bench hugo = %d\n%s\n%s", code, stdout, stderr)
	}
	var got hugoComparison
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("bench hugo --format json printed %q: %v", stdout, err)
	}
	if got.Inquest.Pages == 0 || got.Hugo.Pages != got.Inquest.Pages {
		t.Errorf("pages: Inquest %d, Hugo %d; want the same, above zero", got.Inquest.Pages, got.Hugo.Pages)
	}
	if got.Ratio <= 0 || got.RatioCPU <= 0 || got.Inquest.PagesPerSecond <= 0 || got.Hugo.PagesPerSecond <= 0 {
		t.Errorf("ratio %v, by processor time %v, pages/s %v and %v; want all above zero", got.Ratio, got.RatioCPU,
			got.Inquest.PagesPerSecond, got.Hugo.PagesPerSecond)
	}
	if got.Statements == 0 || got.Sources == 0 || got.Broken != 0 {
		t.Errorf("case of %d statements in %d sources with %d broken links; want statements, sources and no broken link",
			got.Statements, got.Sources, got.Broken)
	}
	inquestPages, hugoPages := hugoTestPages(t, filepath.Join(dir, "inquest-out")), hugoTestPages(t, filepath.Join(dir, "hugo-out"))
	if len(inquestPages) != got.Inquest.Pages || len(hugoPages) != got.Hugo.Pages {
		t.Errorf("the outputs hold %d and %d pages, the report says %d and %d", len(inquestPages), len(hugoPages), got.Inquest.Pages, got.Hugo.Pages)
	}
	if _, ok := slices.BinarySearch(inquestPages, "en/index.html"); ok {
		t.Error("Inquest's export has en/index.html, a second copy of the English site")
	}
	if !slices.Equal(inquestPages, hugoPages) {
		t.Errorf("the two sites have different pages:\nonly Inquest: %v\nonly Hugo: %v", hugoTestMinus(inquestPages, hugoPages), hugoTestMinus(hugoPages, inquestPages))
	}
	for _, p := range []string{"cases/bench/page/2/index.html", "ru/cases/bench/timeline/page/2/index.html"} {
		if _, ok := slices.BinarySearch(hugoPages, p); !ok {
			t.Errorf("Hugo's site lacks the second page %s", p)
		}
	}
	// A source page shows the same public quotations in both: the Hugo
	// site applies the public view (confirmed statements only) as the
	// public site does.
	quote := regexp.MustCompile(`<li id="s-(\d+)"`)
	sources, quotes := 0, 0
	for _, p := range inquestPages {
		if !strings.HasPrefix(p, "ru/sources/") {
			continue
		}
		a, b := hugoTestRead(t, filepath.Join(dir, "inquest-out", p)), hugoTestRead(t, filepath.Join(dir, "hugo-out", p))
		ia, ib := quote.FindAllStringSubmatch(a, -1), quote.FindAllStringSubmatch(b, -1)
		if !slices.EqualFunc(ia, ib, func(x, y []string) bool { return x[1] == y[1] }) {
			t.Errorf("%s: Inquest shows quotations %v, Hugo %v", p, ia, ib)
		}
		if !strings.Contains(b, `<html lang="ru">`) || !strings.Contains(b, "Заявления") {
			t.Errorf("%s from Hugo is not in Russian", p)
		}
		sources, quotes = sources+1, quotes+len(ia)
	}
	if sources != got.Sources || quotes == 0 {
		t.Errorf("compared %d Russian source pages with %d quotations; want %d pages with quotations", sources, quotes, got.Sources)
	}
}

func TestBenchHugoBadInput(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--hugo", filepath.Join(t.TempDir(), "no-hugo-here")}, "apt-get install hugo"},
		{[]string{"--statements", "0"}, "--statements"},
		{[]string{"--keep", full, "--statements", "10"}, "not empty"},
		{[]string{"extra"}, "no arguments"},
		{[]string{"--format", "xml"}, "--format"},
	} {
		code, _, stderr := runCLI(t, "", append([]string{"bench", "hugo"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("bench hugo %v = %d %q, want an error naming %q", tc.args, code, stderr, tc.want)
		}
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Errorf("a refused --keep directory now holds %d entries, want its one file untouched", len(entries))
	}
}

// hugoTestPages lists the HTML pages under dir, relative and sorted.
func hugoTestPages(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if redirect, err := hugosite.IsRedirect(p, info.Size()); err != nil || redirect {
			return err // hugo's page/1/ of a paginated list is not a page
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func hugoTestMinus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			out = append(out, x)
		}
	}
	if len(out) > 10 {
		out = append(out[:10], "…")
	}
	return out
}

func hugoTestRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
