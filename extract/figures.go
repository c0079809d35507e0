package extract

// Figures finds counts and amounts in text (lang "en", "ru" or "kk") with the
// phrase that says what they count.
func Figures(text string, lang string) []Figure {
	return nil
}
