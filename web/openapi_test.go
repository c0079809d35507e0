package web

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite openapi.json from the API table")

// routePattern matches a mux pattern with a method.
var routePattern = regexp.MustCompile(`^(GET|HEAD|POST|PUT|PATCH|DELETE) /`)

// sourceRoutes returns every route pattern written as a string literal in
// the package's source (not its tests): whoever registers a route, and
// however, its pattern is a literal somewhere, so this finds routes added
// by anyone, now or later.
func sourceRoutes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if err == nil && routePattern.MatchString(v) && !strings.ContainsAny(v, "\n\"") {
				seen[v] = true
			}
			return true
		})
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// apiRoutesAll is every /api/v1 route: those written as literals anywhere
// and those of the API table.
func apiRoutesAll(t *testing.T) []string {
	set := map[string]bool{}
	for _, p := range sourceRoutes(t) {
		if strings.Contains(p, " /api/v1/") {
			set[p] = true
		}
	}
	for _, op := range (*Server)(nil).apiOps() {
		set[op.Method+" "+op.Path] = true
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func TestOpenAPIDocument(t *testing.T) {
	got, err := openAPIDocument()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("openapi.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("openapi.json is out of date with the API table in api_routes.go; run go test ./web -run TestOpenAPIDocument -update")
	}

	// Served as it is, valid JSON, every /api/v1 route described.
	h := NewServer(nil, Options{}).Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/v1/openapi.json = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	routes := apiRoutesAll(t)
	if len(routes) < 20 {
		t.Fatalf("found only %d API routes (%v): the route walk is broken", len(routes), routes)
	}
	for _, p := range routes {
		method, path, _ := strings.Cut(p, " ")
		path = strings.TrimSuffix(path, "{$}")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not described in openapi.json: add it to apiOps in api_routes.go", p)
		}
	}
	// Every $ref resolves.
	var whole map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &whole)
	schemas := whole["components"].(map[string]any)["schemas"].(map[string]any)
	for _, ref := range regexp.MustCompile(`"#/components/schemas/([A-Za-z]+)"`).FindAllStringSubmatch(rec.Body.String(), -1) {
		if _, ok := schemas[ref[1]]; !ok {
			t.Errorf("$ref to missing schema %s", ref[1])
		}
	}
}
