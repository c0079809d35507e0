package loadtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/web"
)

// Reading an existing case (Config.Case): readers ask for a realistic mix of
// the case's public pages, and a share of them (Config.Analysts) are signed
// in and ask for workspace pages. Nothing in the case is changed; to sign
// in, the run creates one throwaway analyst user and a session for it, and
// ends that session afterwards (the store has no way to delete a user, so
// the user stays, without a session and with a random password nobody
// knows).

// caseRoute is one kind of page a reader asks for: its name in the report,
// how often it is asked for relative to the others, and the path of one
// request of it.
type caseRoute struct {
	name   string
	weight int
	path   func(t *targets) string
}

// targets are the ids and slugs the readers choose from.
type targets struct {
	slug     string
	public   []int64 // public sources, newest versions
	all      []int64 // every source of the case, for the workspace
	people   []string
	claims   []string
	measures []string
	words    []string
}

func pick[T any](xs []T) T { return xs[mrand.IntN(len(xs))] }

var publicRoutes = []caseRoute{
	{"case page", 10, func(t *targets) string { return "/cases/" + t.slug }},
	{"source page", 30, func(t *targets) string { return fmt.Sprintf("/sources/%d", pick(t.public)) }},
	{"person page", 8, func(t *targets) string { return "/people/" + pick(t.people) }},
	{"claim page", 8, func(t *targets) string { return "/cases/" + t.slug + "/claims/" + pick(t.claims) }},
	{"claims", 3, func(t *targets) string { return "/cases/" + t.slug + "/claims" }},
	{"people", 3, func(t *targets) string { return "/cases/" + t.slug + "/people" }},
	{"timeline", 5, func(t *targets) string { return "/cases/" + t.slug + "/timeline" }},
	{"contradictions", 5, func(t *targets) string { return "/cases/" + t.slug + "/contradictions" }},
	{"matrix", 2, func(t *targets) string { return "/cases/" + t.slug + "/matrix" }},
	{"figures", 4, func(t *targets) string { return "/cases/" + t.slug + "/figures" }},
	{"measure page", 4, func(t *targets) string { return "/cases/" + t.slug + "/figures/" + pick(t.measures) }},
	{"questions", 5, func(t *targets) string { return "/cases/" + t.slug + "/questions" }},
	{"data index", 1, func(t *targets) string { return "/cases/" + t.slug + "/data" }},
	// The small tables only: the statements and stances tables are bulk
	// downloads of the whole record, measured on their own.
	{"data file", 2, func(t *targets) string {
		return "/cases/" + t.slug + "/data/" + pick([]string{"claims", "figures", "questions"}) + pick([]string{".json", ".csv"})
	}},
}

var workspaceRoutes = []caseRoute{
	{"ws case page", 20, func(t *targets) string { return "/w/cases/" + t.slug }},
	{"ws review queue", 20, func(t *targets) string { return "/w/cases/" + t.slug + "/review" }},
	{"ws source page", 40, func(t *targets) string { return fmt.Sprintf("/w/sources/%d", pick(t.all)) }},
	{"ws search", 20, func(t *targets) string {
		return "/w/cases/" + t.slug + "/search?q=" + url.QueryEscape(pick(t.words))
	}},
	// The triage pages, people and the front page: lists that grow with
	// the case, each a page at a time.
	{"ws home", 4, func(t *targets) string { return "/w/" }},
	{"ws claims", 8, func(t *targets) string { return "/w/cases/" + t.slug + "/claims" }},
	{"ws claim", 8, func(t *targets) string {
		return "/w/cases/" + t.slug + "/claims?claim=" + url.QueryEscape(pick(t.claims))
	}},
	{"ws contradictions", 8, func(t *targets) string { return "/w/cases/" + t.slug + "/contradictions" }},
	{"ws figures", 4, func(t *targets) string { return "/w/cases/" + t.slug + "/figures" }},
	{"ws questions", 4, func(t *targets) string { return "/w/cases/" + t.slug + "/questions" }},
	{"ws people", 2, func(t *targets) string { return "/w/people" }},
	{"ws person page", 8, func(t *targets) string { return "/w/people/" + pick(t.people) }},
}

