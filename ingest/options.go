package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/inquest-project/inquest"
)

// Defaults of the reading limits; the CLI exposes each as a flag.
const (
	DefaultMaxSize      = 50 << 20
	DefaultMaxRedirects = 5
	DefaultTimeout      = 60 * time.Second
)

// Options are the limits and permissions of a Reader.
type Options struct {
	// MaxSize is the largest document, in bytes, read from a file or a
	// response body (after decompression). Zero means DefaultMaxSize.
	MaxSize int64
	// MaxRedirects is how many HTTP redirects are followed; zero follows none.
	MaxRedirects int
	// Timeout bounds one HTTP request, body included. Zero means DefaultTimeout.
	Timeout time.Duration
	// AllowPrivate lets URLs reach loopback, private, link-local and
	// unspecified addresses. Off by default: a shared server must not be
	// turned into a probe of the network it runs in (SSRF).
	AllowPrivate bool
	// UserAgent is sent with every request.
	UserAgent string
	// Now is the clock that stamps RetrievedAt; time.Now when nil.
	Now func() time.Time
}

// DefaultOptions returns the options the CLI starts from.
func DefaultOptions() Options {
	return Options{MaxSize: DefaultMaxSize, MaxRedirects: DefaultMaxRedirects, Timeout: DefaultTimeout}
}

func (o Options) withDefaults() Options {
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.UserAgent == "" {
		o.UserAgent = "Inquest/1 (evidence archive; +https://github.com/inquest-project/inquest)"
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// tooLarge is the error for a document over the size limit. It names the
// flag that raises the limit, since the user's next step is to decide
// whether to raise it.
func tooLarge(name string, size, limit int64) error {
	if size > 0 {
		return inquest.Errorf(inquest.EINVALID, "%s is %s, over the %s size limit; raise the limit with --max-size if it should be ingested", name, FormatSize(size), FormatSize(limit))
	}
	return inquest.Errorf(inquest.EINVALID, "%s is larger than the %s size limit; raise the limit with --max-size if it should be ingested", name, FormatSize(limit))
}

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10},
	{"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10},
	{"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1},
}

// ParseSize reads a size such as "50MB", "512k" or "1048576". Units are
// binary (1 MB = 1,048,576 bytes), as file managers show sizes.
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f <= 0 || f*float64(mult) > 1<<50 {
		return 0, inquest.Errorf(inquest.EINVALID, "size %q is not a positive size such as 50MB, 512KB or 1048576", s)
	}
	return int64(f * float64(mult)), nil
}

// FormatSize writes a byte count the way ParseSize reads it.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
