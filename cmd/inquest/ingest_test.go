package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// runIngestCmd runs the inquest command line in-process and returns its exit
// code, standard output and standard error.
func runIngestCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// ingestWorkspace creates a case in the database at dsn.
func ingestWorkspace(t *testing.T, dsn, slug string) {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.NewCase(t, db, slug)
}

var ingestSummaryLine = regexp.MustCompile(`^(\d+)  ([0-9a-f]{12})  (.+)  (new|unchanged|version \d+)$`)

func TestIngestCommand(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ingestWorkspace(t, dsn, "january")
		dir := t.TempDir()
		ingestWriteFile(t, filepath.Join(dir, "a.txt"), "Toll revised\n\nThe death toll was revised to 225.")
		ingestWriteFile(t, filepath.Join(dir, "b.bin"), "\x00\x01\x02binary")
		ingestWriteFile(t, filepath.Join(dir, "c.txt"), "Second source\n\nEight people died under torture.")
		ingestWriteFile(t, filepath.Join(dir, "c.meta.json"), `{"title": "Torture deaths", "published": "2022-02-23", "language": "en", "kind": "news"}`)

		code, stdout, stderr := runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", dir)
		if code != 1 {
			t.Errorf("exit code %d, want 1 (one file failed); stderr:\n%s", code, stderr)
		}
		if !strings.Contains(stderr, filepath.Join(dir, "b.bin")) || !strings.Contains(stderr, "binary") {
			t.Errorf("stderr does not name the bad file:\n%s", stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		wantTitles := []string{"Toll revised", "Torture deaths"}
		if len(lines) != len(wantTitles) {
			t.Fatalf("stdout has %d lines, want %d:\n%s", len(lines), len(wantTitles), stdout)
		}
		for i, l := range lines {
			m := ingestSummaryLine.FindStringSubmatch(l)
			if m == nil || m[3] != wantTitles[i] || m[4] != "new" {
				t.Errorf("line %q, want id, sha256 prefix, %q and new", l, wantTitles[i])
			}
		}

		// Again, with a changed file: the rest are unchanged, it is version 2.
		ingestWriteFile(t, filepath.Join(dir, "a.txt"), "Toll revised\n\nThe death toll was revised to 238.")
		os.Remove(filepath.Join(dir, "b.bin"))
		code, stdout, stderr = runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", dir)
		if code != 0 {
			t.Errorf("exit code %d, want 0; stderr:\n%s", code, stderr)
		}
		lines = strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != 2 || !strings.HasSuffix(lines[0], "  version 2") || !strings.HasSuffix(lines[1], "  unchanged") {
			t.Errorf("second run printed:\n%s\nwant version 2 then unchanged", stdout)
		}

		code, stdout, _ = runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", "--format", "json", filepath.Join(dir, "c.txt"))
		var got ingestLine
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 0 {
			t.Fatalf("json output %q: %v (exit %d)", stdout, err, code)
		}
		c, _ := os.ReadFile(filepath.Join(dir, "c.txt"))
		if got.Status != "unchanged" || got.SHA256 != inquest.SHA256Hex(c) || got.Title != "Torture deaths" || got.Version != 1 {
			t.Errorf("json line = %+v", got)
		}
		// The locator is the path relative to the argument: pages must not
		// show the analyst's directories.
		if got.Locator != "file:c.txt" || strings.Contains(got.Locator, dir) {
			t.Errorf("locator %q, want file:c.txt", got.Locator)
		}
	})
}

// A URL is fetched, its body archived and its headers kept; a loopback test
// server is reachable only with --allow-private-addresses.
func TestIngestCommandURL(t *testing.T) {
	const body = "<html><head><title>Briefing</title></head><body><nav>Menu</nav><p>Eight people died under torture, the prosecutor said.</p></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Served-By", "test")
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	dsn := storetest.SQLitePath(t)
	ingestWorkspace(t, dsn, "january")
	code, stdout, stderr := runIngestCmd(t, "ingest", "--db", dsn, "--case", "january", "--allow-private-addresses", "--format", "json", srv.URL+"/briefing")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var got ingestLine
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output %q: %v", stdout, err)
	}
	if got.Status != "new" || got.Title != "Briefing" || got.SHA256 != inquest.SHA256Hex([]byte(body)) || got.Locator != srv.URL+"/briefing" {
		t.Errorf("line = %+v", got)
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	src, err := db.Source(context.Background(), got.ID)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := db.Original(context.Background(), got.ID)
	if err != nil || string(orig) != body || !strings.Contains(src.Headers, "X-Served-By: test") || strings.Contains(src.Text, "Menu") {
		t.Errorf("original %q (%v), headers %q, text %q", orig, err, src.Headers, src.Text)
	}
}

