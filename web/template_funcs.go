package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
)

// extraFuncs are template functions that files of the package add in their
// init(), so that no one has to edit templates.go for a function of their own.
//
// PUBLIC: parseTemplates (templates.go) must merge these into its FuncMap
// before parsing, e.g.
//
//	for k, v := range extraFuncs { funcs[k] = v }
//
// Until it does, templates must not call csrfField; they can write the field
// by hand: <input type="hidden" name="csrf" value="{{.CSRF}}"> with CSRF set
// from csrfToken(r.Context()) in the page model. It would help every form if
// layout carried CSRF (csrfToken(r.Context())) and User (userFrom(r.Context()))
// for base.html's "signed in as … / Log out" form.
var extraFuncs = template.FuncMap{}

func init() {
	extraFuncs["csrfField"] = csrfField
	extraFuncs["historyURL"] = historyURL
}

// historyURL is the address of a record's audit history, for a "History"
// link on its workspace page: {{historyURL "statement" .ID}}.
func historyURL(entity string, id int64) string {
	return "/w/audit?entity=" + url.QueryEscape(entity) + "&id=" + strconv.FormatInt(id, 10)
}

// csrfField returns the hidden input that carries the session's form token.
// Its argument is the token itself (a string, from csrfToken(r.Context())),
// the request, its context, or any page model with a CSRFToken() method:
//
//	<form method="post" action="/w/statements/12/confirm">{{csrfField .CSRF}} …</form>
func csrfField(v any) template.HTML {
	var token string
	switch v := v.(type) {
	case string:
		token = v
	case *http.Request:
		token = csrfToken(v.Context())
	case context.Context:
		token = csrfToken(v)
	case interface{ CSRFToken() string }:
		token = v.CSRFToken()
	}
	return template.HTML(`<input type="hidden" name="` + csrfFieldName + `" value="` +
		template.HTMLEscapeString(token) + `">`)
}
