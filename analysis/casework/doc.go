// Package casework runs the analysis over a stored case: it loads what the
// pure analysis package derives from (statements, stances, claims, people,
// figures, measures, questions, sources, events), saves the contradictions
// so that they keep their ids and the analysts' verdicts, and re-analyses
// incrementally after one change, an analyst's stance decision above all.
//
// The CLI, the web workspace and background jobs share it, so that a
// decision taken in any of them is re-analysed the same way.
//
// It imports the root package and analysis, and reaches storage only through
// the Store interface below; it must not import store, ingest, extract, web
// or cmd (its tests use store/storetest to run on both databases).
package casework