// searchWords are words the generated cases use, in both languages.
var searchWords = []string{"prosecutor", "commission", "detainees", "Almaty", "torture", "figures", "прокурор", "задержанных", "комиссия"}

// runCase is Run for Config.Case.
func runCase(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Writers > 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "a load test on an existing case only reads: give no writers with a case (writers need the test's own \"load\" case)")
	}
	if cfg.Analysts > cfg.Readers {
		return nil, inquest.Errorf(inquest.EINVALID, "%d analysts but only %d readers: analysts are a share of the readers", cfg.Analysts, cfg.Readers)
	}
	db, err := store.Open(ctx, cfg.DSN)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	c, err := db.CaseBySlug(ctx, cfg.Case)
	if err != nil {
		return nil, fmt.Errorf("load test on case %s: %w", cfg.Case, err)
	}
	if !c.Public {
		return nil, inquest.Errorf(inquest.EINVALID, "case %s is not public: its public pages would all be 404; choose a public case", c.Slug)
	}
	t, err := findTargets(ctx, db, c)
	if err != nil {
		return nil, err
	}

	var cookie *http.Cookie
	if cfg.Analysts > 0 {
		var end func()
		if cookie, end, err = signIn(ctx, db); err != nil {
			return nil, err
		}
		defer end()
	}

	base := strings.TrimSuffix(cfg.Server, "/")
	if base == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		srvCtx, stopServer := context.WithCancel(context.WithoutCancel(ctx))
		srv := web.NewServer(db, web.Options{})
		served := make(chan error, 1)
		go func() { served <- srv.Serve(srvCtx, ln) }()
		defer func() {
			stopServer()
			<-served
		}()
		base = "http://" + ln.Addr().String()
	}
	r := &run{cfg: cfg, base: base}
	r.client = &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Readers + 1, DisableCompression: true},
	}
	// The first public request loads the case's public record, which
	// takes minutes at a million statements on a busy machine: the
	// requests that find the targets may wait that long.
	fast, slow := r.client, &http.Client{Timeout: patience, Transport: r.client.Transport}
	r.client = slow
	// The figures page links each measure's page; a case without figures
	// has none to ask for.
	if t.measures, err = r.links(ctx, "/cases/"+c.Slug+"/figures", regexp.MustCompile(`href="/cases/`+regexp.QuoteMeta(c.Slug)+`/figures/([^"/?#]+)"`)); err != nil {
		return nil, fmt.Errorf("load test: the figures page: %w", err)
	}
	// The people page of the case lists those who speak in it publicly,
	// the ones with a public page.
	if t.people, err = r.links(ctx, "/cases/"+c.Slug+"/people", regexp.MustCompile(`href="/people/([^"/?#]+)"`)); err != nil {
		return nil, fmt.Errorf("load test: the people page: %w", err)
	}
	sort.Strings(t.people)
	r.client = fast
	pub, skipPub := usable(publicRoutes, t)
	wsr, skipWS := usable(workspaceRoutes, t)

	if cfg.Warmup > 0 {
		// A server that has served for a while: each route once, in
		// turn (the first loads the public record), then the mix for the
		// warm-up time, none of it measured.
		r.client = slow
		for _, rt := range pub {
			if _, err := r.patiently(ctx, rt.path(t)); err != nil {
				return nil, fmt.Errorf("load test warm-up: %s: %w", rt.name, err)
			}
		}
		r.client = fast
		warm := &run{cfg: cfg, base: r.base, client: r.client}
		warm.cfg.MaxRequests = math.MaxInt
		wctx, wcancel := context.WithTimeout(ctx, cfg.Warmup)
		warm.caseReaders(wctx, t, pub, wsr, cookie)
		wcancel()
	}

	cpu0 := cpuTime()
	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	r.start = start
	r.caseReaders(runCtx, t, pub, wsr, cookie)
	elapsed := time.Since(start)

	rep := &Report{Backend: db.Dialect(), Case: c.Slug, Elapsed: elapsed, Errors: int(r.errors.Load()), Samples: r.samples, Slowest: r.slowest}
	rep.Reads = summarise(r.reads, elapsed)
	rep.Public = summarise(r.public, elapsed)
	rep.Workspace = summarise(r.workspace, elapsed)
	rep.Routes = map[string]Stats{}
	for route, ds := range r.routes {
		rep.Routes[route] = summarise(ds, elapsed)
	}
	for _, rt := range skipPub {
		rep.Skipped = append(rep.Skipped, "public: "+rt)
	}
	for _, rt := range skipWS {
		rep.Skipped = append(rep.Skipped, "workspace: "+rt)
	}
	rep.CPU = cpuTime() - cpu0
	rep.PeakRSS = peakRSS()
	rep.Verified = true // nothing was written
	return rep, nil
}

