package extract

// The orchestrator calls the stance finder through findStances (hooks.go),
// left nil until this file landed. Stances keeps the compiled claims between
// calls with the same claims, so calling it once per quotation is cheap.
func init() {
	if findStances == nil {
		findStances = Stances
	}
}
