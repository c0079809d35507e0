// Package analysis derives what analysts come to Inquest for from the record:
// contradictions between stances on a claim (between actors, and reversals of
// one actor or office against itself), figure series with who claimed each
// figure (the quotation holding it, the speaker a speech verb names in its
// sentence, the publisher of an official statement) and the conflicts among
// figures that cannot all be true, the questions officials leave unanswered
// with the days they have waited, and the case's timeline: events,
// statements and figures on one time axis.
//
// It is pure: functions over domain values, no I/O, no database and no clock
// (the day to count from is always passed in), so that the same derivation runs
// in the CLI, the web workspace and a background job and gives the same answer.
// It imports only the root package and the standard library; it must not import
// store, ingest, extract, web or cmd. Loading a stored case, saving what is
// derived and re-analysing after a change is the work of package
// analysis/casework.
package analysis
