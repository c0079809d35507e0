package web

import (
	"context"
	"html/template"
	"strconv"
	"strings"
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
	menu   string // every person as an <option> of a menu (menuOptions)
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
	n := &peopleNames{stamp: stamp, people: people, list: peopleList(people), menu: peopleMenu(people)}
	peopleNameLists.Store(s.st, n)
	return n, nil
}

// peopleMenu is every person as an <option> of a menu whose value is the
// person's id.
func peopleMenu(people []*inquest.Person) string {
	var b strings.Builder
	for _, p := range people {
		b.WriteString(`<option value="`)
		b.WriteString(strconv.FormatInt(p.ID, 10))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(p.Name))
		b.WriteString(`</option>`)
	}
	return b.String()
}

// menuOptions returns the options of a menu of every person, the person of
// id selected (0: none). The search's speaker menu rendered two thousand
// options through its template on every request, a fifth of the page's
// cost; the kept options are copied once, with one mark added.
func (n *peopleNames) menuOptions(selected int64) template.HTML {
	if selected != 0 {
		open := `<option value="` + strconv.FormatInt(selected, 10) + `"`
		if i := strings.Index(n.menu, open+">"); i >= 0 {
			return template.HTML(n.menu[:i] + open + " selected" + n.menu[i+len(open):])
		}
	}
	return template.HTML(n.menu)
}
