package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/analysis/casework"
	"github.com/inquest-project/inquest/store"
)

// The analysts' triage from the command line: verdicts on contradictions,
// stance decisions (re-analysed at once, incrementally), measures and the
// figures assigned to them, and where questions stand.

func init() {
	register(&command{name: "contradictions", summary: "confirm or dismiss contradictions (inquest contradictions confirm|dismiss)",
		run: groupUsage("contradictions", "confirm", "dismiss")})
	register(&command{name: "contradictions confirm", summary: "confirm a contradiction, with a note", run: runContradictionVerdict(inquest.ContradictionConfirmed)})
	register(&command{name: "contradictions dismiss", summary: "dismiss a contradiction, with a note; it stays dismissed", run: runContradictionVerdict(inquest.ContradictionDismissed)})
	register(&command{name: "stance", summary: "decide how a statement bears on a claim (inquest stance set)", run: groupUsage("stance", "set")})
	register(&command{name: "stance set", summary: "set or remove a statement's stance on a claim and re-analyse it", run: runStanceSet})
	register(&command{name: "measures", summary: "list or create a case's measures (inquest measures list|create)", run: groupUsage("measures", "list", "create")})
	register(&command{name: "measures list", summary: "list a case's measures", run: runMeasuresList})
	register(&command{name: "measures create", summary: "create (or rename) a measure that figures count", run: runMeasuresCreate})
	register(&command{name: "figures", summary: "assign figures to measures (inquest figures assign)", run: groupUsage("figures", "assign")})
	register(&command{name: "figures assign", summary: "assign a figure to a measure of its case", run: runFiguresAssign})
	register(&command{name: "statements", summary: "review statements (inquest statements review)", run: groupUsage("statements", "review")})
	register(&command{name: "statements review", summary: "confirm or reject a statement and re-analyse it", run: runStatementsReview})
	register(&command{name: "questions", summary: "record answers and statuses of questions (inquest questions answer|status)",
		run: groupUsage("questions", "answer", "status")})
	register(&command{name: "questions answer", summary: "link a question to the statement that answers it", run: runQuestionsAnswer})
	register(&command{name: "questions status", summary: "mark a question open, evaded or refused", run: runQuestionsStatus})
}

// byFlag adds --by NAME: who decides, defaulting to INQUEST_USER, then USER.
func byFlag(fs *flag.FlagSet, e *env) *string {
	return fs.String("by", cmp.Or(e.getenv("INQUEST_USER"), e.getenv("USER")), "who decides, as the audit log records it (env INQUEST_USER, else USER)")
}

func needBy(by string) error {
	if strings.TrimSpace(by) == "" {
		return inquest.Errorf(inquest.EINVALID, "--by NAME is required: say who decides (or set INQUEST_USER)")
	}
	return nil
}

// oneID parses the single positional argument as the id of what.
func oneID(pos []string, what, example string) (int64, error) {
	if len(pos) != 1 {
		return 0, inquest.Errorf(inquest.EINVALID, "give exactly one %s id, e.g. %s", what, example)
	}
	return parseID(pos[0], what)
}

func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, inquest.Errorf(inquest.EINVALID, "%s id %q is not a positive number", what, s)
	}
	return id, nil
}

