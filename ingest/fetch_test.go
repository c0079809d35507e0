package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
)

const page = `<html><head><title>Briefing of 15 January</title></head><body>
<nav>Menu Home Contacts</nav>
<article><p>At a briefing on 15 January 2022 the head of the first service of the General Prosecutor's Office, Serik Shalabaev, said that 2,000 people remained in custody and that investigators had opened cases of mass unrest, murder and attempts to seize power.</p>
<p>He said that no criminal cases of terrorism involving foreigners had been registered so far, and that the bodies of the dead were being identified with the help of relatives and forensic experts across the country.</p></article>
<footer>© Central Communications Service</footer></body></html>`

func TestFetchArchivesRawBodyAndHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Last-Modified", "Sat, 15 Jan 2022 10:00:00 GMT")
		w.Header().Set("X-Evidence", "kept")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	opt := DefaultOptions()
	opt.AllowPrivate = true
	doc, err := NewReader(opt).Read(context.Background(), srv.URL+"/briefing")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc.Original, []byte(page)) {
		t.Errorf("original is not the raw body:\n%s", doc.Original)
	}
	for _, want := range []string{"GET " + srv.URL + "/briefing\n", "HTTP/1.1 200 OK\n", "Last-Modified: Sat, 15 Jan 2022 10:00:00 GMT\n", "X-Evidence: kept\n", "Content-Type: text/html; charset=utf-8\n"} {
		if !strings.Contains(doc.Headers, want) {
			t.Errorf("headers lack %q:\n%s", want, doc.Headers)
		}
	}
	if doc.Locator != srv.URL+"/briefing" || doc.Meta.URL != doc.Locator {
		t.Errorf("locator %q, url %q; want the URL", doc.Locator, doc.Meta.URL)
	}
	if !strings.Contains(doc.Text, "no criminal cases of terrorism") || strings.Contains(doc.Text, "Menu Home") {
		t.Errorf("text:\n%s", doc.Text)
	}
	if doc.Meta.Title != "Briefing of 15 January" || doc.ContentType != "text/html; charset=utf-8" {
		t.Errorf("title %q, content type %q", doc.Meta.Title, doc.ContentType)
	}
}

func TestFetchLimits(t *testing.T) {
	big := strings.Repeat("Слова генпрокурора. ", 200) // 7,400 bytes
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("a"), 1<<20)) // a megabyte of "a" in a few KB
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		fmt.Fprint(w, big)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 10 {
			fmt.Fprint(w, big[:500])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/plain")
		w.Write(gz.Bytes())
	})
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, "arrived")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name     string
		path     string
		maxSize  int64
		redirect int
		want     []string // in the error; none means success
	}{
		{"content-length over the limit", "/big", 1024, 5, []string{"/big", "7.2 KB", "1.0 KB size limit", "--max-size"}},
		{"chunked body over the limit", "/chunked", 1024, 5, []string{"/chunked", "1.0 KB size limit", "--max-size"}},
		{"decompressed body over the limit", "/bomb", 64 << 10, 5, []string{"/bomb", "64.0 KB size limit"}},
		{"within the redirect limit", "/hop/3", 1 << 20, 3, nil},
		{"over the redirect limit", "/hop/4", 1 << 20, 3, []string{"/hop/4", "more than 3 times", "--max-redirects"}},
		{"no redirects allowed", "/hop/1", 1 << 20, 0, []string{"more than 0 times"}},
		{"redirect to a file URL", "/to-file", 1 << 20, 5, []string{"not an http(s) URL"}},
		{"not found", "/missing", 1 << 20, 5, []string{"/missing", "404"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(Options{MaxSize: tt.maxSize, MaxRedirects: tt.redirect, AllowPrivate: true})
			doc, err := r.Read(context.Background(), srv.URL+tt.path)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if doc.Text != "arrived" || !strings.Contains(doc.Headers, "GET "+srv.URL+"/hop/0") {
					t.Errorf("text %q, headers %q", doc.Text, doc.Headers)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; want one saying %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestFetchRefusesPrivateAddressesByDefault(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hit = true
		fmt.Fprint(w, "internal secrets")
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	for _, u := range []string{
		srv.URL,                          // 127.0.0.1
		"http://localhost:" + port + "/", // a name resolving to loopback
		"http://[::ffff:127.0.0.1]:" + port + "/",
		"http://0.0.0.0:" + port + "/",
	} {
		_, err := NewReader(DefaultOptions()).Read(context.Background(), u)
		if err == nil {
			t.Errorf("%s: fetched; want it refused", u)
			continue
		}
		if inquest.ErrorCode(err) != inquest.EFORBIDDEN || !strings.Contains(err.Error(), "--allow-private-addresses") {
			t.Errorf("%s: error %q (%s), want a refusal naming --allow-private-addresses", u, err, inquest.ErrorCode(err))
		}
	}
	if hit {
		t.Error("the server was reached")
	}
}

func TestForbiddenAddress(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1", "loopback"}, {"::1", "loopback"}, {"10.1.2.3", "private"}, {"192.168.0.1", "private"},
		{"172.16.5.4", "private"}, {"fd00::1", "private"}, {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"}, {"::", "unspecified"}, {"100.64.0.1", "in the carrier-grade NAT range"},
		{"::ffff:10.0.0.1", "private"}, {"64:ff9b::a00:1", "private"}, {"224.0.0.1", "link-local"}, {"239.1.2.3", "multicast"},
		{"93.184.216.34", ""}, {"2606:2800:220:1:248:1893:25c8:1946", ""}, {"8.8.8.8", ""},
	}
	for _, tt := range tests {
		if got := forbiddenAddress(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("forbiddenAddress(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}
