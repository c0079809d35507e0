// Package extract is the engine that reads a source's text and proposes what
// an analyst would mark in it: quotations with speakers and dates, figures,
// questions put to officials, and stances on the case's claims.
//
// It is pure: functions over strings and domain values, no I/O, no database,
// no clock. It imports only the root package and the standard library (no
// storage, web or command packages). All offsets are Unicode code points, as
// the extract contract (design.md §5) requires.
//
// Entry points: NewEngine(opt) builds the name and title index of the people
// file and the stance matcher of the claims once; (*Engine).Extract and
// ExtractFor read one text each and may be called concurrently; Extract is the
// one-text convenience.
//
// How a text is read (the quotation files of this package):
//   - quotes_scan.go, quotes_dash.go, quotes_break.go: quotation spans from
//     marks (“” "" «» „“ ‘’, nested, across paragraphs, cut off at the end of
//     the text), direct speech opened by a dash, and quotations in marks
//     broken by a dashed attribution («…, — заявил он. — …»);
//   - document.go: words, punctuation and quotations as tokens, sentences and
//     paragraphs;
//   - lexicon.go: the words that matter for attribution in English, Russian
//     and Kazakh (verbs of saying, pronouns, roles, months, …);
//   - names.go, candidates.go: people of the people file in any script and
//     case ending, offices resolved by date, names not in the file, roles;
//   - speakers.go, attribute.go: reporting clauses and who said each
//     quotation, carried through the text (pronouns, "the minister", the
//     previous sentence or paragraph);
//   - dates.go: the day said (explicit, relative to the dateline or the
//     publication day, by venue or by the same speaker);
//   - quotes.go: the pass over the document that puts it together.
//
// Figures (figures*.go, numbers*.go), questions (questions.go) and stances
// (stance*.go) are found by their own finders; engine.go calls them, and
// questions_attr.go completes questions with the attribution machinery.
//
// Rules generalise: nothing here is keyed to a particular document's words,
// names or offsets; the people and claims come from the caller.
package extract
