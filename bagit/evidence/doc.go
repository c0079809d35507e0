// Package evidence is the layout of an Inquest evidence bag: one case of a
// workspace written as a BagIt bag (package bagit) for hand-over to another
// workspace, and read back from one.
//
// A bag holds, under data/:
//
//	case.json         the case, the bag's format version and what it holds
//	sources.json      every source record: hashes, versions, retrieved_at,
//	                  headers; "original" and "text_file" name its files
//	sources/ID-HASH.EXT   the original bytes of each source, as archived
//	texts/ID-HASH.txt     the extracted text of each source
//	statements.json   statements with their spans, each with a W3C Web
//	                  Annotation target (TextQuoteSelector and
//	                  TextPositionSelector over the source's text)
//	people.json, claims.json, stances.json, figures.json,
//	questions.json, events.json
//
// IDs in the JSON files are those of the exporting workspace; Import maps
// them to new ones. An export holds private material unless PublicOnly is
// set, because its first use is moving evidence between an organisation's
// own workspaces.
//
// It imports the root package and bagit; it must not import the store (it
// works on any inquest.Store), the web, or cmd.
package evidence
