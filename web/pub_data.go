package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis"
	"github.com/inquest-project/inquest/publish"
)

// Feeds and open data. Every row carries the stable URL of its record, and
// every table is built from the public record only.

func (s *Server) chaptersFeed(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	base := "/cases/" + rec.Case.Slug
	f := &publish.Feed{Lang: pc.lang, ID: "tag:inquest," + rec.Case.Slug + ":chapters",
		Title:  rec.Case.Title + " — " + translate(pc.lang, "Chapters"),
		Author: &publish.AtomPerson{Name: "Inquest"},
		Links: []publish.AtomLink{{Href: pc.link(base + "/feed.atom"), Rel: "self", Type: "application/atom+xml"},
			{Href: pc.link(base), Rel: "alternate", Type: "text/html"}}}
	for _, ch := range rec.Chapters {
		reads, err := s.readCited(r.Context(), rec, ch.Body)
		if err != nil {
			return err
		}
		body, _, err := publish.RenderChapter(ch.Body, pc.resolver(reads))
		if err != nil {
			return err
		}
		f.Entries = append(f.Entries, publish.Entry{
			ID:    fmt.Sprintf("tag:inquest,%s:chapter/%s/v%d", rec.Case.Slug, ch.Slug, ch.Version),
			Title: fmt.Sprintf("%d. %s", ch.Number, ch.Title), Updated: publish.AtomTime(ch.PublishedAt), Published: publish.AtomTime(ch.PublishedAt),
			Links:   []publish.AtomLink{{Href: pc.link(base + "/chapters/" + ch.Slug), Rel: "alternate", Type: "text/html"}},
			Content: &publish.AtomText{Type: "html", Body: string(body)},
		})
	}
	return writeFeed(w, f, rec)
}

func (s *Server) contradictionsFeed(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	pc := s.pubCtx(r)
	base := "/cases/" + rec.Case.Slug
	f := &publish.Feed{Lang: pc.lang, ID: "tag:inquest," + rec.Case.Slug + ":contradictions",
		Title:  rec.Case.Title + " — " + translate(pc.lang, "Contradictions"),
		Author: &publish.AtomPerson{Name: "Inquest"},
		Links: []publish.AtomLink{{Href: pc.link(base + "/contradictions.atom"), Rel: "self", Type: "application/atom+xml"},
			{Href: pc.link(base + "/contradictions"), Rel: "alternate", Type: "text/html"}}}
	reads, err := s.readPublic(r.Context(), rec, contradictionStatements(rec.Contradictions), nil)
	if err != nil {
		return err
	}
	for _, k := range rec.Contradictions {
		v, ok := pc.contradiction(reads, k)
		if !ok {
			continue
		}
		at := k.DecidedAt
		if at.IsZero() {
			at = rec.Loaded
		}
		summary := fmt.Sprintf("%s (%s, %s): “%s” — %s (%s, %s): “%s”",
			v.A.Speaker, v.A.Stance, showDate(v.A.Statement.SaidOn), v.A.Statement.Text, v.B.Speaker, v.B.Stance, showDate(v.B.Statement.SaidOn), v.B.Statement.Text)
		f.Entries = append(f.Entries, publish.Entry{
			ID:    fmt.Sprintf("tag:inquest,%s:contradiction/%d", rec.Case.Slug, k.ID),
			Title: v.Text, Updated: publish.AtomTime(at),
			Links:   []publish.AtomLink{{Href: v.Href, Rel: "alternate", Type: "text/html"}},
			Summary: &publish.AtomText{Type: "text", Body: summary},
		})
	}
	return writeFeed(w, f, rec)
}

func writeFeed(w http.ResponseWriter, f *publish.Feed, rec *pubRecord) error {
	var buf bytes.Buffer
	if err := publish.WriteAtom(&buf, f, rec.Loaded); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, err := buf.WriteTo(w)
	return err
}

// ---- open data tables

type statementRow struct {
	ID           int64             `json:"id" csv:"id"`
	URL          string            `json:"url" csv:"url"`
	SourceID     int64             `json:"source_id" csv:"source_id"`
	SourceURL    string            `json:"source_url" csv:"source_url"`
	Speaker      string            `json:"speaker" csv:"speaker"`
	Person       string            `json:"person,omitempty" csv:"person"`
	Role         string            `json:"role,omitempty" csv:"role"`
	SaidOn       string            `json:"said_on,omitempty" csv:"said_on"`
	Venue        string            `json:"venue,omitempty" csv:"venue"`
	Language     string            `json:"language,omitempty" csv:"language"`
	Text         string            `json:"text" csv:"text"`
	Start        int               `json:"start" csv:"start"`
	End          int               `json:"end" csv:"end"`
	Translations map[string]string `json:"translations,omitempty" csv:"translations"`
}

type claimRow struct {
	ID    int64             `json:"id" csv:"id"`
	Slug  string            `json:"slug" csv:"slug"`
	URL   string            `json:"url" csv:"url"`
	Text  string            `json:"text" csv:"text"`
	Texts map[string]string `json:"texts,omitempty" csv:"texts"`
}

