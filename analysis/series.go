package analysis

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/inquest-project/inquest"
)

// FigureRecord is the part of a case that figure series and conflicts are
// derived from. Rejected figures never count.
type FigureRecord struct {
	Figures  []*inquest.Figure
	Measures []*inquest.Measure
	// PartOf maps a measure to the total it is a part of: security-force
	// deaths and civilian deaths to deaths.
	PartOf     map[int64]int64
	Statements []*inquest.Statement // the statements figures were said in
	// Sources date the figures nothing else dates, and speak for the
	// figures of their own official statements.
	Sources []*inquest.Source
	People  []*inquest.Person
}

// Point is one figure placed in its series: on which day it held and who
// claimed it.
type Point struct {
	Figure  *inquest.Figure
	Measure string // the measure's slug, or the slug of the counted phrase
	// MeasureID is the case's measure, 0 when none fits yet.
	MeasureID int64
	// On is the as-of day, else the day the statement was made, else the
	// day the source was published; "" when none is known.
	On          inquest.Date
	Claimant    string // who claimed it, as a reader would name them
	ClaimantID  int64  // the person, 0 when not a known person
	StatementID int64
	actor       Actor
}

// group is whose count a point is: the office when the claimant spoke for
// one (an office keeps its figures across holders), else the actor; "" when
// nobody is known to have claimed it.
func (p Point) group() string {
	if p.actor.Office != "" {
		return "o:" + p.actor.Office
	}
	return p.actor.Key
}

// Series is the figures of one measure in the order they held.
type Series struct {
	Measure string
	Name    string
	Points  []Point
}

// FigureSeries places every counted figure in its measure's series, ordered by
// day (unknown days last) and id. Figures that fit no measure and whose
// counted phrase is unknown are left out.
func FigureSeries(r FigureRecord) []Series {
	points := placeFigures(r)
	byMeasure := map[string]*Series{}
	var order []string
	for _, p := range points {
		s := byMeasure[p.Measure]
		if s == nil {
			s = &Series{Measure: p.Measure, Name: measureName(r.Measures, p)}
			byMeasure[p.Measure] = s
			order = append(order, p.Measure)
		}
		s.Points = append(s.Points, p)
	}
	slices.Sort(order)
	out := make([]Series, 0, len(order))
	for _, m := range order {
		s := byMeasure[m]
		sortPoints(s.Points)
		out = append(out, *s)
	}
	return out
}

func measureName(ms []*inquest.Measure, p Point) string {
	for _, m := range ms {
		if m.ID == p.MeasureID {
			return m.Name
		}
	}
	return p.Figure.Measure
}

// sortPoints orders points by day, unknown days last, then by figure id.
func sortPoints(ps []Point) {
	slices.SortFunc(ps, func(a, b Point) int {
		if a.On.Known() != b.On.Known() {
			if a.On.Known() {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.On, b.On), cmp.Compare(a.Figure.ID, b.Figure.ID))
	})
}

// attributed sets p's claimant from the sentence around f when it names a
// speaker beside a speech verb.
func attributed(attr *attributor, f *inquest.Figure, p *Point, actors *Actors) bool {
	sp, ok := attr.speaker(f)
	if !ok {
		return false
	}
	p.actor = actors.Of(Speaker{PersonID: sp.personID, Name: sp.name, On: p.On})
	p.ClaimantID = sp.personID
	p.Claimant = cmp.Or(actors.Name(sp.personID), sp.name)
	return true
}

// placeFigures resolves each figure's measure, day and claimant.
func placeFigures(r FigureRecord) []Point {
	actors := NewActors(r.People)
	statements := make(map[int64]*inquest.Statement, len(r.Statements))
	for _, st := range r.Statements {
		statements[st.ID] = st
	}
	sources := make(map[int64]*inquest.Source, len(r.Sources))
	for _, s := range r.Sources {
		sources[s.ID] = s
	}
	attr := newAttributor(r.People, r.Sources, r.Statements)
	measures := newMeasureMatcher(r.Measures)
	var out []Point
	for _, f := range r.Figures {
		if f.Review == inquest.Rejected {
			continue
		}
		p := Point{Figure: f, StatementID: f.StatementID}
		if m := measures.suggest(f); m != nil {
			p.Measure, p.MeasureID = m.Slug, m.ID
		} else if p.Measure = measureKey(f.Measure); p.Measure == "" {
			continue
		}
		st := statements[f.StatementID]
		if st == nil && f.ClaimantID == 0 && f.ClaimantName == "" {
			// A figure inside a quotation is the quotation's speaker's.
			if st = attr.quotation(f); st != nil {
				p.StatementID = st.ID
			}
		}
		p.On = f.AsOf
		if !p.On.Known() && st != nil {
			p.On = st.SaidOn
		}
		src := sources[f.SourceID]
		if !p.On.Known() && src != nil {
			p.On = src.Published
		}
		switch {
		case f.ClaimantID != 0:
			p.actor = actors.Of(Speaker{PersonID: f.ClaimantID, On: p.On})
			p.ClaimantID, p.Claimant = f.ClaimantID, cmp.Or(actors.Name(f.ClaimantID), f.ClaimantName)
		case f.ClaimantName != "":
			p.actor = actors.Of(Speaker{Name: f.ClaimantName, On: p.On})
			p.Claimant = f.ClaimantName
		case st != nil:
			p.actor = actors.OfStatement(st)
			p.ClaimantID = st.PersonID
			p.Claimant = cmp.Or(actors.Name(st.PersonID), st.SpeakerName, st.SpeakerRole)
		case attributed(attr, f, &p, actors):
			// the sentence names who said it
		case src != nil && src.Kind == inquest.KindOfficial && src.Publisher != "":
			// An official statement speaks for its publisher: a ministry's
			// press release claims the figures in it.
			p.actor = actors.Of(Speaker{Name: src.Publisher, On: p.On})
			p.Claimant = src.Publisher
		}
		if p.Claimant == "" && p.ClaimantID != 0 {
			p.Claimant = "person " + strconv.FormatInt(p.ClaimantID, 10)
		}
		out = append(out, p)
	}
	return out
}
