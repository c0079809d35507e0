package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/demo"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

// TestSpeakerAndClaimFields: the review queue carries one list of people
// and one of claims for all its items, and the speaker and claim fields
// typed from them (no script needed) set the person or claim they name; a
// name that names nobody, or several people, is refused with the reason
// and changes nothing.
func TestSpeakerAndClaimFields(t *testing.T) {
	db, c := demoStore(t)
	ctx := context.Background()
	// Two records of one name, told apart by their slugs.
	for _, slug := range []string{"aidos-one", "aidos-two"} {
		if err := db.UpsertPerson(ctx, &inquest.Person{Slug: slug, Name: "Aidos Serikbayev", Kind: inquest.ActorPerson}); err != nil {
			t.Fatal(err)
		}
	}
	people, err := db.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := db.Claims(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "lists", inquest.RoleAnalyst)
	cl := newClient(t, NewServer(db, Options{}).Handler())
	cl.login("lists")

	statements, err := db.Statements(ctx, inquest.StatementFilter{CaseID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	perSource := map[int64]int{}
	busiest := statements[0].SourceID
	for _, s := range statements {
		if perSource[s.SourceID]++; perSource[s.SourceID] > perSource[busiest] {
			busiest = s.SourceID
		}
	}
	for _, pg := range []struct {
		path       string
		lists      []string
		minFields  int
		maxOptions func(fields int) int
	}{
		{"/w/cases/" + c.Slug + "/review", []string{`<datalist id="ws-people">`, `<datalist id="ws-claims">`}, 1,
			// the lists and each item's stance menu
			func(fields int) int { return len(people) + len(claims) + 4*fields }},
		{"/w/sources/" + strconv.FormatInt(busiest, 10), []string{`<datalist id="ws-people">`}, 2,
			func(int) int { return len(people) }},
	} {
		rec := cl.do("GET", pg.path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", pg.path, rec.Code)
		}
		page := rec.Body.String()
		fields := strings.Count(page, `name="speaker" list="ws-people"`)
		if fields < pg.minFields {
			t.Fatalf("GET %s shows %d speaker fields; the test needs %d or more", pg.path, fields, pg.minFields)
		}
		for _, list := range pg.lists {
			if n := strings.Count(page, list); n != 1 {
				t.Errorf("GET %s has %d of %s, want 1 for all %d speaker fields", pg.path, n, list, fields)
			}
		}
		// Each person is offered once on the page, however many fields.
		for _, p := range people[:3] {
			if n := strings.Count(page, `<option value="`+escape(personEntry(p))+`">`); n != 1 {
				t.Errorf("GET %s offers %s %d times, want once", pg.path, personEntry(p), n)
			}
		}
		// The page no longer grows with people × fields.
		if n, most := strings.Count(page, "<option"), pg.maxOptions(fields); n > most {
			t.Errorf("GET %s has %d <option>s for %d speaker fields, want at most %d", pg.path, n, fields, most)
		}
	}

	st := statements[0]
	var aliased *inquest.Person
	for _, p := range people {
		if len(p.Aliases) > 0 {
			aliased = p
			break
		}
	}
	if aliased == nil {
		t.Fatal("nobody in the demo has an alias")
	}
	other := people[0]
	if other.ID == aliased.ID {
		other = people[1]
	}
	speakerTests := []struct {
		name       string
		form       url.Values
		wantStatus int
		wantPerson int64
		wantName   string
		wantError  string
	}{
		{"an entry of the list", url.Values{"speaker": {personEntry(other)}}, http.StatusSeeOther, other.ID, other.Name, ""},
		{"the name in capitals", url.Values{"speaker": {strings.ToUpper(aliased.Name)}}, http.StatusSeeOther, aliased.ID, aliased.Name, ""},
		{"an alias", url.Values{"speaker": {aliased.Aliases[0]}}, http.StatusSeeOther, aliased.ID, aliased.Name, ""},
		{"a slug", url.Values{"speaker": {other.Slug}}, http.StatusSeeOther, other.ID, other.Name, ""},
		{"one of two of a name, by entry", url.Values{"speaker": {"Aidos Serikbayev (aidos-two)"}}, http.StatusSeeOther, -2, "Aidos Serikbayev", ""},
		{"a name not on record, kept as typed", url.Values{"speaker": {"A witness"}, "unlisted": {"1"}}, http.StatusSeeOther, 0, "A witness", ""},
		{"a name nobody has", url.Values{"speaker": {"Nobody Atall"}}, http.StatusBadRequest, 0, "", "No person on record is named"},
		{"a name two people have", url.Values{"speaker": {"Aidos Serikbayev"}}, http.StatusBadRequest, 0, "", "names 2 people"},
		{"nothing typed", url.Values{"speaker": {" "}}, http.StatusBadRequest, 0, "", "Type the speaker"},
		{"the older id field", url.Values{"person": {strconv.FormatInt(aliased.ID, 10)}}, http.StatusSeeOther, aliased.ID, aliased.Name, ""},
	}
	for _, tt := range speakerTests {
		t.Run("speaker: "+tt.name, func(t *testing.T) {
			before := mustStatement(t, db, st.ID)
			form := url.Values{"csrf": {cl.formToken()}}
			for k, v := range tt.form {
				form[k] = v
			}
			rec := cl.do("POST", "/w/statements/"+strconv.FormatInt(st.ID, 10)+"/speaker", form)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantStatus, rec.Body.String())
			}
			got := mustStatement(t, db, st.ID)
			if tt.wantError != "" {
				if !strings.Contains(rec.Body.String(), tt.wantError) {
					t.Errorf("the answer does not say %q:\n%s", tt.wantError, rec.Body.String())
				}
				if got.PersonID != before.PersonID || got.SpeakerName != before.SpeakerName {
					t.Errorf("a refused form changed the speaker from %d %q to %d %q", before.PersonID, before.SpeakerName, got.PersonID, got.SpeakerName)
				}
				return
			}
			want := tt.wantPerson
			if want == -2 {
				p, err := db.PersonBySlug(ctx, "aidos-two")
				if err != nil {
					t.Fatal(err)
				}
				want = p.ID
			}
			if got.PersonID != want || got.SpeakerName != tt.wantName {
				t.Errorf("speaker %d %q, want %d %q", got.PersonID, got.SpeakerName, want, tt.wantName)
			}
		})
	}

	claim := claims[len(claims)-1]
	claimTests := []struct {
		name       string
		claim      string
		wantStatus int
		wantError  string
	}{
		{"a slug of the list", claim.Slug, http.StatusSeeOther, ""},
		{"the hidden id", strconv.FormatInt(claim.ID, 10), http.StatusSeeOther, ""},
		{"a slug the case lacks", "no-such-claim", http.StatusBadRequest, `no claim "no-such-claim"`},
		{"nothing typed", "", http.StatusBadRequest, "choose a claim"},
	}
	for _, tt := range claimTests {
		t.Run("claim: "+tt.name, func(t *testing.T) {
			if err := db.DecideStance(ctx, st.ID, claim.ID, "", inquest.Rejected, "test", "reset"); err != nil && inquest.ErrorCode(err) != inquest.ENOTFOUND {
				t.Fatal(err)
			}
			form := url.Values{"csrf": {cl.formToken()}, "claim": {tt.claim}, "stance": {"denies"}}
			rec := cl.do("POST", "/w/statements/"+strconv.FormatInt(st.ID, 10)+"/stance", form)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantStatus, rec.Body.String())
			}
			stances, err := db.StancesOfStatements(ctx, []int64{st.ID})
			if err != nil {
				t.Fatal(err)
			}
			linked := false
			for _, sn := range stances {
				linked = linked || (sn.ClaimID == claim.ID && sn.Stance == inquest.Denies && sn.Review == inquest.Confirmed)
			}
			if linked != (tt.wantError == "") {
				t.Errorf("statement %d linked to %s: %v, want %v (%v)", st.ID, claim.Slug, linked, tt.wantError == "", stances)
			}
			if tt.wantError != "" && !strings.Contains(rec.Body.String(), escape(tt.wantError)) {
				t.Errorf("the answer does not say %q:\n%s", tt.wantError, rec.Body.String())
			}
		})
	}
}