// caseReaders runs the configured readers until ctx ends: the first
// Config.Analysts of them signed in on the workspace routes, the others on
// the public ones.
func (r *run) caseReaders(ctx context.Context, t *targets, pub, wsr []caseRoute, cookie *http.Cookie) {
	var wg sync.WaitGroup
	var pubN, wsN atomic.Int64
	for i := range r.cfg.Readers {
		routes, n, ws := pub, &pubN, false
		if i < r.cfg.Analysts {
			routes, n, ws = wsr, &wsN, true
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.caseReader(ctx, t, routes, n, ws, cookie)
		}()
	}
	wg.Wait()
}

// usable drops the routes the case has nothing for (a case without
// confirmed figures has no measure pages) and names them.
func usable(routes []caseRoute, t *targets) (out []caseRoute, skipped []string) {
	for _, rt := range routes {
		ok := true
		switch rt.name {
		case "source page":
			ok = len(t.public) > 0
		case "ws source page":
			ok = len(t.all) > 0
		case "person page", "ws person page":
			ok = len(t.people) > 0
		case "claim page", "ws claim":
			ok = len(t.claims) > 0
		case "measure page":
			ok = len(t.measures) > 0
		}
		if ok {
			out = append(out, rt)
		} else {
			skipped = append(skipped, rt.name)
		}
	}
	return out, skipped
}

