package ingest

import (
	"bytes"
	"net/url"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/inquest-project/inquest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Readability's scoring is far from linear: a page of 20,000 nested <div>s
// takes it minutes. Pages beyond these bounds are read by plainHTMLText,
// which is linear, drops the usual boilerplate elements and keeps the rest;
// pages beyond maxHTMLElements are refused.
const (
	maxReadabilityElements = 20_000
	maxReadabilityDepth    = 200
	maxHTMLElements        = 2_000_000
	// maxParseDepth bounds the nesting the HTML parser is given: its cost
	// grows with the square of the depth (10,000 nested <div>s take it
	// seconds, a few megabytes of them hours). Deeper pages are read by
	// tokenText, which needs no tree.
	maxParseDepth = 1000
	// maxParseWork bounds the parser's work as the sum, over start tags, of
	// the depth each opens at: about 10 million of these take it a second or two.
	maxParseWork = 10_000_000
)

// HTMLResult is what ReadHTML takes out of a page.
type HTMLResult struct {
	Text      string // the main text, paragraphs separated by blank lines
	Title     string
	Language  string // from <html lang>, "" when absent
	Publisher string // the site name, when the page says it
	Published inquest.Date
}

// ReadHTML extracts the main text of an HTML page with readability, dropping
// navigation, footers and other boilerplate. contentType (which may be "")
// and the page's own <meta charset> tell the encoding; pageURL (which may be
// nil) resolves relative links. A page with no readable text is an EINVALID
// error naming it.
func ReadHTML(name string, b []byte, contentType string, pageURL *url.URL) (res HTMLResult, err error) {
	// readability walks the DOM recursively; a hostile page must not take the
	// whole ingest down with it.
	defer func() {
		if r := recover(); r != nil {
			err = inquest.Errorf(inquest.EINVALID, "%s: HTML could not be parsed: %v", name, r)
		}
	}()
	decoded, err := htmlEncoding(b, contentType).NewDecoder().Bytes(b)
	if err != nil {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the HTML is not in the character set it declares: %v", name, err)
	}
	if depth, work := tagDepth(decoded); depth > maxParseDepth || work > maxParseWork {
		res.Text = tokenText(decoded)
		res.Title = firstLineTitle(res.Text)
		if res.Text == "" {
			return res, inquest.Errorf(inquest.EINVALID, "%s: the HTML page has no readable text", name)
		}
		return res, nil
	}
	doc, err := html.ParseWithOptions(bytes.NewReader(decoded), html.ParseOptionEnableScripting(false))
	if err != nil {
		return res, inquest.Errorf(inquest.EINVALID, "%s: HTML could not be parsed: %v", name, err)
	}
	elements, depth := measureTree(doc)
	if elements > maxHTMLElements {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the HTML page has more than %d elements", name, maxHTMLElements)
	}
	pageTitle := documentTitle(doc)
	dropBoilerplate(doc)
	if elements <= maxReadabilityElements && depth <= maxReadabilityDepth {
		parser := readability.NewParser()
		article, perr := parser.ParseDocument(doc, pageURL)
		if perr == nil && article.Node != nil {
			res.Text = normalizeText(render.InnerText(article.Node))
			res.Title = cleanTitle(article.Title())
			res.Language = normalizeLang(article.Language())
			res.Publisher = strings.TrimSpace(article.SiteName())
			if t, err := article.PublishedTime(); err == nil && !t.IsZero() {
				res.Published = inquest.DateOf(t)
			}
		}
	}
	if res.Text == "" {
		// A page too short for readability to score, or too big for it,
		// still has text worth keeping.
		res.Text = plainHTMLText(doc)
		if lang := findElement(doc, "html"); lang != nil && res.Language == "" {
			res.Language = normalizeLang(attr(lang, "lang"))
		}
	}
	if res.Title == "" {
		res.Title = pageTitle
	}
	if res.Title == "" {
		res.Title = firstLineTitle(res.Text)
	}
	if res.Text == "" {
		return res, inquest.Errorf(inquest.EINVALID, "%s: the HTML page has no readable text", name)
	}
	return res, nil
}

// htmlEncoding finds the character set of a page the way a browser does (a
// byte-order mark, the Content-Type charset, a <meta charset> in the first
// kilobyte), except for the last resort: where a browser guesses
// Windows-1252 from an ASCII-only first kilobyte, a page that is valid UTF-8
// throughout is UTF-8, and one that reads as Cyrillic is Windows-1251 or
// KOI8-R, as Russian and Kazakh sites without a declaration are.
func htmlEncoding(b []byte, contentType string) encoding.Encoding {
	e, name, certain := charset.DetermineEncoding(b, contentType)
	if certain || name != "windows-1252" || prescanned(b) {
		return e
	}
	if utf8.Valid(b) {
		return encoding.Nop
	}
	if cyr, _ := guessCyrillic(b); cyr != nil {
		return cyr
	}
	return e
}

// prescanned reports whether the page declares its charset in a <meta> tag,
// which DetermineEncoding honours without calling itself certain.
func prescanned(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	return bytes.Contains(head, []byte("charset"))
}

// selfClosing are elements that never hold others, or that the parser
// closes by itself when a sibling opens; they do not count towards depth.
var selfClosing = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true,
	"option": true, "optgroup": true, "rt": true, "rp": true, "thead": true, "tbody": true,
}