// TestMergeIntoTypedPerson: the merge form names the other record from the
// people list; a name that names nobody merges nothing.
func TestMergeIntoTypedPerson(t *testing.T) {
	db := storetest.Open(t)
	ctx := context.Background()
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"dup-one", "dup-two"} {
		if err := db.UpsertPerson(ctx, &inquest.Person{Slug: slug, Name: "Dup " + slug, Kind: inquest.ActorPerson}); err != nil {
			t.Fatal(err)
		}
	}
	addUser(t, db, "merger", inquest.RoleAnalyst)
	cl := newClient(t, NewServer(db, Options{}).Handler())
	cl.login("merger")
	page := cl.do("GET", "/w/people/dup-one", nil).Body.String()
	if !strings.Contains(page, `<input name="into" list="ws-people"`) || !strings.Contains(page, `<option value="Dup dup-two (dup-two)">`) || strings.Contains(page, `<option value="Dup dup-one (dup-one)">`) {
		t.Errorf("the person page does not offer the other records, and only them, in one list")
	}
	for _, tt := range []struct {
		into       string
		wantStatus int
		wantGone   bool
	}{
		{"Nobody Atall", http.StatusBadRequest, false},
		{"Dup dup-one (dup-one)", http.StatusBadRequest, false},
		{"Dup dup-two (dup-two)", http.StatusSeeOther, true},
	} {
		rec := cl.do("POST", "/w/people/dup-one/merge", url.Values{"csrf": {cl.formToken()}, "into": {tt.into}})
		if rec.Code != tt.wantStatus {
			t.Errorf("merge into %q: %d, want %d: %s", tt.into, rec.Code, tt.wantStatus, rec.Body.String())
		}
		_, err := db.PersonBySlug(ctx, "dup-one")
		if gone := inquest.ErrorCode(err) == inquest.ENOTFOUND; gone != tt.wantGone {
			t.Errorf("after merging into %q dup-one gone: %v, want %v", tt.into, gone, tt.wantGone)
		}
	}
}

