package web

import (
	"html/template"

	"github.com/inquest-project/inquest"
)

// caseSection is one entry of a public case's navigation.
type caseSection struct {
	Key, Name, Path string
}

var caseSections = []caseSection{
	{"case", "Overview", ""},
	{"claims", "Claims", "/claims"},
	{"contradictions", "Contradictions", "/contradictions"},
	{"matrix", "Who contradicts whom", "/matrix"},
	{"timeline", "Timeline", "/timeline"},
	{"figures", "Figures", "/figures"},
	{"questions", "Questions", "/questions"},
	{"people", "People", "/people"},
	{"data", "Open data", "/data"},
}

// publicFuncs are the template functions of the public pages for one
// interface language.
func publicFuncs(lang string) template.FuncMap {
	return template.FuncMap{
		"sections":   func() []caseSection { return caseSections },
		"stanceName": func(k inquest.StanceKind) string { return translate(lang, string(k)) },
		"claimText":  func(c *inquest.Claim) string { return c.TextIn(lang) },
		"personName": func(p *inquest.Person) string { return personName(p, lang) },
		"days": func(n int) string {
			if n < 0 {
				return translate(lang, "day unknown")
			}
			return tfn(lang, n, "%d day", "%d days")
		},
	}
}
