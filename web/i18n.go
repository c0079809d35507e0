package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The interface speaks English, Russian and Kazakh. A reader chooses by the
// URL prefix (/ru/cases/…, /kk/cases/…, /en/… for English on purpose) or, on
// an unprefixed URL, by the browser's Accept-Language. The content itself is
// shown in its original language, with translations where they are entered.

// uiLanguages are the interface languages, English first: the fallback.
var uiLanguages = []string{"en", "ru", "kk"}

// uiLanguageNames names each interface language in itself, for the switcher.
var uiLanguageNames = map[string]string{"en": "English", "ru": "Русский", "kk": "Қазақша"}

// catalogues maps a language to its translations of the English interface
// strings; i18n_ru.go and i18n_kk.go fill it.
var catalogues = map[string]map[string]string{}

// translate returns the interface string s in lang, or s itself when the
// catalogue has no translation: English is always there to fall back on.
func translate(lang, s string) string {
	if t, ok := catalogues[lang][s]; ok && t != "" {
		return t
	}
	return s
}

type langKey struct{}

// langChoice is the language a request chose by URL prefix.
type langChoice struct {
	lang   string
	prefix string
}

// langFrom returns the interface language chosen by the request's URL
// prefix, or "" when it had none.
func langFrom(ctx context.Context) string {
	c, _ := ctx.Value(langKey{}).(langChoice)
	return c.lang
}

// withLang records the language chosen by URL prefix.
func withLang(ctx context.Context, lang, prefix string) context.Context {
	return context.WithValue(ctx, langKey{}, langChoice{lang: lang, prefix: prefix})
}

// langPrefixes serves /en/…, /ru/… and /kk/… by stripping the prefix and
// handing the request back to the route table with the language recorded.
func (s *Server) langPrefixes(mux *http.ServeMux) {
	for _, l := range uiLanguages {
		prefix := "/" + l
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rest := strings.TrimPrefix(r.URL.Path, prefix)
			if rest == "" {
				rest = "/"
			}
			r2 := r.Clone(withLang(r.Context(), l, prefix))
			r2.URL.Path = rest
			r2.URL.RawPath = ""
			mux.ServeHTTP(w, r2)
		})
		mux.Handle("GET "+prefix+"/", h)
		mux.Handle("GET "+prefix+"/{$}", h)
	}
}

// templatesFor picks the template set of the request's language: its URL
// prefix, else its Accept-Language, else English.
func (s *Server) templatesFor(r *http.Request) *templateSet {
	lang, prefix := "en", ""
	if l := langFrom(r.Context()); l != "" {
		lang, prefix = l, r.Context().Value(langKey{}).(langChoice).prefix
	} else {
		lang = acceptLanguage(r.Header.Get("Accept-Language"))
	}
	for _, set := range s.pages {
		if set.lang == lang && set.prefix == prefix {
			return set
		}
	}
	return s.pages[0]
}

// acceptLanguage returns the interface language the browser prefers most,
// English when it names none of ours.
func acceptLanguage(h string) string {
	best, bestQ := "en", 0.0
	for _, part := range strings.Split(h, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		tag := strings.ToLower(strings.TrimSpace(fields[0]))
		if i := strings.IndexByte(tag, '-'); i > 0 {
			tag = tag[:i]
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					q = x
				}
			}
		}
		if _, ok := uiLanguageNames[tag]; ok && q > bestQ {
			best, bestQ = tag, q
		}
	}
	return best
}

// parseTemplateSets parses the templates once for each language with each
// kind of link: unprefixed (English by default, or chosen by
// Accept-Language) and prefixed.
func parseTemplateSets(sf *staticFiles) ([]*templateSet, error) {
	var sets []*templateSet
	for _, prefixed := range []bool{false, true} {
		for _, l := range uiLanguages {
			prefix := ""
			if prefixed {
				prefix = "/" + l
			}
			pages, err := parseTemplates(sf, l, prefix)
			if err != nil {
				return nil, err
			}
			sets = append(sets, &templateSet{lang: l, prefix: prefix, pages: pages})
		}
	}
	return sets, nil
}

// langSwitch is one entry of the language switcher.
type langSwitch struct {
	Lang    string
	Name    string
	Href    string
	Current bool
}

// languageSwitch links the page in each interface language. Live, English
// is /en/…, the explicit choice over the browser's Accept-Language; a static
// site has no Accept-Language to overrule, so there English is the
// unprefixed page and /en/ is not part of it.
func languageSwitch(r *http.Request, current string) []langSwitch {
	path := r.URL.Path
	out := make([]langSwitch, 0, len(uiLanguages))
	for _, l := range uiLanguages {
		href := "/" + l + path
		switch {
		case l == uiLanguages[0] && staticSite(r.Context()):
			href = path
		case path == "/":
			href = "/" + l + "/"
		}
		out = append(out, langSwitch{Lang: l, Name: uiLanguageNames[l], Href: href, Current: l == current})
	}
	return out
}

// tfn formats a count with the singular or plural English string, each
// translated. Russian catalogues use an abbreviation ("%d дн.") that needs
// no case agreement; Kazakh nouns do not change after a number.
func tfn(lang string, n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf(translate(lang, one), n)
	}
	return fmt.Sprintf(translate(lang, many), n)
}
