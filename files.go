package inquest

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// The people and claims files are the JSON formats of the case corpus
// (../shared/corpus/dev/people.json and claims.json). `inquest extract` reads
// them statelessly; `inquest people import` and `claims import` store them.

type peopleFile struct {
	People []struct {
		ID        string            `json:"id"`
		Name      string            `json:"name"`
		Kind      string            `json:"kind"`
		Names     map[string]string `json:"names"`
		Aliases   []string          `json:"aliases"`
		Positions []struct {
			Title        string   `json:"title"`
			Organisation string   `json:"organisation"`
			Aliases      []string `json:"aliases"`
			From         string   `json:"from"`
			To           string   `json:"to"`
			Approximate  bool     `json:"approximate"`
		} `json:"positions"`
	} `json:"people"`
}

// ReadPeople decodes a people file. name is used in error messages.
func ReadPeople(name string, r io.Reader) ([]*Person, error) {
	var f peopleFile
	if err := decodeStrict(r, &f); err != nil {
		return nil, Errorf(EINVALID, "people file %s: %v", name, err)
	}
	seen := map[string]bool{}
	var out []*Person
	for i, fp := range f.People {
		p := &Person{Slug: fp.ID, Name: fp.Name, Kind: ActorKind(fp.Kind), Names: fp.Names, Aliases: fp.Aliases}
		if p.Kind == "" {
			p.Kind = ActorPerson
		}
		for _, fpos := range fp.Positions {
			p.Positions = append(p.Positions, Position{Title: fpos.Title, Organisation: fpos.Organisation,
				Aliases: fpos.Aliases, From: Date(fpos.From), To: Date(fpos.To), Approximate: fpos.Approximate})
		}
		if err := p.Validate(); err != nil {
			return nil, Errorf(EINVALID, "people file %s: person %d: %s", name, i+1, ErrorMessage(err))
		}
		if seen[p.Slug] {
			return nil, Errorf(EINVALID, "people file %s: id %q appears twice", name, p.Slug)
		}
		seen[p.Slug] = true
		out = append(out, p)
	}
	return out, nil
}

type claimsFile struct {
	Claims []map[string]string `json:"claims"`
}

// ReadClaims decodes a claims file: objects with "id", "text" and "text_LANG"
// for other languages. name is used in error messages.
func ReadClaims(name string, r io.Reader) ([]*Claim, error) {
	var f claimsFile
	if err := decodeStrict(r, &f); err != nil {
		return nil, Errorf(EINVALID, "claims file %s: %v", name, err)
	}
	seen := map[string]bool{}
	var out []*Claim
	for i, fc := range f.Claims {
		c := &Claim{Slug: fc["id"], Text: fc["text"], Texts: map[string]string{}}
		for k, v := range fc {
			if lang, ok := strings.CutPrefix(k, "text_"); ok && v != "" {
				c.Texts[lang] = v
			}
		}
		if err := c.Validate(); err != nil {
			return nil, Errorf(EINVALID, "claims file %s: claim %d: %s", name, i+1, ErrorMessage(err))
		}
		if seen[c.Slug] {
			return nil, Errorf(EINVALID, "claims file %s: id %q appears twice", name, c.Slug)
		}
		seen[c.Slug] = true
		out = append(out, c)
	}
	return out, nil
}

// decodeStrict decodes one JSON value and refuses trailing data, so that a
// truncated or concatenated file is an error rather than half a result.
func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("not valid JSON: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("unexpected data after the JSON value")
	}
	return nil
}
