package analysis

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/inquest-project/inquest"
)

// Actors decides who said something: a known person, an office, or a speaker
// known only by the name the text gives. An office is an actor in its own
// right, so "the Prosecutor General's Office" can contradict the President, and
// two holders of one office can reverse the office's position.
type Actors struct {
	people map[int64]*inquest.Person
	// offices maps a normalised office name or alias to its canonical key, the
	// normalised title of the position. Aliases claimed by two different titles
	// are dropped: guessing would merge two offices.
	offices map[string]string
}

// NewActors indexes people and the titles and aliases of their positions.
func NewActors(people []*inquest.Person) *Actors {
	a := &Actors{people: map[int64]*inquest.Person{}, offices: map[string]string{}}
	ambiguous := map[string]bool{}
	add := func(name, title string) {
		n := normalizeOffice(name)
		if n == "" || ambiguous[n] {
			return
		}
		if prev, ok := a.offices[n]; ok && prev != title {
			delete(a.offices, n)
			ambiguous[n] = true
			return
		}
		a.offices[n] = title
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		if p.ID != 0 {
			a.people[p.ID] = p
		}
		for _, pos := range p.Positions {
			title := normalizeOffice(pos.Title)
			if title == "" {
				continue
			}
			add(pos.Title, title)
			for _, al := range pos.Aliases {
				add(al, title)
			}
		}
	}
	return a
}

// Speaker is what the analysis needs to know about who said something.
type Speaker struct {
	PersonID int64
	Name     string
	Role     string
	On       inquest.Date
}

// Actor is the identity of a speaker: Key is the person ("p:12"), else the
// office ("o:prosecutor general of kazakhstan"), else the normalised name
// ("n:khabar 24"). Office is the office the speaker spoke for, "" if none is
// known.
type Actor struct {
	Key    string
	Office string
}

// Same reports whether two actors are one for the purpose of a reversal: the
// same person, or the same office whoever held it.
func (x Actor) Same(y Actor) bool {
	if x.Key == "" || y.Key == "" {
		return false
	}
	return x.Key == y.Key || (x.Office != "" && x.Office == y.Office)
}

// Of returns the actor of a speaker.
func (a *Actors) Of(s Speaker) Actor {
	office := a.office(s.Role)
	if office == "" && s.PersonID != 0 {
		office = a.heldOn(s.PersonID, s.On)
	}
	if office == "" && s.PersonID == 0 {
		office = a.office(s.Name)
	}
	switch {
	case s.PersonID != 0:
		return Actor{Key: "p:" + strconv.FormatInt(s.PersonID, 10), Office: office}
	case office != "":
		return Actor{Key: "o:" + office, Office: office}
	}
	if n := normalizeOffice(s.Name); n != "" {
		return Actor{Key: "n:" + n}
	}
	if n := normalizeOffice(s.Role); n != "" {
		return Actor{Key: "n:" + n}
	}
	return Actor{}
}

// OfStatement returns the actor who made a statement.
func (a *Actors) OfStatement(st *inquest.Statement) Actor {
	return a.Of(Speaker{PersonID: st.PersonID, Name: st.SpeakerName, Role: st.SpeakerRole, On: st.SaidOn})
}

// office resolves a name or role to an office key, "" if it names none.
func (a *Actors) office(name string) string {
	n := normalizeOffice(name)
	if n == "" {
		return ""
	}
	return a.offices[n]
}

// heldOn returns the one office the person held on day d, "" when none or
// several: a person speaking with two hats is not guessed into either.
func (a *Actors) heldOn(personID int64, d inquest.Date) string {
	p := a.people[personID]
	if p == nil {
		return ""
	}
	found := ""
	for _, pos := range p.Positions {
		if !pos.HeldOn(d) {
			continue
		}
		if found != "" {
			return ""
		}
		found = normalizeOffice(pos.Title)
	}
	return found
}

// Name returns a display name for a person id, "" if unknown.
func (a *Actors) Name(personID int64) string {
	if p := a.people[personID]; p != nil {
		return p.Name
	}
	return ""
}

// Slug returns the people-file id of a person, "" if unknown.
func (a *Actors) Slug(personID int64) string {
	if p := a.people[personID]; p != nil {
		return p.Slug
	}
	return ""
}

var possessive = strings.NewReplacer("’s ", " ", "'s ", " ")

// normalizeOffice folds the ways a text names an office onto one form:
// lower case, punctuation as space, and without the words that only say it is
// an office ("the", "'s office", "office of the"), so that "the Prosecutor
// General's Office" and "Prosecutor General" meet.
func normalizeOffice(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = possessive.Replace(s + " ")
	fields := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, len(fields))
	for i, f := range fields {
		switch f {
		case "the", "office":
			continue
		case "of":
			// "office of the prosecutor general": the "of" belongs to "office".
			if i > 0 && fields[i-1] == "office" {
				continue
			}
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}
