// Package hugosite writes the public record of a case as a Hugo site and
// runs hugo on it, so that `inquest bench hugo` can set the speed of
// Inquest's static export beside Hugo's on the same pages (issue 8).
//
// The site has one content file per page Inquest's export writes, at the
// same path: the front page, the case page and its lists, a page per claim,
// per source and per person, in English at the root, and in Russian and
// Kazakh under /ru/ and /kk/ through Hugo's multilingual mode with i18n
// catalogues. (Hugo also writes a redirect from /en/ to / of its own
// accord, where Inquest's export writes nothing: it is not counted.)
// Each content file carries in its front matter what
// the Inquest page shows (a source's record and quotations with the claims
// they take a stance on; a person's positions and statements; a claim's
// stances), and the layouts render it with the same structure. It applies
// the public view itself (non-private sources, people and claims; confirmed
// statements, stances, figures and questions), as the public site does, so
// that nothing private is written even to a benchmark's temporary directory.
//
// It imports the root package and the standard library only; it must not
// import store, web or publish: the command wires the two builds together.
package hugosite
