package extract

// Questions finds interrogative sentences in text (lang "en", "ru" or "kk"),
// the questions put to officials.
func Questions(text string, lang string) []Question {
	return nil
}
