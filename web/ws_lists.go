package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// The speaker and claim fields of the workspace's forms name a person or a
// claim from one list per page (a <datalist>) rather than a menu of their
// own: a review page of a hundred items and two thousand people carried
// the two thousand names a hundred times, megabytes a page. The fields are
// plain text with suggestions, so the forms work without JavaScript; the
// server reads what was typed back into a person or claim, and says so
// when it names none.

// pickList is one page's list of people or claims: the <datalist> and the
// entry that names each of them in it.
type pickList struct {
	HTML  template.HTML
	entry map[int64]string
}

// Entry is the text the list gives the person or claim of id (an int64,
// or the int 0 of a template variable for none), "" for none.
func (l pickList) Entry(v any) string {
	switch n := v.(type) {
	case int64:
		return l.entry[n]
	case int:
		return l.entry[int64(n)]
	}
	return ""
}

const (
	peopleListID = "ws-people"
	claimsListID = "ws-claims"
)

// personEntry names a person in the list: the name, and the slug that
// tells two people of one name apart.
func personEntry(p *inquest.Person) string { return p.Name + " (" + p.Slug + ")" }

// peopleList is the list of every person on record.
func peopleList(people []*inquest.Person) pickList {
	l := pickList{entry: make(map[int64]string, len(people))}
	var b strings.Builder
	b.WriteString(`<datalist id="` + peopleListID + `">`)
	for _, p := range people {
		e := personEntry(p)
		l.entry[p.ID] = e
		b.WriteString(`<option value="`)
		b.WriteString(template.HTMLEscapeString(e))
		b.WriteString(`">`)
	}
	b.WriteString("</datalist>")
	l.HTML = template.HTML(b.String())
	return l
}

// claimsList is the list of a case's claims, by slug, with their text.
func claimsList(claims []*inquest.Claim) pickList {
	l := pickList{entry: make(map[int64]string, len(claims))}
	var b strings.Builder
	b.WriteString(`<datalist id="` + claimsListID + `">`)
	for _, c := range claims {
		l.entry[c.ID] = c.Slug
		b.WriteString(`<option value="`)
		b.WriteString(template.HTMLEscapeString(c.Slug))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(shorten(c.Text, 90)))
		b.WriteString("</option>")
	}
	b.WriteString("</datalist>")
	l.HTML = template.HTML(b.String())
	return l
}

// shorten cuts s to at most n code points, with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// personNamed finds the person a speaker field names: an entry of the
// list ("Name (slug)"), a slug, or a name, alias or name in another
// script that is one person's alone.
func (s *Server) personNamed(ctx context.Context, typed string) (*inquest.Person, error) {
	v := strings.TrimSpace(typed)
	if i := strings.LastIndex(v, " ("); i > 0 && strings.HasSuffix(v, ")") {
		p, err := s.st.PersonBySlug(ctx, v[i+2:len(v)-1])
		if err == nil {
			return p, nil
		}
		if inquest.ErrorCode(err) != inquest.ENOTFOUND {
			return nil, err
		}
	}
	if p, err := s.st.PersonBySlug(ctx, v); err == nil {
		return p, nil
	} else if inquest.ErrorCode(err) != inquest.ENOTFOUND {
		return nil, err
	}
	people, err := s.st.People(ctx)
	if err != nil {
		return nil, err
	}
	var found []*inquest.Person
	for _, p := range people {
		if personAnswersTo(p, v) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, inquest.Errorf(inquest.EINVALID, "No person on record is named %q. Choose a name from the list; for a speaker who is not on record, tick \"not on record\" to keep the name as typed.", v)
	}
	var entries []string
	for _, p := range found {
		entries = append(entries, personEntry(p))
	}
	return nil, inquest.Errorf(inquest.EINVALID, "%q names %d people: %s. Choose one of them from the list.", v, len(found), strings.Join(entries, ", "))
}

// personAnswersTo reports whether name is p's name, a name of p in another
// script or an alias of p, ignoring case.
func personAnswersTo(p *inquest.Person, name string) bool {
	if strings.EqualFold(p.Name, name) {
		return true
	}
	for _, n := range p.Names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	for _, a := range p.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// claimNamed finds the claim of the case a claim field names: its slug,
// or its id (the hidden fields of the confirm and reject buttons).
func (s *Server) claimNamed(ctx context.Context, caseID int64, typed string) (int64, error) {
	v := strings.TrimSpace(typed)
	if v == "" {
		return 0, inquest.Errorf(inquest.EINVALID, "choose a claim from the list")
	}
	claims, err := s.caseClaims(ctx, caseID)
	if err != nil {
		return 0, err
	}
	for _, c := range claims {
		if c.Slug == v {
			return c.ID, nil
		}
	}
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	return 0, inquest.Errorf(inquest.EINVALID, "This case has no claim %q. Choose a claim from the list (by its short name, such as %q).", v, firstSlug(claims))
}

func firstSlug(claims []*inquest.Claim) string {
	if len(claims) == 0 {
		return "a-claim"
	}
	return claims[0].Slug
}

// speakerFromForm reads the speaker form: a person from the list (the
// field "speaker"), the same typed as a name not on record (with
// "unlisted"), or the older fields "person" (an id) and "name".
func (s *Server) speakerFromForm(r *http.Request) (personID int64, name string, err error) {
	if personID, err = formID(r, "person"); err != nil || personID != 0 {
		return personID, "", err
	}
	typed := strings.TrimSpace(r.PostFormValue("speaker"))
	if typed == "" {
		return 0, r.PostFormValue("name"), nil
	}
	if r.PostFormValue("unlisted") != "" {
		return 0, typed, nil
	}
	p, err := s.personNamed(r.Context(), typed)
	if err != nil {
		return 0, "", err
	}
	return p.ID, "", nil
}