func runContradictionVerdict(status inquest.ContradictionStatus) func(context.Context, *env, []string) error {
	verb := map[inquest.ContradictionStatus]string{inquest.ContradictionConfirmed: "confirm", inquest.ContradictionDismissed: "dismiss"}[status]
	return func(ctx context.Context, e *env, args []string) error {
		name := "contradictions " + verb
		fs := newFlags(e, name, "ID --note TEXT [--by NAME] [--db DSN]   (ids are listed by 'inquest check')")
		note := fs.String("note", "", "why (required): the analysts' reason, kept private")
		by := byFlag(fs, e)
		dsn := dbFlag(fs, e)
		pos, err := parse(fs, args)
		if err != nil {
			return err
		}
		id, err := oneID(pos, "contradiction", "inquest "+name+" 12 --note \"...\"")
		if err != nil {
			return err
		}
		if strings.TrimSpace(*note) == "" {
			return inquest.Errorf(inquest.EINVALID, "--note TEXT is required: say why you %s contradiction %d", verb, id)
		}
		if err := needBy(*by); err != nil {
			return err
		}
		db, err := openStore(ctx, *dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SetContradictionStatus(store.WithActor(ctx, *by), id, status, *note, *by); err != nil {
			if inquest.ErrorCode(err) == inquest.ENOTFOUND {
				return inquest.Errorf(inquest.ENOTFOUND, "there is no contradiction %d ('inquest check --case SLUG' lists them)", id)
			}
			return err
		}
		fmt.Fprintf(e.stdout, "contradiction %d %s by %s\n", id, status, *by)
		return nil
	}
}

func runStanceSet(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stance set", "--statement ID --claim SLUG --stance supports|denies|qualifies|none [--review confirmed|suggested] [--note TEXT] [--by NAME]")
	statementFlag := fs.String("statement", "", "the statement's id (required)")
	claimSlug := fs.String("claim", "", "the claim's slug in the statement's case, e.g. foreign-terrorists (required)")
	stanceFlag := fs.String("stance", "", "supports, denies, qualifies, or none to remove the stance (required)")
	review := fs.String("review", "confirmed", "confirmed, or suggested to leave it for another analyst")
	note := fs.String("note", "", "why: the analyst's reason, kept private")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := onlyFlags("stance set", pos); err != nil {
		return err
	}
	if *statementFlag == "" || *claimSlug == "" || *stanceFlag == "" {
		return inquest.Errorf(inquest.EINVALID, "--statement ID, --claim SLUG and --stance are all required, e.g. inquest stance set --statement 4 --claim foreign-terrorists --stance denies")
	}
	statementID, err := parseID(*statementFlag, "statement")
	if err != nil {
		return err
	}
	kind := inquest.StanceKind(*stanceFlag)
	if *stanceFlag == "none" {
		kind = ""
	} else if !kind.Valid() {
		return inquest.Errorf(inquest.EINVALID, "--stance %q is not supports, denies, qualifies or none", *stanceFlag)
	}
	rv := inquest.Review(*review)
	if rv != inquest.Confirmed && rv != inquest.Suggested {
		return inquest.Errorf(inquest.EINVALID, "--review %q is not confirmed or suggested (use --stance none to remove a stance)", *review)
	}
	if kind == "" {
		rv = inquest.Rejected
	}
	if err := needBy(*by); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = store.WithActor(ctx, *by)
	st, err := db.Statement(ctx, statementID)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.ENOTFOUND {
			return inquest.Errorf(inquest.ENOTFOUND, "there is no statement %d", statementID)
		}
		return err
	}
	claims, err := db.Claims(ctx, st.CaseID)
	if err != nil {
		return err
	}
	var claim *inquest.Claim
	var slugs []string
	for _, c := range claims {
		slugs = append(slugs, c.Slug)
		if c.Slug == *claimSlug {
			claim = c
		}
	}
	if claim == nil {
		return inquest.Errorf(inquest.ENOTFOUND, "statement %d's case has no claim %q; its claims are: %s", statementID, *claimSlug,
			cmp.Or(strings.Join(slugs, ", "), "none (import them with 'inquest claims import')"))
	}
	derived, err := casework.New(db).DecideStance(ctx, casework.StanceDecision{StatementID: statementID, ClaimID: claim.ID,
		Stance: kind, Review: rv, By: *by, Note: *note})
	if err != nil {
		return err
	}
	if kind == "" {
		fmt.Fprintf(e.stdout, "statement %d: stance on %s removed by %s\n", statementID, claim.Slug, *by)
	} else {
		fmt.Fprintf(e.stdout, "statement %d %s %s (%s by %s)\n", statementID, kind, claim.Slug, rv, *by)
	}
	if len(derived) == 0 {
		fmt.Fprintf(e.stdout, "re-analysed: no contradictions of statement %d on %s\n", statementID, claim.Slug)
		return nil
	}
	fmt.Fprintf(e.stdout, "re-analysed: %s of statement %d on %s:\n", plural(len(derived), "contradiction"), statementID, claim.Slug)
	for _, c := range derived {
		kind := string(c.Kind)
		if c.Degree != "" {
			kind += " (" + c.Degree + ")"
		}
		fmt.Fprintf(e.stdout, "  #%d %s, statements %d and %d, %s\n", c.ID, kind, c.AStatementID, c.BStatementID, c.Status)
	}
	return nil
}

