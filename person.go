package inquest

import (
	"context"
	"time"
)

// ActorKind tells a person from an organisation; both can say things.
type ActorKind string

// Actor kinds.
const (
	ActorPerson       ActorKind = "person"
	ActorOrganisation ActorKind = "organisation"
)

// Person is an actor: a person or an organisation (KNB, CSTO, the Prosecutor
// General's Office) with a canonical name, names per language, aliases in any
// script, and the positions held, which let a role title resolve to a person
// on a given day.
type Person struct {
	ID        int64             `json:"id"`
	Slug      string            `json:"slug"` // the id of the people file, e.g. "tokayev"
	Kind      ActorKind         `json:"kind"`
	Name      string            `json:"name"`
	Names     map[string]string `json:"names,omitempty"` // language -> name
	Aliases   []string          `json:"aliases,omitempty"`
	Positions []Position        `json:"positions,omitempty"`
	Private   bool              `json:"private"` // a protected name: never published
	Note      string            `json:"note,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
}

// Position is an office held between two days; From or To may be unknown.
type Position struct {
	ID           int64    `json:"id,omitempty"`
	Title        string   `json:"title"`
	Organisation string   `json:"organisation,omitempty"`
	Aliases      []string `json:"aliases,omitempty"` // other ways to name the office
	From         Date     `json:"from,omitempty"`
	To           Date     `json:"to,omitempty"`
	Approximate  bool     `json:"approximate,omitempty"` // the bounds are the nearest known
}

// Validate checks the fields a user supplies.
func (p *Person) Validate() error {
	if !ValidSlug(p.Slug) {
		return Errorf(EINVALID, "person id %q must be lower-case letters, digits and dashes", p.Slug)
	}
	if p.Name == "" {
		return Errorf(EINVALID, "person %q has no name", p.Slug)
	}
	for _, pos := range p.Positions {
		if pos.Title == "" {
			return Errorf(EINVALID, "person %q has a position without a title", p.Slug)
		}
		if err := pos.From.Validate(); err != nil {
			return err
		}
		if err := pos.To.Validate(); err != nil {
			return err
		}
		if pos.From.Known() && pos.To.Known() && pos.To < pos.From {
			return Errorf(EINVALID, "person %q: position %q ends (%s) before it starts (%s)", p.Slug, pos.Title, pos.To, pos.From)
		}
	}
	return nil
}

// HeldOn reports whether the position was held on day d. An unknown d matches
// every position: the caller then has no better evidence.
func (pos Position) HeldOn(d Date) bool { return d.Within(pos.From, pos.To) }

// PersonService stores actors.
type PersonService interface {
	// UpsertPerson inserts p, or replaces the person with the same slug
	// (names, aliases, positions), and sets ID.
	UpsertPerson(ctx context.Context, p *Person) error
	// Person returns one person with positions. ENOTFOUND.
	Person(ctx context.Context, id int64) (*Person, error)
	// PersonBySlug returns one person with positions. ENOTFOUND.
	PersonBySlug(ctx context.Context, slug string) (*Person, error)
	// People lists every person with positions, ordered by name.
	People(ctx context.Context) ([]*Person, error)
}
