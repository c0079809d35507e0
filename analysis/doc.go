// Package analysis derives what analysts come to Inquest for from the record:
// contradictions between stances on a claim (between actors, and reversals of
// one actor or office against itself), figure series and the conflicts among
// figures that cannot all be true, and the questions officials leave
// unanswered with the days they have waited.
//
// It is pure: functions over domain values, no I/O, no database and no clock
// (the day to count from is always passed in), so that the same derivation runs
// in the CLI, the web workspace and a background job and gives the same answer.
// It imports only the root package and the standard library; it must not import
// store, ingest, extract, web or cmd.
package analysis
