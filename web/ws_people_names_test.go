package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

// TestPeopleMenuOptions: the search's speaker menu keeps the speaker the
// analyst chose selected, and only that one, and every name escaped.
func TestPeopleMenuOptions(t *testing.T) {
	n := &peopleNames{menu: peopleMenu([]*inquest.Person{
		{ID: 1, Name: "Marat Orlov"},
		{ID: 12, Name: "Ömer <& Co>"},
		{ID: 2, Name: "Касым-Жомарт Токаев"},
	})}
	selected := regexp.MustCompile(`<option value="(\d+)" selected>`)
	for _, tc := range []struct {
		name     string
		id       int64
		selected string // the id marked selected, "" for none
	}{
		{"nobody chosen", 0, ""},
		{"one, not the id it is a prefix of", 1, "1"},
		{"a longer id", 12, "12"},
		{"the last", 2, "2"},
		{"an id nobody has", 99, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(n.menuOptions(tc.id))
			marks := selected.FindAllStringSubmatch(got, -1)
			switch {
			case tc.selected == "" && len(marks) != 0:
				t.Errorf("menu for %d marks %v selected, want none", tc.id, marks)
			case tc.selected != "" && (len(marks) != 1 || marks[0][1] != tc.selected):
				t.Errorf("menu for %d marks %v selected, want only %s", tc.id, marks, tc.selected)
			}
			if strings.Count(got, "<option ") != 3 || !strings.Contains(got, ">Ömer &lt;&amp; Co&gt;</option>") {
				t.Errorf("menu for %d = %s, want three options with names escaped", tc.id, got)
			}
		})
	}
}