// findTargets reads the ids and slugs of the case the readers ask for.
func findTargets(ctx context.Context, db *store.DB, c *inquest.Case) (*targets, error) {
	t := &targets{slug: c.Slug, words: searchWords}
	srcs, err := db.Sources(ctx, inquest.SourceFilter{CaseID: c.ID, LatestOnly: true, WithoutText: true})
	if err != nil {
		return nil, fmt.Errorf("load test: sources of %s: %w", c.Slug, err)
	}
	for _, s := range srcs {
		t.all = append(t.all, s.ID)
		if !s.Private {
			t.public = append(t.public, s.ID)
		}
	}
	claims, err := db.Claims(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, cl := range claims {
		if !cl.Private {
			t.claims = append(t.claims, cl.Slug)
		}
	}
	return t, nil
}

// signIn creates a throwaway analyst and a session for it; end ends the
// session.
func signIn(ctx context.Context, db *store.DB) (*http.Cookie, func(), error) {
	b := make([]byte, 6)
	rand.Read(b)
	pw := make([]byte, 18)
	rand.Read(pw)
	u := &inquest.User{Name: "loadtest-" + hex.EncodeToString(b), Role: inquest.RoleAnalyst}
	if err := db.CreateUser(ctx, u, hex.EncodeToString(pw)); err != nil {
		return nil, nil, fmt.Errorf("load test: create the analyst it signs in as: %w", err)
	}
	secret, _, err := db.CreateSession(ctx, u.ID, 2*time.Hour)
	if err != nil {
		return nil, nil, fmt.Errorf("load test: sign in as %s: %w", u.Name, err)
	}
	end := func() { db.DeleteUserSessions(context.WithoutCancel(ctx), u.ID) }
	return &http.Cookie{Name: "inquest_session", Value: secret}, end, nil
}

// patiently fetches path until it answers or patience runs out: the
// server ends a response after its write timeout (a minute), while the
// public record it waits for goes on loading, which at a million
// statements on a busy machine takes longer.
func (r *run) patiently(ctx context.Context, path string) ([]byte, error) {
	deadline := time.Now().Add(patience)
	for {
		body, err := r.fetch(ctx, path, nil)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil || strings.HasPrefix(err.Error(), "status 4") {
			return body, err
		}
		time.Sleep(2 * time.Second)
	}
}

// patience is how long the first requests may take in all.
const patience = 20 * time.Minute

// links fetches a page and returns the first group of every match of re,
// each once.
func (r *run) links(ctx context.Context, path string, re *regexp.Regexp) ([]string, error) {
	body, err := r.patiently(ctx, path)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range re.FindAllSubmatch(body, -1) {
		if s := string(m[1]); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out, nil
}

// caseReader asks for pages until the run ends. The first len(routes)
// requests of each kind of reader go to each route once, so that a short
// run visits every route (they do not count against MaxRequests); the
// rest are drawn by weight.
func (r *run) caseReader(ctx context.Context, t *targets, routes []caseRoute, n *atomic.Int64, ws bool, cookie *http.Cookie) {
	total := 0
	for _, rt := range routes {
		total += rt.weight
	}
	prefix := "public: "
	if ws {
		prefix = "workspace: "
	}
	// At a set rate (Config.Rate) each reader keeps to its own schedule,
	// and a request is timed from when it was due, not from when it was
	// sent: a server that falls behind shows it in the latencies, instead
	// of slowing the readers down and hiding it (coordinated omission).
	var every time.Duration
	var due time.Time
	if r.cfg.Rate > 0 {
		every = time.Duration(float64(time.Second) * float64(r.cfg.Readers) / r.cfg.Rate)
		due = time.Now().Add(time.Duration(mrand.Int64N(int64(every) + 1)))
	}
	for ctx.Err() == nil {
		var rt caseRoute
		// The first request of each route is outside MaxRequests, so that
		// a bounded run visits every route however slow some are.
		if i := n.Add(1) - 1; i < int64(len(routes)) {
			rt = routes[i]
		} else if !r.take() {
			return
		} else {
			w := mrand.IntN(total)
			for _, cand := range routes {
				if w < cand.weight {
					rt = cand
					break
				}
				w -= cand.weight
			}
		}
		path := rt.path(t)
		var c *http.Cookie
		if ws {
			c = cookie
		}
		// A request begun is finished and counted even when the run ends
		// meanwhile: the slowest pages would otherwise drop out of the
		// figures.
		t0 := time.Now()
		if every > 0 {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Until(due)):
			}
			t0, due = due, due.Add(every)
		}
		_, err := r.fetch(context.WithoutCancel(ctx), path, c)
		d := time.Since(t0)
		if err != nil {
			r.fail("GET %s: %v", path, err)
			continue
		}
		r.mu.Lock()
		r.reads = append(r.reads, d)
		if ws {
			r.workspace = append(r.workspace, d)
		} else {
			r.public = append(r.public, d)
		}
		if r.routes == nil {
			r.routes = map[string][]time.Duration{}
		}
		r.routes[prefix+rt.name] = append(r.routes[prefix+rt.name], d)
		r.slowest = noteSlow(r.slowest, SlowRead{Route: prefix + rt.name, Path: path, At: t0.Sub(r.start), Took: d})
		r.mu.Unlock()
	}
}