func runStatementsReview(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "statements review", "STATEMENT_ID confirmed|rejected|suggested [--by NAME] [--db DSN]")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return inquest.Errorf(inquest.EINVALID, "give a statement id and a review, e.g. inquest statements review 4 confirmed")
	}
	id, err := parseID(pos[0], "statement")
	if err != nil {
		return err
	}
	review := inquest.Review(pos[1])
	if !review.Valid() {
		return inquest.Errorf(inquest.EINVALID, "review %q is not confirmed, rejected or suggested", pos[1])
	}
	if err := needBy(*by); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	derived, err := casework.New(db).ReviewStatement(store.WithActor(ctx, *by), id, review, *by)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "statement %d %s by %s; re-analysed: %s of it hold\n", id, review, *by, plural(len(derived), "contradiction"))
	return nil
}

func runMeasuresList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "measures list", "--case SLUG [--format text|json] [--db DSN]")
	caseSlug := fs.String("case", "", "the case (required)")
	format := formatFlag(fs)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "text", "json"); err != nil {
		return err
	}
	if err := onlyFlags("measures list", pos); err != nil {
		return err
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	measures, err := db.Measures(ctx, c.ID)
	if err != nil {
		return err
	}
	parts, err := db.MeasureParts(ctx, c.ID)
	if err != nil {
		return err
	}
	figures, err := db.Figures(ctx, c.ID)
	if err != nil {
		return err
	}
	assigned := map[int64]int{}
	for _, f := range figures {
		assigned[f.MeasureID]++
	}
	slugOf := map[int64]string{}
	for _, m := range measures {
		slugOf[m.ID] = m.Slug
	}
	type measureLine struct {
		ID      int64   `json:"id"`
		Slug    string  `json:"slug"`
		Name    string  `json:"name"`
		PartOf  *string `json:"part_of"`
		Figures int     `json:"figures"`
	}
	lines := []measureLine{}
	for _, m := range measures {
		l := measureLine{ID: m.ID, Slug: m.Slug, Name: m.Name, Figures: assigned[m.ID]}
		if total, ok := parts[m.ID]; ok {
			s := slugOf[total]
			l.PartOf = &s
		}
		lines = append(lines, l)
	}
	if *format == "json" {
		return writeJSONLines(e.stdout, lines)
	}
	if len(lines) == 0 {
		fmt.Fprintf(e.stdout, "case %s has no measures yet; create one with: inquest measures create --case %s deaths --name deaths\n", c.Slug, c.Slug)
		return nil
	}
	for _, l := range lines {
		part := ""
		if l.PartOf != nil {
			part = ", part of " + *l.PartOf
		}
		fmt.Fprintf(e.stdout, "%-24s %s (%s assigned%s)\n", l.Slug, l.Name, plural(l.Figures, "figure"), part)
	}
	return nil
}

func runMeasuresCreate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "measures create", "--case SLUG MEASURE_SLUG [--name NAME] [--part-of MEASURE_SLUG] [--db DSN]")
	caseSlug := fs.String("case", "", "the case (required)")
	name := fs.String("name", "", "the measure's name as readers see it (default: the slug in words)")
	partOf := fs.String("part-of", "", "the measure this one counts a part of, e.g. deaths for security-force-deaths")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return inquest.Errorf(inquest.EINVALID, "give exactly one measure slug, e.g. inquest measures create --case january-events deaths-in-custody --name \"deaths in custody\"")
	}
	m := &inquest.Measure{Slug: pos[0], Name: cmp.Or(*name, strings.ReplaceAll(pos[0], "-", " "))}
	if err := m.Validate(); err != nil {
		return err
	}
	db, c, err := openCase(ctx, *dsn, *caseSlug)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = store.WithActor(ctx, cmp.Or(*by, "inquest measures create"))
	var total *inquest.Measure
	if *partOf != "" {
		if total, err = measureBySlug(ctx, db, c, *partOf); err != nil {
			return err
		}
	}
	m.CaseID = c.ID
	if err := db.UpsertMeasure(ctx, m); err != nil {
		return err
	}
	if total != nil {
		if err := db.SetMeasurePart(ctx, m.ID, total.ID); err != nil {
			return fmt.Errorf("measure %s stored, but not as a part of %s: %w", m.Slug, total.Slug, err)
		}
		fmt.Fprintf(e.stdout, "measure %s (id %d) of case %s: %s, a part of %s\n", m.Slug, m.ID, c.Slug, m.Name, total.Slug)
		return nil
	}
	fmt.Fprintf(e.stdout, "measure %s (id %d) of case %s: %s\n", m.Slug, m.ID, c.Slug, m.Name)
	return nil
}

