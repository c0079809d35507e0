package web

import (
	"bytes"
	"html/template"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
)

// markdownPolicy keeps the HTML that Markdown produces (paragraphs, emphasis,
// links, lists, quotations) and drops anything else, so that a background
// written by an analyst cannot put a script or a style on a public page.
var markdownPolicy = bluemonday.UGCPolicy()

// renderMarkdown turns Markdown into sanitised HTML. goldmark already leaves
// raw HTML out; the policy is the second lock on the same door.
func renderMarkdown(src string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return template.HTML(markdownPolicy.SanitizeBytes(buf.Bytes())), nil
}
