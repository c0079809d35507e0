package bagit

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Entry is one line of a manifest: the checksum of a file and its path
// relative to the bag's base directory, slash-separated and already decoded
// from the manifest's percent-encoding.
type Entry struct {
	Checksum string // lower-case hex
	Path     string
}

// maxManifestLine bounds one manifest line, so that a hostile bag cannot make
// the parser hold an unbounded line in memory.
const maxManifestLine = 64 << 10

// ParseManifest reads a payload or tag manifest: one "checksum filepath" line
// per file, the two separated by one or more spaces or tabs. Lines may end in
// LF, CR LF or CR, as RFC 8493 allows; blank lines are skipped. A path must be
// relative, slash-separated and stay inside the bag; the same path may not be
// listed twice. Errors name the line.
func ParseManifest(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxManifestLine)
	sc.Split(scanTagLines)
	var out []Entry
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		sep := strings.IndexAny(line, " \t")
		if sep <= 0 {
			return nil, fmt.Errorf("line %d: want \"CHECKSUM PATH\", got %q", n, clip(line))
		}
		sum, rest := line[:sep], line[sep:]
		if !isHex(sum) {
			return nil, fmt.Errorf("line %d: checksum %q is not hexadecimal", n, clip(sum))
		}
		raw := strings.TrimLeft(rest, " \t")
		// Some writers prefix paths with "./"; it names the same file.
		path := strings.TrimPrefix(decodePath(raw), "./")
		if err := checkPath(path); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if first, dup := seen[path]; dup {
			return nil, fmt.Errorf("line %d: %q is already listed on line %d", n, clip(path), first)
		}
		seen[path] = n
		out = append(out, Entry{Checksum: strings.ToLower(sum), Path: path})
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, fmt.Errorf("a line is longer than %d bytes", maxManifestLine)
		}
		return nil, err
	}
	return out, nil
}

// FormatManifest writes entries as a manifest, sorted by path, with the
// characters RFC 8493 requires percent-encoded (CR, LF and %). Two spaces
// separate checksum and path, so that `sha256sum -c` also reads the file.
func FormatManifest(w io.Writer, entries []Entry) error {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	bw := bufio.NewWriter(w)
	for _, e := range sorted {
		if err := checkPath(e.Path); err != nil {
			return err
		}
		if !isHex(e.Checksum) {
			return fmt.Errorf("checksum %q of %q is not hexadecimal", clip(e.Checksum), clip(e.Path))
		}
		fmt.Fprintf(bw, "%s  %s\n", strings.ToLower(e.Checksum), encodePath(e.Path))
	}
	return bw.Flush()
}

// encodePath percent-encodes exactly the characters RFC 8493 §2.1.3 names.
func encodePath(p string) string {
	if !strings.ContainsAny(p, "%\r\n") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '%':
			b.WriteString("%25")
		case '\r':
			b.WriteString("%0D")
		case '\n':
			b.WriteString("%0A")
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

// decodePath undoes encodePath in one pass, so that "%250A" becomes "%0A" and
// not a line feed. Other percent sequences are left as they are: older bag
// writers did not encode %, and such a path can only mean itself.
func decodePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			switch strings.ToUpper(p[i+1 : i+3]) {
			case "25":
				b.WriteByte('%')
				i += 2
				continue
			case "0A":
				b.WriteByte('\n')
				i += 2
				continue
			case "0D":
				b.WriteByte('\r')
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// checkPath refuses paths that could reach outside the bag or that no file
// system can hold: absolute paths, backslashes, empty, "." and ".." segments,
// and NUL bytes.
func checkPath(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("empty file path")
	case strings.HasPrefix(p, "/"):
		return fmt.Errorf("path %q is absolute", clip(p))
	case strings.ContainsRune(p, '\\'):
		return fmt.Errorf("path %q contains a backslash; BagIt paths use /", clip(p))
	case strings.ContainsRune(p, 0):
		return fmt.Errorf("path %q contains a NUL byte", clip(p))
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "":
			return fmt.Errorf("path %q has an empty segment", clip(p))
		case ".", "..":
			return fmt.Errorf("path %q contains %q", clip(p), seg)
		}
	}
	return nil
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// scanTagLines splits lines ending in LF, CR LF or CR (RFC 8493 §2).
func scanTagLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		// CR: a following LF belongs to the same line end. If the CR is the
		// last byte read so far, ask for more to decide.
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}
