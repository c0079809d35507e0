package web

import (
	"context"
	"sync"

	"github.com/inquest-project/inquest"
)

// The review queue, a source, the search and a person's page each offer
// every person on record to choose a speaker from: two thousand people,
// read and turned into a list on each request, were a twelfth of a busy
// server's processor time. The list is kept, with the store's stamp of
// the people (PeopleStamp), and read again only when the stamp moves: a
// person added, renamed, made private or merged, here or by another
// process. Reading the stamp is one small query.

// peopleNames is every person by name, and the list of them a page offers;
// both are shared by the requests that use them and never changed.
type peopleNames struct {
	stamp  string
	people []*inquest.Person
	list   pickList
}

var peopleNameLists sync.Map // inquest.Store -> *peopleNames

// peopleNames returns every person by name and the list to choose from,
// as the store holds them now.
func (s *Server) peopleNames(ctx context.Context) (*peopleNames, error) {
	pw, err := s.paged()
	if err != nil {
		return nil, err
	}
	stamp, err := pw.PeopleStamp(ctx)
	if err != nil {
		return nil, err
	}
	if v, ok := peopleNameLists.Load(s.st); ok && v.(*peopleNames).stamp == stamp {
		return v.(*peopleNames), nil
	}
	// Read after the stamp: the list is at least as new as it says.
	people, err := pw.PeopleNames(ctx)
	if err != nil {
		return nil, err
	}
	n := &peopleNames{stamp: stamp, people: people, list: peopleList(people)}
	peopleNameLists.Store(s.st, n)
	return n, nil
}
