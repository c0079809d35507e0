// Package inquest holds the domain of Inquest: the words the rest of the code
// uses (case, source, person, statement, claim, stance, contradiction, figure,
// question, event, chapter, user, audit entry), the error type with its closed
// set of codes, and the interfaces between the parts.
//
// It imports only the standard library. Every other package imports it; it
// imports none of them. Storage lives in store, text extraction in extract,
// reading documents in ingest, derived findings in analysis, the web in web,
// and only cmd/inquest knows every concrete type.
package inquest
