package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestDemoLoadOnly(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, dsn string) {
		code, stdout, stderr := runCLI(t, "", "demo", "--load-only", "--db", dsn)
		if code != 0 {
			t.Fatalf("demo --load-only = %d %s", code, stderr)
		}
		if !strings.Contains(stdout, `Loaded the example case "January 2022 events in Kazakhstan"`) || !strings.Contains(stdout, "6 sources (6 new)") {
			t.Errorf("demo said %q", stdout)
		}
		db := openTestDSN(t, dsn)
		ctx := context.Background()
		c, err := db.CaseBySlug(ctx, "january-events")
		if err != nil {
			t.Fatal(err)
		}
		sources, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		statements, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		figures, err := db.Figures(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		confirmed := 0
		for _, s := range statements {
			if s.Review == inquest.Confirmed {
				confirmed++
			}
		}
		if len(sources) != 6 || confirmed < 9 || len(figures) < 6 || !c.Public {
			t.Errorf("demo loaded %d sources, %d statements (%d confirmed), %d figures, public %v; want 6, 9+ confirmed, 6+ figures, public",
				len(sources), len(statements), confirmed, len(figures), c.Public)
		}

		// Loading into the same workspace again adds nothing.
		code, stdout, _ = runCLI(t, "", "demo", "--load-only", "--db", dsn)
		if code != 0 || !strings.Contains(stdout, "6 sources (0 new)") {
			t.Errorf("second demo load = %d %q, want 0 new", code, stdout)
		}
	})
}

var servingURL = regexp.MustCompile(`at (http://\S+)  \(Ctrl-C to stop\)`)

// startServing runs a serving command until the test ends and returns the
// URL it prints.
func startServing(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: out, stderr: errb, getenv: func(string) string { return "" }}, args)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("inquest %s exited %d after Ctrl-C: %s", strings.Join(args, " "), code, errb.String())
			}
			if !strings.Contains(out.String(), "Stopped.") {
				t.Errorf("inquest %s did not say it stopped: %q", strings.Join(args, " "), out.String())
			}
		case <-time.After(10 * time.Second):
			t.Errorf("inquest %s did not stop within 10s of Ctrl-C", strings.Join(args, " "))
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("inquest %s exited %d before serving: %s", strings.Join(args, " "), code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("inquest %s printed no URL: %q %q", strings.Join(args, " "), out.String(), errb.String())
	return ""
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestDemoServes(t *testing.T) {
	url := startServing(t, "demo", "--addr", "127.0.0.1:0")
	if !strings.HasSuffix(url, "/cases/january-events") {
		t.Errorf("demo URL %s should open the case page", url)
	}
	code, body := fetch(t, url)
	if code != 200 || !strings.Contains(body, "January 2022 events in Kazakhstan") || !strings.Contains(body, "Majilis") {
		t.Errorf("GET %s = %d, want the demo case page", url, code)
	}
	code, body = fetch(t, strings.TrimSuffix(url, "/cases/january-events")+"/sources/4")
	if code != 200 || !strings.Contains(body, "They were not there") || !strings.Contains(body, "mark statement") {
		t.Errorf("demo source page = %d, want the text with statements marked", code)
	}
}
