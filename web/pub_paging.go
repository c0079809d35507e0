package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/inquest-project/inquest"
)

// Paging of the public lists that grow with the case (the case page's
// sources, contradictions, the timeline). Page 1 is the list's own URL;
// page n is that URL with /page/n after it, a path and not a query, so
// the static export writes each page as a file and reaches every item by
// following the "next" links.

// pubPageSize is how many items one page of a public list shows.
var pubPageSize = 100

// pager is the place of one page in a list, for the template.
type pager struct {
	Page, Pages int
	First, Last int // 1-based numbers of the first and last item shown
	Total       int
	Prev, Next  string // links, empty at either end
}

// Paged reports whether the list has more than one page.
func (p pager) Paged() bool { return p.Pages > 1 }

// pageNumber reads {n} of a /page/{n} route: 1 when absent. A number that
// is not a page is ENOTFOUND, as any other unknown URL.
func pageNumber(r *http.Request) (int, error) {
	v := r.PathValue("n")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 2 || strconv.Itoa(n) != v {
		// Page 1 has only the list's own URL, so that each page has one.
		return 0, inquest.Errorf(inquest.ENOTFOUND, "There is no page %q.", v)
	}
	return n, nil
}

// pageOf places page n of a list of total items, pages of size, under
// base (already carrying the language prefix). ENOTFOUND beyond the last
// page; an empty list has one, empty, page.
func pageOf(n, total, size int, base string) (pager, error) {
	pages := max(1, (total+size-1)/size)
	if n < 1 || n > pages {
		return pager{}, inquest.Errorf(inquest.ENOTFOUND, "There is no page %d: the list has %d.", n, pages)
	}
	p := pager{Page: n, Pages: pages, Total: total, First: (n-1)*size + 1, Last: min(total, n*size)}
	if n > 1 {
		p.Prev = pageLink(base, n-1)
	}
	if n < pages {
		p.Next = pageLink(base, n+1)
	}
	return p, nil
}

func pageLink(base string, n int) string {
	if n == 1 {
		return base
	}
	return fmt.Sprintf("%s/page/%d", base, n)
}

// window returns the items of page p of xs.
func window[T any](xs []T, p pager) []T {
	if p.Total == 0 {
		return nil
	}
	return xs[p.First-1 : p.Last]
}

func init() {
	for lang, words := range map[string]map[string]string{
		"ru": {"Pages": "Страницы", "Previous page": "Предыдущая страница", "Next page": "Следующая страница", "Page %d of %d, items %d–%d of %d": "Страница %d из %d, записи %d–%d из %d", "Page %d of %d": "Страница %d из %d", "Page %d": "Страница %d",
			"more on the next page": "ещё на следующей странице", "The sources of the items on this page.": "Источники записей на этой странице.", "Every source of the case": "Все источники дела"},
		"kk": {"Pages": "Беттер", "Previous page": "Алдыңғы бет", "Next page": "Келесі бет", "Page %d of %d, items %d–%d of %d": "%d/%d бет, %d–%d жазба, барлығы %d", "Page %d of %d": "%d/%d бет", "Page %d": "%d-бет",
			"more on the next page": "жалғасы келесі бетте", "The sources of the items on this page.": "Осы беттегі жазбалардың дереккөздері.", "Every source of the case": "Істің барлық дереккөздері"},
	} {
		if catalogues[lang] == nil {
			continue
		}
		for k, v := range words {
			if _, ok := catalogues[lang][k]; !ok {
				catalogues[lang][k] = v
			}
		}
	}
}
