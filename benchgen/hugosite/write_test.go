package hugosite_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/benchgen/hugosite"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestWriteKeepsPrivateMaterialOut writes the site of a small case holding
// private and unconfirmed material: only what the public site shows may
// reach the content files, and each public page gets one, in each of the
// four copies of the site.
func TestWriteKeepsPrivateMaterialOut(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	c := storetest.NewCase(t, db, "probe")
	c.Public = true
	must(t, db.UpdateCase(ctx, c))
	open := &inquest.Person{Slug: "open", Kind: inquest.ActorPerson, Name: "Open Speaker", Names: map[string]string{"ru": "Открытый Оратор"}}
	hidden := &inquest.Person{Slug: "hidden", Kind: inquest.ActorPerson, Name: "Secret Name", Private: true}
	must(t, db.UpsertPerson(ctx, open))
	must(t, db.UpsertPerson(ctx, hidden))
	claim := &inquest.Claim{CaseID: c.ID, Slug: "shots", Text: "Shots were fired", Texts: map[string]string{"ru": "Стреляли"}}
	secret := &inquest.Claim{CaseID: c.ID, Slug: "secret", Text: "PRIVATE CLAIM TEXT", Private: true}
	must(t, db.UpsertClaim(ctx, claim))
	must(t, db.UpsertClaim(ctx, secret))
	text := "Confirmed words. Suggested words. Hidden words."
	src := storetest.NewSource(t, db, c.ID, "https://example.org/a", text, text)
	private := &inquest.Source{CaseID: c.ID, Locator: "https://example.org/b", Title: "PRIVATE SOURCE TITLE", Text: "PRIVATE SOURCE TEXT",
		Private: true, RetrievedAt: time.Now()}
	private, _, err := db.AddSource(ctx, private, []byte("PRIVATE SOURCE TEXT"))
	must(t, err)
	add := func(person int64, words string, start int, r inquest.Review) *inquest.Statement {
		s := &inquest.Statement{CaseID: c.ID, SourceID: src.ID, PersonID: person, SpeakerName: "as written", Text: words,
			Start: start, End: start + len(words), Review: r, Language: "en", SaidOn: "2022-01-05", Note: "ANALYST NOTE"}
		must(t, db.AddStatement(ctx, s))
		return s
	}
	confirmed := add(open.ID, "Confirmed words.", 0, inquest.Confirmed)
	add(open.ID, "Suggested words.", 17, inquest.Suggested)
	add(hidden.ID, "Hidden words.", 34, inquest.Confirmed)
	must(t, db.AddStance(ctx, &inquest.Stance{StatementID: confirmed.ID, ClaimID: claim.ID, Stance: inquest.Supports, Review: inquest.Confirmed}))
	must(t, db.AddStance(ctx, &inquest.Stance{StatementID: confirmed.ID, ClaimID: secret.ID, Stance: inquest.Denies, Review: inquest.Confirmed}))

	dir := filepath.Join(t.TempDir(), "site")
	site, err := hugosite.Write(ctx, db, c.Slug, dir, []byte("body { margin: 0 }"))
	if err != nil {
		t.Fatal(err)
	}
	// Per copy: home, case, claims list, seven case pages, one claim, one
	// source, one person; but the English copy's home, which hugo makes a
	// redirect.
	if want := 3 * 13; site.Pages != want || site.Left != 0 {
		t.Errorf("site has %d pages and leaves %d, want %d and 0", site.Pages, site.Left, want)
	}
	all := ""
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.Contains(p, "content") || strings.Contains(p, "data")) {
			b, err := os.ReadFile(p)
			all += string(b)
			return err
		}
		return err
	})
	must(t, err)
	for _, bad := range []string{"Secret Name", "PRIVATE CLAIM TEXT", "PRIVATE SOURCE", `"text":"Suggested words.`, "ANALYST NOTE"} {
		if strings.Contains(all, bad) {
			t.Errorf("the site holds %q, which readers may not see", bad)
		}
	}
	for _, want := range []string{`"text":"Confirmed words."`, `"text":"Hidden words."`, "a protected person", "Открытый Оратор", "Стреляли"} {
		if !strings.Contains(all, want) {
			t.Errorf("the site lacks %q", want)
		}
	}
	for _, f := range []struct {
		path string
		want bool
	}{
		{"content/en/people/open.md", true},
		{"content/kk/people/open.md", true},
		{"content/ru/people/hidden.md", false},
		{"content/ru/sources/" + itoa(src.ID) + ".md", true},
		{"content/ru/sources/" + itoa(private.ID) + ".md", false},
	} {
		if _, err := os.Stat(filepath.Join(dir, f.path)); (err == nil) != f.want {
			t.Errorf("%s exists: %v, want %v", f.path, err == nil, f.want)
		}
	}

	if _, err := hugosite.Write(ctx, db, c.Slug, dir, []byte("body { margin: 0 }")); inquest.ErrorCode(err) != inquest.EINVALID {
		t.Errorf("writing into a full directory: %v, want EINVALID", err)
	}
	c.Public = false
	must(t, db.UpdateCase(ctx, c))
	if _, err := hugosite.Write(ctx, db, c.Slug, t.TempDir(), nil); inquest.ErrorCode(err) != inquest.EINVALID || !strings.Contains(err.Error(), "not public") {
		t.Errorf("writing a case that is not public: %v, want EINVALID saying so", err)
	}

	// hugo renders exactly the pages the site counts.
	if _, err := exec.LookPath("hugo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("hugo must be installed in CI (apt-get install hugo): %v", err)
		}
		t.Skipf("hugo is not installed: %v", err)
	}
	b, err := hugosite.Run(ctx, "hugo", dir, filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Pages != site.Pages || b.CPU <= 0 || !strings.HasPrefix(b.Version, "hugo v") {
		t.Errorf("hugo wrote %d pages in %v of processor time (%q); want %d pages", b.Pages, b.CPU, b.Version, site.Pages)
	}
}

func TestRunWithoutHugo(t *testing.T) {
	_, err := hugosite.Run(context.Background(), filepath.Join(t.TempDir(), "hugo"), t.TempDir(), t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "apt-get install hugo") {
		t.Errorf("Run with no hugo: %v, want an error saying how to install it", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
