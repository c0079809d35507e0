package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// Search across the case's sources, statements, people and claims in the
// database's own full-text index, any inflected form of a Russian or Kazakh
// word finding the others (store.Stem), with filters.

type wsSearchPage struct {
	wsPage
	Query    inquest.RecordQuery
	Q        string
	Kind     string
	Speaker  int64
	Claim    int64
	Searched bool
	Error    string
	Groups   []wsHitGroup
	// SpeakerOptions is the speaker menu's options, every person on
	// record (peopleNames.menuOptions).
	SpeakerOptions template.HTML
	Claims         []*inquest.Claim
}

func (p wsSearchPage) PageTitle() string { return "Search · " + p.Case.Title }

type wsHitGroup struct {
	Kind  string
	Label string
	Hits  []wsHit
}

type wsHit struct {
	inquest.RecordHit
	Href string
}

func (s *Server) wsSearchPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.wsCase(r)
	if err != nil {
		return err
	}
	ws, err := s.ws()
	if err != nil {
		return err
	}
	ctx := r.Context()
	v := r.URL.Query()
	p := wsSearchPage{wsPage: s.wsBase(r, c, "search"), Q: v.Get("q"), Kind: v.Get("kind")}
	// The speaker menu needs names only (PeopleNames skips the names in
	// other scripts, aliases and positions of two thousand people).
	people, err := s.peopleNames(ctx)
	if err != nil {
		return err
	}
	if p.Claims, err = s.caseClaims(ctx, c.ID); err != nil {
		return err
	}
	q := inquest.RecordQuery{CaseID: c.ID, Text: p.Q, Language: v.Get("lang"), Workspace: true}
	if p.Kind != "" {
		q.Kinds = []string{p.Kind}
	}
	p.Speaker, _ = strconv.ParseInt(v.Get("speaker"), 10, 64)
	p.SpeakerOptions = people.menuOptions(p.Speaker)
	p.Claim, _ = strconv.ParseInt(v.Get("claim"), 10, 64)
	q.PersonID, q.ClaimID = p.Speaker, p.Claim
	if q.From, err = inquest.ParseDate(v.Get("from")); err != nil {
		p.Error = inquest.ErrorMessage(err)
	}
	if q.To, err = inquest.ParseDate(v.Get("to")); err != nil {
		p.Error = inquest.ErrorMessage(err)
	}
	p.Query = q
	status := http.StatusOK
	if strings.TrimSpace(p.Q) != "" && p.Error == "" {
		p.Searched = true
		hits, err := ws.SearchRecord(ctx, q)
		if inquest.ErrorCode(err) == inquest.EINVALID {
			p.Error, status = inquest.ErrorMessage(err), http.StatusBadRequest
		} else if err != nil {
			return err
		}
		labels := map[string]string{"source": "Sources", "statement": "Statements", "person": "People", "claim": "Claims"}
		index := map[string]int{}
		for _, h := range hits {
			i, ok := index[h.Kind]
			if !ok {
				i = len(p.Groups)
				index[h.Kind] = i
				p.Groups = append(p.Groups, wsHitGroup{Kind: h.Kind, Label: labels[h.Kind]})
			}
			p.Groups[i].Hits = append(p.Groups[i].Hits, wsHit{RecordHit: h, Href: hitHref(c, h)})
		}
	}
	s.render(w, r, status, "ws_search", p)
	return nil
}

func hitHref(c *inquest.Case, h inquest.RecordHit) string {
	switch h.Kind {
	case "source":
		return "/w/sources/" + strconv.FormatInt(h.ID, 10)
	case "statement":
		return "/w/sources/" + strconv.FormatInt(h.SourceID, 10) + "#ts-" + strconv.FormatInt(h.ID, 10)
	case "person":
		return "/w/people/" + h.Slug
	}
	return "/w/cases/" + c.Slug + "/claims?claim=" + url.QueryEscape(h.Slug)
}
