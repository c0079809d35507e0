// Package benchgen builds large, realistic, entirely invented cases for
// measuring Inquest at scale: people with positions and names in Latin and
// Cyrillic script, claims in English and Russian, news-like sources in both
// languages whose quotations are stored as statements with their exact
// spans, stances on the claims, figures and questions. `inquest bench gen`
// and the benchmarks use it.
//
// It writes through store's bulk loader (store.Bulk), a few hundred rows per
// INSERT and a batch of sources per transaction, so that a million
// statements take minutes, not hours. It imports the root package and
// store; it must not import web, ingest, extract or cmd.
package benchgen