func mustStatement(t *testing.T, db interface {
	Statement(context.Context, int64) (*inquest.Statement, error)
}, id int64) *inquest.Statement {
	t.Helper()
	st, err := db.Statement(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

var escapeRe = regexp.MustCompile(`["'&<>]`)

// escape is s as html/template writes it in text.
func escape(s string) string {
	return escapeRe.ReplaceAllStringFunc(s, func(c string) string {
		return map[string]string{`"`: "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}[c]
	})
}

// TestPeopleListFollowsOtherProcesses: the list of people the review
// queue offers is kept between requests, yet a person another process adds
// or renames is offered at the next request, under the new name.
func TestPeopleListFollowsOtherProcesses(t *testing.T) {
	ctx := context.Background()
	c, cl, other := demoAnalyst(t)
	review := "/w/cases/" + c.Slug + "/review"
	offers := func(entry string) bool {
		t.Helper()
		rec := cl.do("GET", review, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", review, rec.Code)
		}
		return strings.Contains(rec.Body.String(), `<option value="`+entry+`">`)
	}
	if offers("Dana Witness (dana-witness)") {
		t.Fatal("the review queue offers a person before anyone added her")
	}
	p := &inquest.Person{Slug: "dana-witness", Name: "Dana Witness", Kind: inquest.ActorPerson}
	if err := other.UpsertPerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if !offers("Dana Witness (dana-witness)") {
		t.Error("a person added by another process is not offered at the next request")
	}
	p.Name = "Dana Witness-Serikova"
	if err := other.UpsertPerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	if !offers("Dana Witness-Serikova (dana-witness)") || offers("Dana Witness (dana-witness)") {
		t.Error("a person renamed by another process is offered under her old name")
	}
}

// TestClaimsListFollowsOtherProcesses: a case's claims are kept between
// requests, yet a claim another process adds, or whose text it changes, is
// on the claims page and offered by the review queue at the next request.
func TestClaimsListFollowsOtherProcesses(t *testing.T) {
	ctx := context.Background()
	c, cl, other := demoAnalyst(t)
	page := func(path string) string {
		t.Helper()
		rec := cl.do("GET", path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, rec.Code)
		}
		return rec.Body.String()
	}
	claims, review := "/w/cases/"+c.Slug+"/claims", "/w/cases/"+c.Slug+"/review"
	if strings.Contains(page(claims), "Shots were fired without warning") {
		t.Fatal("the claims page shows a claim before anyone added it")
	}
	claim := &inquest.Claim{CaseID: c.ID, Slug: "no-warning", Text: "Shots were fired without warning."}
	if err := other.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page(claims), "Shots were fired without warning") {
		t.Error("a claim added by another process is not on the claims page at the next request")
	}
	if !strings.Contains(page(review), `<option value="no-warning">`) {
		t.Error("a claim added by another process is not offered by the review queue at the next request")
	}
	claim.Text = "Troops fired without any warning."
	if err := other.UpsertClaim(ctx, claim); err != nil {
		t.Fatal(err)
	}
	if body := page(claims); !strings.Contains(body, "Troops fired without any warning") || strings.Contains(body, "Shots were fired without warning") {
		t.Error("a claim reworded by another process keeps its old words on the claims page")
	}
}

// demoAnalyst serves the demo case to a signed-in analyst, and opens a
// second handle on its database, as the command line or another instance
// would; the handle closes when the test ends.
func demoAnalyst(t *testing.T) (*inquest.Case, *client, *store.DB) {
	t.Helper()
	ctx := context.Background()
	db, dsn := storetest.OpenFile(t)
	if _, err := demo.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	addUser(t, db, "keeper", inquest.RoleAnalyst)
	cl := newClient(t, NewServer(db, Options{}).Handler())
	cl.login("keeper")
	other, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return mustCase(t, db), cl, other
}