type stanceRow struct {
	StatementID  int64  `json:"statement_id" csv:"statement_id"`
	StatementURL string `json:"statement_url" csv:"statement_url"`
	Claim        string `json:"claim" csv:"claim"`
	ClaimURL     string `json:"claim_url" csv:"claim_url"`
	Stance       string `json:"stance" csv:"stance"`
}

type contradictionRow struct {
	ID          int64  `json:"id" csv:"id"`
	URL         string `json:"url" csv:"url"`
	Claim       string `json:"claim" csv:"claim"`
	Kind        string `json:"kind" csv:"kind"`
	Degree      string `json:"degree,omitempty" csv:"degree"`
	AStatement  int64  `json:"a_statement_id" csv:"a_statement_id"`
	ASpeaker    string `json:"a_speaker" csv:"a_speaker"`
	AStance     string `json:"a_stance" csv:"a_stance"`
	BStatement  int64  `json:"b_statement_id" csv:"b_statement_id"`
	BSpeaker    string `json:"b_speaker" csv:"b_speaker"`
	BStance     string `json:"b_stance" csv:"b_stance"`
	ConfirmedAt string `json:"confirmed_at,omitempty" csv:"confirmed_at"`
}

type figureRow struct {
	ID          int64   `json:"id" csv:"id"`
	URL         string  `json:"url" csv:"url"`
	Measure     string  `json:"measure" csv:"measure"`
	Value       float64 `json:"value" csv:"value"`
	ValueMax    float64 `json:"value_max,omitempty" csv:"value_max"`
	Qualifier   string  `json:"qualifier,omitempty" csv:"qualifier"`
	AsOf        string  `json:"as_of,omitempty" csv:"as_of"`
	Claimant    string  `json:"claimant,omitempty" csv:"claimant"`
	Text        string  `json:"text" csv:"text"`
	SourceID    int64   `json:"source_id" csv:"source_id"`
	StatementID int64   `json:"statement_id,omitempty" csv:"statement_id"`
}

type questionRow struct {
	ID                int64  `json:"id" csv:"id"`
	URL               string `json:"url" csv:"url"`
	Text              string `json:"text" csv:"text"`
	Asker             string `json:"asker,omitempty" csv:"asker"`
	Addressee         string `json:"addressee,omitempty" csv:"addressee"`
	AskedOn           string `json:"asked_on,omitempty" csv:"asked_on"`
	Venue             string `json:"venue,omitempty" csv:"venue"`
	Status            string `json:"status" csv:"status"`
	DaysUnanswered    int    `json:"days_unanswered" csv:"days_unanswered"`
	AnswerStatementID int64  `json:"answer_statement_id,omitempty" csv:"answer_statement_id"`
}

// dataTables are the downloads of a case, by name.
var dataTables = []string{"statements", "claims", "stances", "contradictions", "figures", "questions"}

// table returns the rows of the download name, false if there is none;
// the statements, a bulk table, are written by writeStatements.
func (pc pubContext) table(ctx context.Context, rec *pubRecord, name string) (any, bool, error) {
	base := "/cases/" + rec.Case.Slug
	switch name {
	case "claims":
		rows := []claimRow{}
		for _, cl := range rec.Claims {
			rows = append(rows, claimRow{ID: cl.ID, Slug: cl.Slug, URL: pc.link(base + "/claims/" + cl.Slug), Text: cl.Text, Texts: cl.Texts})
		}
		return rows, true, nil
	case "stances":
		rows := []stanceRow{}
		for _, sn := range rec.Stances {
			k, cl := rec.mustKey(sn.StatementID), rec.claim[sn.ClaimID]
			rows = append(rows, stanceRow{StatementID: k.ID, StatementURL: pc.statementLink(k.SourceID, k.ID), Claim: cl.Slug,
				ClaimURL: pc.link(base + "/claims/" + cl.Slug), Stance: string(sn.Stance)})
		}
		return rows, true, nil
	case "contradictions":
		rows := []contradictionRow{}
		reads, err := pc.s.readPublic(ctx, rec, contradictionStatements(rec.Contradictions), nil)
		if err != nil {
			return nil, false, err
		}
		for _, k := range rec.Contradictions {
			v, ok := pc.contradiction(reads, k)
			if !ok {
				continue
			}
			row := contradictionRow{ID: k.ID, URL: v.Href, Claim: v.Claim.Slug, Kind: string(k.Kind), Degree: k.Degree,
				AStatement: k.AStatementID, ASpeaker: v.A.Speaker, AStance: string(v.A.Stance),
				BStatement: k.BStatementID, BSpeaker: v.B.Speaker, BStance: string(v.B.Stance)}
			if !k.DecidedAt.IsZero() {
				row.ConfirmedAt = k.DecidedAt.UTC().Format(time.RFC3339)
			}
			rows = append(rows, row)
		}
		return rows, true, nil
	case "figures":
		rows := []figureRow{}
		measure := map[int64]string{}
		for _, m := range rec.Measures {
			measure[m.ID] = m.Slug
		}
		for _, f := range rec.Figures {
			m := measure[f.MeasureID]
			if m == "" {
				m = f.Measure
			}
			rows = append(rows, figureRow{ID: f.ID, URL: pc.link(fmt.Sprintf("/sources/%d#tf-%d", f.SourceID, f.ID)), Measure: m,
				Value: f.Value, ValueMax: f.ValueMax, Qualifier: f.Qualifier, AsOf: string(f.AsOf), Claimant: f.ClaimantName,
				Text: f.Text, SourceID: f.SourceID, StatementID: f.StatementID})
		}
		return rows, true, nil
	case "questions":
		rows := []questionRow{}
		for _, q := range rec.Questions {
			row := questionRow{ID: q.ID, URL: pc.link(fmt.Sprintf("%s/questions#q-%d", base, q.ID)), Text: q.Text, Asker: q.AskerName,
				Addressee: q.AddresseeName, AskedOn: string(q.AskedOn), Venue: q.Venue, Status: string(analysis.StatusOf(q)),
				DaysUnanswered: -1, AnswerStatementID: q.AnswerStatementID}
			if st := analysis.StatusOf(q); st == inquest.Open || st == inquest.Evaded {
				row.DaysUnanswered = q.DaysOpen(pc.today)
			}
			rows = append(rows, row)
		}
		return rows, true, nil
	}
	return nil, false, nil
}

