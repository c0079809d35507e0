package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/inquest-project/inquest"
)

// isHTTPURL reports whether s is an absolute http or https URL with a host.
func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// looksLikeURL reports whether an argument is meant as a URL rather than a
// path, so that "ftp://x" is refused as a URL instead of missing as a file.
func looksLikeURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for _, r := range s[:i] {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '+' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// blockedAddress is the error for a connection to an address the reader may
// not reach.
type blockedAddress struct {
	addr netip.Addr
	why  string
}

func (e *blockedAddress) Error() string {
	return fmt.Sprintf("address %s is %s", e.addr, e.why)
}

// Special-purpose IPv4 ranges that netip's predicates do not cover but that
// are no more public than 10.0.0.0/8.
var blockedPrefixes = []struct {
	prefix netip.Prefix
	why    string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "in the this-network range"},
	{netip.MustParsePrefix("100.64.0.0/10"), "in the carrier-grade NAT range"},
	{netip.MustParsePrefix("192.0.0.0/24"), "in the IETF protocol range"},
	{netip.MustParsePrefix("198.18.0.0/15"), "in the benchmarking range"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
}

// forbiddenAddress says why a may not be reached, or "" when it may.
func forbiddenAddress(a netip.Addr) string {
	a = a.Unmap()
	// NAT64 (64:ff9b::/96) addresses carry an IPv4 address that the gateway
	// will reach on our behalf; judge that address.
	if a.Is6() && netip.MustParsePrefix("64:ff9b::/96").Contains(a) {
		b := a.As16()
		a = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	switch {
	case !a.IsValid():
		return "not an IP address"
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate():
		return "private"
	case a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast():
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, p := range blockedPrefixes {
		if p.prefix.Contains(a) {
			return p.why
		}
	}
	return ""
}

// guardDial runs on every connection just before it is made, with the
// address DNS resolved to. Checking here rather than on the URL's host name
// means a name that resolves to a public address when checked and to a
// private one when used (DNS rebinding) is still refused.
func guardDial(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return &blockedAddress{why: "not an IP address"}
	}
	if why := forbiddenAddress(a); why != "" {
		return &blockedAddress{addr: a.Unmap(), why: why}
	}
	return nil
}

// newClient returns the HTTP client of a Reader: a timeout for the whole
// request, a redirect limit, and, unless private addresses are allowed, the
// dial guard. It never uses a proxy from the environment: the guard checks
// the address it dials, and a proxy would hide the real destination.
func newClient(o Options) *http.Client {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = guardDial
	}
	tr := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           10,
		IdleConnTimeout:        30 * time.Second,
		TLSHandshakeTimeout:    15 * time.Second,
		ResponseHeaderTimeout:  o.Timeout,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &http.Client{
		Transport: tr,
		Timeout:   o.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return inquest.Errorf(inquest.EINVALID, "%s redirected more than %d times; raise the limit with --max-redirects if the chain is expected", via[0].URL, o.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return inquest.Errorf(inquest.EINVALID, "%s redirected to %s, which is not an http(s) URL", via[0].URL, req.URL)
			}
			return nil
		},
	}
}

// fetch reads one URL: the body exactly as served (after the transport has
// undone any gzip it asked for, which the size limit counts), the final
// status line and headers, and the text inside.
func (r *Reader) fetch(ctx context.Context, raw string) (*Document, error) {
	if !isHTTPURL(raw) {
		return nil, inquest.Errorf(inquest.EINVALID, "%s is not an http(s) URL; only http and https are fetched", raw)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, inquest.Errorf(inquest.EINVALID, "%s is not a URL that can be fetched: %v", raw, err)
	}
	req.Header.Set("User-Agent", r.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fetchError(raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, inquest.Errorf(inquest.EINVALID, "%s answered %s; nothing was stored", raw, resp.Status)
	}
	if resp.ContentLength > r.opt.MaxSize {
		return nil, tooLarge(raw, resp.ContentLength, r.opt.MaxSize)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.opt.MaxSize+1))
	if err != nil {
		return nil, fetchError(raw, err)
	}
	if int64(len(body)) > r.opt.MaxSize {
		return nil, tooLarge(raw, 0, r.opt.MaxSize)
	}
	if enc := resp.Header.Get("Content-Encoding"); enc != "" && !strings.EqualFold(enc, "identity") {
		// The transport undoes only the gzip it asked for; a server that
		// compresses unasked leaves bytes no reader could turn into text.
		return nil, inquest.Errorf(inquest.EINVALID, "%s was sent with Content-Encoding %q, which Inquest does not decode", raw, enc)
	}
	doc := &Document{
		Locator:     raw,
		Name:        raw,
		Original:    body,
		Headers:     formatHeaders(resp),
		RetrievedAt: r.opt.Now().UTC(),
		Meta:        Meta{URL: raw},
	}
	ctype := resp.Header.Get("Content-Type")
	doc.ContentType = ctype
	if ctype == "" {
		doc.ContentType = http.DetectContentType(body)
	}
	if err := r.extractText(doc, ctype, resp.Request.URL); err != nil {
		return nil, err
	}
	if doc.Meta.Publisher == "" {
		doc.Meta.Publisher = strings.TrimPrefix(resp.Request.URL.Hostname(), "www.")
	}
	return doc, nil
}

// fetchError turns a client error into one that names the URL and says what
// to do about it.
func fetchError(raw string, err error) error {
	var ie *inquest.Error
	if errors.As(err, &ie) {
		return ie
	}
	var blocked *blockedAddress
	if errors.As(err, &blocked) {
		return inquest.Errorf(inquest.EFORBIDDEN, "refusing to fetch %s: %s; pass --allow-private-addresses if this server is meant to reach it", raw, blocked.Error())
	}
	var ue *url.Error
	if errors.As(err, &ue) && ue.Timeout() {
		return inquest.Errorf(inquest.EINVALID, "fetching %s timed out; try again later", raw)
	}
	return fmt.Errorf("fetch %s: %w", raw, err)
}

// formatHeaders writes the final request URL, the status line and the
// response headers in a stable order, one per line.
func formatHeaders(resp *http.Response) string {
	var b strings.Builder
	fmt.Fprintf(&b, "GET %s\n%s %s\n", resp.Request.URL, resp.Proto, resp.Status)
	keys := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range resp.Header[k] {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	return b.String()
}

// mediaType returns the lower-case media type of a Content-Type value.
func mediaType(ctype string) string {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	}
	return mt
}