func TestIngestCommandErrors(t *testing.T) {
	dsn := storetest.SQLitePath(t)
	ingestWorkspace(t, dsn, "january")
	file := filepath.Join(t.TempDir(), "a.txt")
	ingestWriteFile(t, file, "text")
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"unknown case", []string{"--case", "nope", file}, 2, []string{`case "nope" does not exist`, "inquest case create nope --title T"}},
		{"no case", []string{file}, 2, []string{"--case SLUG is required"}},
		{"nothing to ingest", []string{"--case", "january"}, 2, []string{"nothing to ingest"}},
		{"bad size", []string{"--case", "january", "--max-size", "lots", file}, 2, []string{`size "lots"`}},
		{"over the size limit", []string{"--case", "january", "--max-size", "2", file}, 1, []string{file, "--max-size"}},
		{"loopback refused", []string{"--case", "january", "http://127.0.0.1:1/x"}, 1, []string{"http://127.0.0.1:1/x", "loopback", "--allow-private-addresses"}},
		{"bad format", []string{"--case", "january", "--format", "xml", file}, 2, []string{`--format "xml"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runIngestCmd(t, append([]string{"ingest", "--db", dsn}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// A killed ingest leaves a database that opens, whose archive verifies, and
// that holds every source whose summary line was printed: lines are printed
// only after the source is committed.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and kills it; skipped in -short")
	}
	bin := buildIngestBinary(t)
	dir := manyReports(t, 400)
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		ingestWorkspace(t, dsn, "january")
		printed := map[int64]string{} // id -> sha256 prefix
		for round, killAfter := range []int{3, 17, 40, 1, 90} {
			cmd := exec.Command(bin, "ingest", "--db", dsn, "--case", "january", dir)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stdout)
			newLines := 0
			for sc.Scan() {
				m := ingestSummaryLine.FindStringSubmatch(sc.Text())
				if m == nil {
					t.Fatalf("round %d: unexpected line %q", round, sc.Text())
				}
				id, _ := strconv.ParseInt(m[1], 10, 64)
				printed[id] = m[2]
				if m[4] == "new" {
					newLines++
				}
				if newLines == killAfter {
					cmd.Process.Signal(syscall.SIGKILL)
					break
				}
			}
			cmd.Wait()
			if newLines < killAfter {
				t.Logf("round %d: ingest finished before %d new sources (stderr: %s)", round, killAfter, stderr.String())
			}
			checkIngestAfterKill(t, dsn, printed)
		}
		if len(printed) < 50 {
			t.Errorf("only %d sources printed over all rounds", len(printed))
		}
	})
}

// buildIngestBinary builds the inquest binary into the test's temporary
// directory, so that it can be run, interrupted and killed as a user would.
func buildIngestBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "inquest")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// manyReports writes n distinct short reports to a new directory.
func manyReports(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Report %d\n\n%s", i, strings.Repeat(fmt.Sprintf("The Prosecutor General said: \"They were not there.\" Paragraph %d of report %d.\n\n", i%7, i), 20))
		ingestWriteFile(t, filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), body)
	}
	return dir
}

// Ctrl-C stops between documents: the document under way is finished and
// listed, nothing after it is stored, and the exit status says interrupted.
func TestIngestInterruptStopsBetweenDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short")
	}
	bin := buildIngestBinary(t)
	dir := manyReports(t, 200)
	dsn := storetest.SQLitePath(t)
	ingestWorkspace(t, dsn, "january")
	cmd := exec.Command(bin, "ingest", "--db", dsn, "--case", "january", dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	printed := map[int64]string{}
	for sc.Scan() {
		m := ingestSummaryLine.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Fatalf("unexpected line %q", sc.Text())
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		printed[id] = m[2]
		if len(printed) == 5 {
			cmd.Process.Signal(os.Interrupt)
		}
	}
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit: %v, want status 130", err)
	}
	if !strings.Contains(stderr.String(), "interrupted") || len(printed) >= 200 {
		t.Errorf("%d of 200 printed; stderr:\n%s", len(printed), stderr.String())
	}
	checkIngestAfterKill(t, dsn, printed)
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Sources(context.Background(), inquest.SourceFilter{WithoutText: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(printed) {
		t.Errorf("the database holds %d sources, %d were listed: an interrupted ingest must store only what it lists", len(all), len(printed))
	}
}

func checkIngestAfterKill(t *testing.T, dsn string, printed map[int64]string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("database does not open after SIGKILL: %v", err)
	}
	defer db.Close()
	mm, err := db.VerifyArchive(ctx)
	if err != nil || len(mm) > 0 {
		t.Fatalf("VerifyArchive after SIGKILL = %v, %v", mm, err)
	}
	for id, prefix := range printed {
		s, err := db.Source(ctx, id)
		if err != nil {
			t.Errorf("source %d was printed but is missing: %v", id, err)
			continue
		}
		if !strings.HasPrefix(s.SHA256, prefix) {
			t.Errorf("source %d has sha256 %s, printed %s", id, s.SHA256, prefix)
		}
		// Every report holds a quotation: a printed source has its
		// suggestions, committed with it.
		stmts, err := db.Statements(ctx, inquest.StatementFilter{SourceID: id})
		if err != nil || len(stmts) == 0 {
			t.Errorf("source %d was printed but has %d suggested statements (%v)", id, len(stmts), err)
		}
	}
	// Both or neither: no source in the record lacks its extraction, printed
	// or not (the one under way when killed may be committed unprinted).
	all, err := db.Sources(ctx, inquest.SourceFilter{WithoutText: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if _, extracted, err := db.HeldSource(ctx, s.CaseID, s.SHA256); err != nil || !extracted {
			t.Errorf("source %d is stored without its extraction (%v)", s.ID, err)
		}
	}
}

func ingestWriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	if p := newProgress(&buf, 3); p.on {
		t.Error("progress bar drawn on a writer that is not a terminal")
	}
	p := &progress{w: &buf, on: true, total: 4, width: 60}
	p.show(2, "/very/long/path/to/the/corpus/directory/of/the/case/report-0001.txt")
	p.clear()
	got := buf.String()
	want := "\r\033[K[############            ] 2/4 …of/the/case/report-0001.txt\r\033[K"
	if got != want {
		t.Errorf("bar = %q, want %q", got, want)
	}
}
