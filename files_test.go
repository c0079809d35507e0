package inquest

import (
	"strings"
	"testing"
)

func TestReadPeople(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the slug of the first person, or the error's substring
		wantErr  bool
	}{
		{"positions and names", `{"people": [{"id": "asylov", "name": "Berik Asylov", "names": {"ru": "Берик Асылов"},
			"aliases": ["Асылов"], "positions": [{"title": "Prosecutor General", "from": "2022-02-01"}]}]}`, "asylov", false},
		{"not JSON", `{"people": [`, "not valid JSON", true},
		{"trailing data", `{"people": []} {"people": []}`, "after the JSON value", true},
		{"bad id", `{"people": [{"id": "Not A Slug", "name": "X"}]}`, "person 1", true},
		{"no name", `{"people": [{"id": "x"}]}`, "has no name", true},
		{"bad date", `{"people": [{"id": "x", "name": "X", "positions": [{"title": "T", "from": "14 March"}]}]}`, "YYYY-MM-DD", true},
		{"ends before it starts", `{"people": [{"id": "x", "name": "X", "positions": [{"title": "T", "from": "2022-03-01", "to": "2022-01-01"}]}]}`, "ends", true},
		{"duplicate id", `{"people": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}]}`, "appears twice", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPeople("people.json", strings.NewReader(tt.in))
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "people.json") {
					t.Fatalf("ReadPeople error = %v, want one naming people.json and %q", err, tt.want)
				}
				if ErrorCode(err) != EINVALID {
					t.Errorf("error code = %q, want %q", ErrorCode(err), EINVALID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got[0].Slug != tt.want || got[0].Kind != ActorPerson || len(got[0].Positions) != 1 {
				t.Errorf("got %+v", got[0])
			}
		})
	}
}

func TestReadClaims(t *testing.T) {
	got, err := ReadClaims("claims.json", strings.NewReader(`{"claims": [{"id": "coup", "text": "It was a coup.", "text_ru": "Это был переворот."}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Slug != "coup" || got[0].TextIn("ru") != "Это был переворот." || got[0].TextIn("kk") != "It was a coup." {
		t.Errorf("got %+v", got[0])
	}
	for _, bad := range []string{`{"claims": [{"id": "x"}]}`, `{"claims": [{"id": "x", "text": 5}]}`, `[]`, `{"claims": [{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]}`} {
		if _, err := ReadClaims("claims.json", strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "claims.json") {
			t.Errorf("ReadClaims(%s) error = %v, want one naming claims.json", bad, err)
		}
	}
}

// FuzzReadPeopleAndClaims checks that no input panics and that whatever is
// accepted validates: the importers must never store what Validate refuses.
func FuzzReadPeopleAndClaims(f *testing.F) {
	f.Add(`{"people": [{"id": "a", "name": "A", "positions": [{"title": "T", "from": "2022-01-01"}]}]}`)
	f.Add(`{"claims": [{"id": "c", "text": "C", "text_ru": "Ц"}]}`)
	f.Add(`{"people": [{"id": "a", "name": "A", "positions": [{"title": ""}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		if people, err := ReadPeople("p.json", strings.NewReader(in)); err == nil {
			for _, p := range people {
				if err := p.Validate(); err != nil {
					t.Fatalf("accepted an invalid person: %v", err)
				}
			}
		}
		if claims, err := ReadClaims("c.json", strings.NewReader(in)); err == nil {
			for _, c := range claims {
				if err := c.Validate(); err != nil {
					t.Fatalf("accepted an invalid claim: %v", err)
				}
			}
		}
	})
}
