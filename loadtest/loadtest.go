package loadtest

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/ingest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/web"
)

// Config bounds a run: it stops at Duration or after MaxRequests requests
// and writes in all, whichever comes first.
type Config struct {
	// DSN is the database; empty means a new SQLite file in a temporary
	// directory, removed afterwards. A PostgreSQL database should be empty
	// or hold no case named "load".
	DSN         string
	Readers     int
	Writers     int
	Duration    time.Duration
	MaxRequests int
	// Seed is how many sources exist before the run starts.
	Seed int
	// WriteSize is the size in bytes of each document written.
	WriteSize int
	// Case, when set, is an existing public case in DSN to read instead
	// of the test's own "load" case: readers ask for a mix of its public
	// pages, and Analysts of them are signed in and ask for its workspace
	// pages (case.go). Writers must be 0: nothing in the case is changed.
	Case     string
	Analysts int
	// Warmup, on an existing case, is how long readers run before the
	// measured run, unmeasured, after one request of each public route:
	// the figures are then those of a server that has served a while,
	// not of its first requests (which load the case's public record).
	Warmup time.Duration
	// Rate, on an existing case, is how many requests a second the
	// readers send in all, each on its own schedule; 0 means each sends
	// its next request as soon as the last is answered (the server's
	// throughput, where latency is mostly waiting in line).
	Rate float64
	// Server, on an existing case, is the base URL of a server already
	// running on DSN (such as "http://127.0.0.1:8080" of `inquest serve`)
	// to send the requests to, instead of one started in this process:
	// its memory is then its own, not shared with the readers'.
	Server string
}

// Report is what a run measured.
type Report struct {
	Backend string           `json:"backend"`
	Case    string           `json:"case"`
	Elapsed time.Duration    `json:"elapsed"`
	Reads   Stats            `json:"reads"`
	Routes  map[string]Stats `json:"routes"` // reads by page kind
	// Skipped are the routes the case has nothing for, such as measure
	// pages in a case without confirmed figures.
	Skipped []string `json:"skipped_routes,omitempty"`
	// Slowest are the slowest reads of a run on an existing case, slowest
	// first: when they were due in the run tells a stall that held every
	// page (several at one moment) from one dear page.
	Slowest []SlowRead `json:"slowest,omitempty"`
	// Public and Workspace split the reads of a run on an existing case.
	Public    Stats `json:"public,omitzero"`
	Workspace Stats `json:"workspace,omitzero"`
	// CPU is the processor time (user and system) the process used during
	// the run, and PeakRSS its peak resident memory (VmHWM) in bytes: both
	// count the server and the clients, which run in one process.
	CPU      time.Duration `json:"cpu"`
	PeakRSS  int64         `json:"peak_rss_bytes"`
	Writes   Stats         `json:"writes"`
	Errors   int           `json:"errors"`
	Samples  []string      `json:"error_samples,omitempty"` // the first few errors
	Acked    int           `json:"acknowledged_writes"`
	Lost     int           `json:"lost_writes"`
	Verified bool          `json:"archive_and_audit_verified"`
}

// SlowRead is one read of the slowest of a run.
type SlowRead struct {
	Route string        `json:"route"`
	Path  string        `json:"path"`
	At    time.Duration `json:"at"` // when it was due, from the start of the run
	Took  time.Duration `json:"took"`
}

// keepSlowest is how many of the slowest reads a report names.
const keepSlowest = 8

// noteSlow keeps read among the slowest of list, slowest first.
func noteSlow(list []SlowRead, read SlowRead) []SlowRead {
	if len(list) == keepSlowest && read.Took <= list[len(list)-1].Took {
		return list
	}
	i, _ := slices.BinarySearchFunc(list, read, func(a, b SlowRead) int { return cmp.Compare(b.Took, a.Took) })
	list = slices.Insert(list, i, read)
	return list[:min(len(list), keepSlowest)]
}

// Stats summarises one kind of request.
type Stats struct {
	Count     int           `json:"count"`
	PerSecond float64       `json:"per_second"`
	P50       time.Duration `json:"p50"`
	P99       time.Duration `json:"p99"`
	Max       time.Duration `json:"max"`
}

const caseSlug = "load"