// bulkTables are the downloads that grow with the case's statements:
// they are written a thousand rows at a time as they are read, straight to
// the reader, and never kept in the page cache.
var bulkTables = map[string]bool{"statements": true}

// dataFileRoute serves a download: a bulk table streamed, any other from
// the page cache.
func (s *Server) dataFileRoute(w http.ResponseWriter, r *http.Request) error {
	if name, _, _ := strings.Cut(r.PathValue("file"), "."); bulkTables[name] {
		return s.dataFile(w, r)
	}
	return s.cachedPublic(s.dataFile)(w, r)
}

func (s *Server) dataFile(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	file := r.PathValue("file")
	name, ext, _ := strings.Cut(file, ".")
	if !slices.Contains(dataTables, name) || (ext != "json" && ext != "csv") {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no download %q.", file)
	}
	pc := s.pubCtx(r)
	contentType := map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}[ext]
	if bulkTables[name] {
		w.Header().Set("Content-Type", contentType)
		tw, err := publish.NewTableWriter(w, ext, reflect.TypeFor[statementRow]())
		if err != nil {
			return err
		}
		if err := pc.writeStatements(r.Context(), rec, tw); err != nil {
			// The answer has begun: end it broken rather than let a
			// truncated table pass for the whole.
			s.log.Error("download", "file", file, "case", rec.Case.Slug, "err", err)
			panic(http.ErrAbortHandler)
		}
		return tw.Close()
	}
	rows, _, err := pc.table(r.Context(), rec, name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if ext == "json" {
		err = publish.WriteJSON(&buf, rows)
	} else {
		err = publish.WriteCSV(&buf, rows)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", contentType)
	_, err = buf.WriteTo(w)
	return err
}

// writeStatements writes the statements table, reading the statements a
// thousand at a time.
func (pc pubContext) writeStatements(ctx context.Context, rec *pubRecord, tw *publish.TableWriter) error {
	rows := make([]statementRow, 0, 1000)
	for from := 0; from < len(rec.keys); from += 1000 {
		ids := make([]int64, 0, 1000)
		for _, k := range rec.keys[from:min(from+1000, len(rec.keys))] {
			ids = append(ids, k.ID)
		}
		reads, err := pc.s.readPublic(ctx, rec, ids, nil)
		if err != nil {
			return err
		}
		rows = rows[:0]
		for _, st := range reads.statementList() {
			v := pc.statement(reads, st)
			rows = append(rows, statementRow{ID: st.ID, URL: v.Href, SourceID: st.SourceID, SourceURL: pc.link(fmt.Sprintf("/sources/%d", st.SourceID)),
				Speaker: v.Speaker, Person: v.PersonSlug, Role: st.SpeakerRole, SaidOn: string(st.SaidOn), Venue: st.Venue,
				Language: st.Language, Text: st.Text, Start: st.Start, End: st.End, Translations: st.Translations})
		}
		if err := tw.Write(rows); err != nil {
			return err
		}
	}
	return nil
}

type dataPage struct {
	pubBase
	Tables []string
}

func (p dataPage) PageTitle() string { return "Open data · " + p.Case.Title }

func (s *Server) dataIndex(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.publicCase(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "pub_data", dataPage{pubBase: pubBase{Case: rec.Case, Section: "data", Rec: rec}, Tables: dataTables})
	return nil
}