// measureBySlug finds a measure of the case, with an error listing the
// case's measures.
func measureBySlug(ctx context.Context, db *store.DB, c *inquest.Case, slug string) (*inquest.Measure, error) {
	ms, err := db.Measures(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	var slugs []string
	for _, m := range ms {
		if m.Slug == slug {
			return m, nil
		}
		slugs = append(slugs, m.Slug)
	}
	return nil, inquest.Errorf(inquest.ENOTFOUND, "case %s has no measure %q; its measures are: %s (create one with 'inquest measures create')",
		c.Slug, slug, cmp.Or(strings.Join(slugs, ", "), "none"))
}

func runFiguresAssign(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "figures assign", "FIGURE_ID MEASURE_SLUG [--by NAME] [--db DSN]   (MEASURE_SLUG none unassigns)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return inquest.Errorf(inquest.EINVALID, "give a figure id and a measure slug, e.g. inquest figures assign 13 deaths")
	}
	figureID, err := parseID(pos[0], "figure")
	if err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = store.WithActor(ctx, cmp.Or(*by, "inquest figures assign"))
	f, err := db.Figure(ctx, figureID)
	if err != nil {
		if inquest.ErrorCode(err) == inquest.ENOTFOUND {
			return inquest.Errorf(inquest.ENOTFOUND, "there is no figure %d ('inquest check --format json' lists figure ids)", figureID)
		}
		return err
	}
	if pos[1] == "none" {
		if err := db.AssignFigure(ctx, f.ID, 0); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "figure %d (%q) unassigned\n", f.ID, f.Text)
		return nil
	}
	cases, err := db.Cases(ctx)
	if err != nil {
		return err
	}
	var c *inquest.Case
	for _, x := range cases {
		if x.ID == f.CaseID {
			c = x
		}
	}
	if c == nil {
		return fmt.Errorf("figure %d names case %d, which does not exist", f.ID, f.CaseID)
	}
	m, err := measureBySlug(ctx, db, c, pos[1])
	if err != nil {
		return err
	}
	if err := db.AssignFigure(ctx, f.ID, m.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "figure %d (%q) counts %s\n", f.ID, f.Text, m.Name)
	return nil
}

func runQuestionsAnswer(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "questions answer", "QUESTION_ID --statement ID [--by NAME] [--db DSN]")
	statementFlag := fs.String("statement", "", "the id of the statement that answers it (required)")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos, "question", "inquest questions answer 4 --statement 31")
	if err != nil {
		return err
	}
	if *statementFlag == "" {
		return inquest.Errorf(inquest.EINVALID, "--statement ID is required: the statement that answers question %d", id)
	}
	statementID, err := parseID(*statementFlag, "statement")
	if err != nil {
		return err
	}
	if err := needBy(*by); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.AnswerQuestion(ctx, id, statementID, *by); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "question %d answered by statement %d (decided by %s)\n", id, statementID, *by)
	return nil
}

func runQuestionsStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "questions status", "QUESTION_ID open|evaded|refused [--note TEXT] [--by NAME] [--db DSN]")
	note := fs.String("note", "", "why: the analyst's reason, kept private")
	by := byFlag(fs, e)
	dsn := dbFlag(fs, e)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return inquest.Errorf(inquest.EINVALID, "give a question id and a status, e.g. inquest questions status 4 evaded --note \"...\"")
	}
	id, err := parseID(pos[0], "question")
	if err != nil {
		return err
	}
	status := inquest.QuestionStatus(pos[1])
	switch status {
	case inquest.Open, inquest.Evaded, inquest.Refused:
	case inquest.Answered:
		return inquest.Errorf(inquest.EINVALID, "to mark question %d answered, name the answer: inquest questions answer %d --statement ID", id, id)
	default:
		return inquest.Errorf(inquest.EINVALID, "status %q is not open, evaded or refused", pos[1])
	}
	if err := needBy(*by); err != nil {
		return err
	}
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetQuestionStatus(ctx, id, status, *by, *note); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "question %d is %s (decided by %s)\n", id, status, *by)
	return nil
}