// tagDepth estimates, in one linear pass of the tokenizer, how deeply a page
// nests its elements and how much work that makes for the parser: the sum of
// the depths its start tags open at.
func tagDepth(b []byte) (deepest, work int) {
	z := html.NewTokenizer(bytes.NewReader(b))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest, work
		case html.StartTagToken:
			name, _ := z.TagName()
			work += depth
			if !selfClosing[string(name)] {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !selfClosing[string(name)] && depth > 0 {
				depth--
			}
		}
	}
}

// blockTags start a new paragraph in tokenText.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "section": true, "article": true,
	"table": true, "ul": true, "ol": true, "pre": true, "hr": true,
}

// tokenText is the text of a page read token by token, without building a
// tree: the fallback for pages too deeply nested to parse. It drops what
// plainHTMLText drops and starts a paragraph at every block element.
func tokenText(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out strings.Builder
	skip := map[string]int{} // open boilerplate elements by name
	skipping := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return normalizeText(out.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			raw, _ := z.TagName()
			name := string(raw)
			if boilerplate[name] && tt != html.SelfClosingTagToken {
				if tt == html.StartTagToken {
					skip[name]++
					skipping++
				} else if skip[name] > 0 {
					skip[name]--
					skipping--
				}
				continue
			}
			if blockTags[name] {
				out.WriteString("\n\n")
			}
		case html.TextToken:
			if skipping == 0 {
				if words := strings.Fields(string(z.Text())); len(words) > 0 {
					out.WriteString(strings.Join(words, " "))
					out.WriteByte(' ')
				}
			}
		}
	}
}

// measureTree returns the number of elements under n and the deepest
// nesting, walking without recursion so that depth costs no stack.
func measureTree(n *html.Node) (elements, depth int) {
	type item struct {
		n *html.Node
		d int
	}
	stack := []item{{n, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		depth = max(depth, it.d)
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				elements++
			}
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return elements, depth
}

// boilerplate are elements that are never a page's main text: navigation,
// page furniture, forms and anything that is not text for a reader. A
// <header> is one too, unless it sits inside the <article> or <main> whose
// headline it holds.
var boilerplate = map[string]bool{
	"nav": true, "footer": true, "aside": true, "form": true, "script": true,
	"style": true, "noscript": true, "template": true, "iframe": true, "svg": true, "button": true,
	"select": true, "menu": true, "dialog": true,
}

// dropBoilerplate removes the boilerplate elements under n. Readability
// scores them away on long pages but keeps them on short ones.
func dropBoilerplate(n *html.Node) {
	type item struct {
		n         *html.Node
		inArticle bool
	}
	var remove []*html.Node
	stack := []item{{n, false}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if boilerplate[c.Data] || attr(c, "role") == "navigation" || c.Data == "header" && !it.inArticle {
				remove = append(remove, c)
				continue
			}
			stack = append(stack, item{c, it.inArticle || c.Data == "article" || c.Data == "main"})
		}
	}
	for _, r := range remove {
		r.Parent.RemoveChild(r)
	}
}

// plainHTMLText is the text of a page's body without its boilerplate
// elements, in linear time.
func plainHTMLText(doc *html.Node) string {
	body := findElement(doc, "body")
	if body == nil {
		body = doc
	}
	dropBoilerplate(body)
	return normalizeText(render.InnerText(body))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// findElement returns the first element named tag in document order.
func findElement(n *html.Node, tag string) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.Data == tag {
			return n
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return nil
}

// documentTitle returns the text of <title>.
func documentTitle(doc *html.Node) string {
	t := findElement(doc, "title")
	if t == nil {
		return ""
	}
	var b strings.Builder
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return cleanTitle(b.String())
}

// normalizeLang turns "en-US" or "RU" into "en" or "ru".
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if !validLanguage(s) {
		return ""
	}
	return s
}

// isHTML reports whether b looks like an HTML document.
func isHTML(b []byte) bool {
	head := b[:min(len(b), 1024)]
	head = bytes.TrimLeft(head, "\ufeff \t\r\n")
	lower := bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<!--" || bytes.Contains(lower, []byte("<html"))
		}
	}
	return false
}