// Run starts the server on 127.0.0.1:0 with the database, runs readers and
// writers until the bounds, then checks that every acknowledged write is
// there, byte for byte, through the store and through the server.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Readers < 0 || cfg.Writers < 0 || cfg.Readers+cfg.Writers == 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "need at least one reader or writer")
	}
	if cfg.Duration <= 0 && cfg.MaxRequests <= 0 {
		return nil, inquest.Errorf(inquest.EINVALID, "give a duration or a request count: a load test must be bounded")
	}
	if cfg.Duration <= 0 {
		cfg.Duration = time.Hour
	}
	if cfg.MaxRequests <= 0 {
		cfg.MaxRequests = math.MaxInt
	}
	if cfg.WriteSize <= 0 {
		cfg.WriteSize = 4 << 10
	}
	if cfg.Case != "" {
		if cfg.DSN == "" {
			return nil, inquest.Errorf(inquest.EINVALID, "a load test on case %s needs the database that holds it", cfg.Case)
		}
		return runCase(ctx, cfg)
	}
	dsn := cfg.DSN
	if dsn == "" {
		dir, err := os.MkdirTemp("", "inquest-load-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "load.db")
	}

	serverDB, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer serverDB.Close()
	c := &inquest.Case{Slug: caseSlug, Title: "Load test", Public: true}
	if err := serverDB.CreateCase(ctx, c); err != nil {
		return nil, fmt.Errorf("create the load case (use an empty database): %w", err)
	}
	// Writers get a store handle of their own, as a separate `inquest
	// ingest` process would have.
	writerDB, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer writerDB.Close()

	r := &run{cfg: cfg, caseID: c.ID}
	seedPipe, err := ingest.NewPipeline(ctx, writerDB, c.ID)
	if err != nil {
		return nil, err
	}
	for i := range cfg.Seed {
		s, _, err := seedPipe.Ingest(ctx, r.document(fmt.Sprintf("seed-%d", i)))
		if err != nil {
			return nil, fmt.Errorf("seed source %d: %w", i, err)
		}
		r.addKnown(s.ID)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srvCtx, stopServer := context.WithCancel(context.WithoutCancel(ctx))
	srv := web.NewServer(serverDB, web.Options{})
	served := make(chan error, 1)
	go func() { served <- srv.Serve(srvCtx, ln) }()
	defer func() {
		stopServer()
		<-served
	}()
	r.base = "http://" + ln.Addr().String()
	r.client = &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Readers + 1, DisableCompression: true},
	}

	cpu0 := cpuTime()
	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range cfg.Readers {
		wg.Add(1)
		go func() { defer wg.Done(); r.reader(runCtx) }()
	}
	for w := range cfg.Writers {
		pipe, err := ingest.NewPipeline(ctx, writerDB, c.ID)
		if err != nil {
			cancel()
			wg.Wait()
			return nil, err
		}
		wg.Add(1)
		go func() { defer wg.Done(); r.writer(runCtx, pipe, w) }()
	}
	wg.Wait()
	elapsed := time.Since(start)

	rep := &Report{Backend: serverDB.Dialect(), Case: caseSlug, Elapsed: elapsed, Errors: int(r.errors.Load()), Samples: r.samples,
		CPU: cpuTime() - cpu0}
	rep.Reads = summarise(r.reads, elapsed)
	rep.Routes = map[string]Stats{}
	for route, ds := range r.routes {
		rep.Routes[route] = summarise(ds, elapsed)
	}
	rep.Writes = summarise(r.writes, elapsed)
	rep.Acked = len(r.acked)
	rep.PeakRSS = peakRSS()
	if err := r.checkWrites(ctx, dsn, rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// run is the shared state of one load test.
type run struct {
	cfg    Config
	caseID int64
	base   string
	client *http.Client

	issued atomic.Int64 // requests and writes begun, against MaxRequests
	errors atomic.Int64

	mu        sync.Mutex
	known     []int64          // source ids readers may ask for
	acked     map[int64]string // acknowledged writes: id -> sha256
	reads     []time.Duration
	public    []time.Duration
	workspace []time.Duration
	routes    map[string][]time.Duration
	start     time.Time // of the measured run
	slowest   []SlowRead
	writes    []time.Duration
	samples   []string
}

func (r *run) addKnown(id int64) {
	r.mu.Lock()
	r.known = append(r.known, id)
	r.mu.Unlock()
}

// take reserves one request of the budget.
func (r *run) take() bool { return r.issued.Add(1) <= int64(r.cfg.MaxRequests) }

func (r *run) fail(format string, args ...any) {
	r.errors.Add(1)
	r.mu.Lock()
	if len(r.samples) < 10 {
		r.samples = append(r.samples, fmt.Sprintf(format, args...))
	}
	r.mu.Unlock()
}

func (r *run) reader(ctx context.Context) {
	for ctx.Err() == nil && r.take() {
		r.mu.Lock()
		var id int64
		if len(r.known) > 0 {
			id = r.known[mrand.IntN(len(r.known))]
		}
		r.mu.Unlock()
		var path, route string
		switch n := mrand.IntN(10); {
		case n < 3 || id == 0:
			path, route = "/cases/"+caseSlug, "case page"
		case n < 8:
			path, route = fmt.Sprintf("/sources/%d", id), "source page"
		case n < 9:
			path, route = fmt.Sprintf("/sources/%d/original", id), "original"
		default:
			path, route = "/api/v1/cases/"+caseSlug+"/sources", "JSON sources"
		}
		t0 := time.Now()
		err := r.get(ctx, path)
		d := time.Since(t0)
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return // the run ended mid-request; not the server's fault
		}
		if err != nil {
			r.fail("GET %s: %v", path, err)
			continue
		}
		r.mu.Lock()
		r.reads = append(r.reads, d)
		if r.routes == nil {
			r.routes = map[string][]time.Duration{}
		}
		r.routes[route] = append(r.routes[route], d)
		r.mu.Unlock()
	}
}

