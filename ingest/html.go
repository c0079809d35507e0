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

// maxHTMLElements bounds the work readability does on one page; a page with
// more elements than this is refused rather than parsed for minutes.
const maxHTMLElements = 200_000

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
	r := htmlEncoding(b, contentType).NewDecoder().Reader(bytes.NewReader(b))
	doc, err := html.ParseWithOptions(r, html.ParseOptionEnableScripting(false))
	if err != nil {
		return res, inquest.Errorf(inquest.EINVALID, "%s: HTML could not be parsed: %v", name, err)
	}
	if n := countElements(doc, maxHTMLElements+1); n > maxHTMLElements {
		return res, inquest.Errorf(inquest.EINVALID, "%s: HTML page has more than %d elements", name, maxHTMLElements)
	}
	pageTitle := documentTitle(doc)
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxHTMLElements
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
	if res.Text == "" {
		// A page too short for readability to score still has text worth
		// keeping; fall back to the body without scripts and styles.
		if body := findElement(doc, "body"); body != nil {
			res.Text = normalizeText(render.InnerText(body))
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

// countElements counts element nodes under n, stopping at limit.
func countElements(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
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
