// Package extract is the engine that reads a source's text and proposes what
// an analyst would mark in it: quotations with speakers and dates, figures,
// questions put to officials, and stances on the case's claims.
//
// It is pure: functions over strings and domain values, no I/O, no database,
// no clock. It imports only the root package and the standard library. All
// offsets are Unicode code points, as the extract contract requires.
package extract