func (r *run) get(ctx context.Context, path string) error {
	_, err := r.fetch(ctx, path, nil)
	return err
}

// fetch GETs path, with cookie when it is not nil, and returns the body of
// a 200 answer.
func (r *run) fetch(ctx context.Context, path string, cookie *http.Cookie) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", r.base+path, nil)
	if err != nil {
		return nil, err
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return b, nil
}

func (r *run) writer(ctx context.Context, pipe *ingest.Pipeline, w int) {
	for i := 0; ctx.Err() == nil && r.take(); i++ {
		doc := r.document(fmt.Sprintf("w%d-%d", w, i))
		t0 := time.Now()
		// The write itself is not cut short by the end of the run: a write
		// begun is finished and then counts.
		s, created, err := pipe.Ingest(context.WithoutCancel(ctx), doc)
		d := time.Since(t0)
		if err != nil {
			r.fail("ingest %s: %v", doc.Name, err)
			continue
		}
		if !created {
			r.fail("ingest %s: stored before (random bytes should be new)", doc.Name)
			continue
		}
		r.mu.Lock()
		r.writes = append(r.writes, d)
		if r.acked == nil {
			r.acked = map[int64]string{}
		}
		r.acked[s.ID] = s.SHA256
		r.known = append(r.known, s.ID)
		r.mu.Unlock()
	}
}

// document makes a text document with a quotation and a figure for the
// extraction engine, made unique by random bytes.
func (r *run) document(name string) *ingest.Document {
	nonce := make([]byte, 8)
	rand.Read(nonce)
	text := fmt.Sprintf("Load test document %s\n\nOn 14 March the Prosecutor General told the Mazhilis: \"They were not there.\" "+
		"He said that 238 people had died. Reference %s.\n", name, hex.EncodeToString(nonce))
	// Filler of varied words, so that the text compresses about as much as
	// real prose does and backups of a load-test database are realistic.
	var b strings.Builder
	b.WriteString(text)
	for b.Len() < r.cfg.WriteSize {
		b.WriteString(fillerWords[mrand.IntN(len(fillerWords))])
		if mrand.IntN(12) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	text = b.String()
	return &ingest.Document{
		Locator: "inquest-load:" + name, Name: name, Original: []byte(text), Text: text,
		ContentType: "text/plain; charset=utf-8", RetrievedAt: time.Now(),
		Meta: ingest.Meta{Title: "Load test " + name, Language: "en", Published: "2022-03-15", Kind: inquest.KindNews},
	}
}

var fillerWords = strings.Fields(`the commission has not published its findings on events in Almaty Taldykorgan
	Shymkent detainees relatives lawyers said were held without charge for days before release while officials
	denied torture and the prosecutor general reported new figures to parliament members asked why answers came
	late witnesses described troops shooting near the square on January fifth sixth seventh protests began over
	gas prices in Zhanaozen spread across regions government resigned president declared emergency invited CSTO`)

// checkWrites opens the database afresh and looks for every acknowledged
// write, then fetches each original through the server too.
func (r *run) checkWrites(ctx context.Context, dsn string, rep *Report) error {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return fmt.Errorf("reopen the database: %w", err)
	}
	defer db.Close()
	for id, sum := range r.acked {
		s, err := db.Source(ctx, id)
		if err != nil || s.SHA256 != sum {
			rep.Lost++
			if len(rep.Samples) < 10 {
				rep.Samples = append(rep.Samples, fmt.Sprintf("acknowledged source %d missing or changed: %v", id, err))
			}
			continue
		}
		b, err := db.Original(ctx, id)
		if err != nil || inquest.SHA256Hex(b) != sum {
			rep.Lost++
			continue
		}
		if got, err := r.download(ctx, id); err != nil || got != sum {
			rep.Lost++
			if len(rep.Samples) < 10 {
				rep.Samples = append(rep.Samples, fmt.Sprintf("source %d through the server: sha256 %s, %v", id, got, err))
			}
		}
	}
	m, err := db.VerifyArchive(ctx)
	if err != nil {
		return err
	}
	broken, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	rep.Verified = len(m) == 0 && broken == 0
	return nil
}

// download fetches a source's original through the server and hashes it.
func (r *run) download(ctx context.Context, id int64) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/sources/%d/original", r.base, id), nil)
	if err != nil {
		return "", err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	return inquest.SHA256Hex(b), nil
}

func summarise(ds []time.Duration, elapsed time.Duration) Stats {
	s := Stats{Count: len(ds)}
	if len(ds) == 0 {
		return s
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	s.PerSecond = float64(len(ds)) / elapsed.Seconds()
	s.P50 = ds[len(ds)*50/100]
	s.P99 = ds[min(len(ds)-1, len(ds)*99/100)]
	s.Max = ds[len(ds)-1]
	return s
}
