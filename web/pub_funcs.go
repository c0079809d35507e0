package web

import "html/template"

// publicFuncs are the template functions of the public pages for one
// interface language.
func publicFuncs(lang string) template.FuncMap {
	return template.FuncMap{}
}
