package extract

import "github.com/inquest-project/inquest"

// findStances was the orchestrator's indirection to the stance finder while
// that was being written (stance_hook.go still sets it). The engine now holds
// a StanceMatcher compiled once per Engine and no longer calls through it.
var findStances func(quote, context, lang string, claims []*inquest.Claim) (map[string]inquest.StanceKind, map[string]float64)
