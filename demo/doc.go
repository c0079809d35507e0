// Package demo is the example case that ships inside the binary: Kazakhstan's
// January 2022 events, with its people, claims and a few short sources written
// for the demo, each naming the public records it summarises. `inquest demo`
// loads it into a fresh workspace and serves it; tests use it as a realistic
// small case.
//
// It owns the embedded content (content/) and Load. It reads and stores the
// sources through package ingest, the same path `inquest ingest` takes, so the
// demo shows what the real pipeline does. It must not import store, web or
// cmd/inquest: it works on any inquest.Store.
package demo
