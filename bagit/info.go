package bagit

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Field is one "Label: value" element of bag-info.txt (or bagit.txt).
type Field struct {
	Label string
	Value string
}

// Info is the metadata of bag-info.txt in file order. Labels may repeat.
type Info []Field

// Reserved bag-info.txt labels of RFC 8493 §2.2.2 that this package fills or
// checks.
const (
	LabelSourceOrganization  = "Source-Organization"
	LabelExternalDescription = "External-Description"
	LabelExternalIdentifier  = "External-Identifier"
	LabelBaggingDate         = "Bagging-Date"
	LabelPayloadOxum         = "Payload-Oxum"
	LabelBagSize             = "Bag-Size"
)

// Get returns the value of the first field whose label matches label without
// regard to case, or "".
func (in Info) Get(label string) string {
	for _, f := range in {
		if strings.EqualFold(f.Label, label) {
			return f.Value
		}
	}
	return ""
}

// Has reports whether a field with the label exists.
func (in Info) Has(label string) bool {
	for _, f := range in {
		if strings.EqualFold(f.Label, label) {
			return true
		}
	}
	return false
}

// ParseInfo reads a tag file of "Label: value" lines. A line that starts with
// a space or tab continues the value before it (RFC 8493 §2.2.2); the folded
// parts are joined with a line feed so that a multi-line value survives a
// round trip.
func ParseInfo(r io.Reader) (Info, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxManifestLine)
	sc.Split(scanTagLines)
	var out Info
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 && strings.HasPrefix(line, "\uFEFF") {
			return nil, fmt.Errorf("line 1: starts with a byte order mark, which tag files must not have")
		}
		if line == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(out) == 0 {
				return nil, fmt.Errorf("line %d: continuation line with no label before it", n)
			}
			out[len(out)-1].Value += "\n" + strings.TrimLeft(line, " \t")
			continue
		}
		label, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("line %d: want \"Label: value\", got %q", n, clip(line))
		}
		label = strings.TrimRight(label, " \t")
		if label == "" {
			return nil, fmt.Errorf("line %d: empty label", n)
		}
		out = append(out, Field{Label: label, Value: strings.TrimLeft(value, " \t")})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// FormatInfo writes fields as "Label: value" lines, folding a value's line
// breaks into continuation lines indented by two spaces.
func FormatInfo(w io.Writer, in Info) error {
	bw := bufio.NewWriter(w)
	for _, f := range in {
		if f.Label == "" || strings.ContainsAny(f.Label, ":\r\n") || strings.TrimSpace(f.Label) != f.Label {
			return fmt.Errorf("label %q must be non-empty, without colon, line break or surrounding space", clip(f.Label))
		}
		value := strings.ReplaceAll(strings.ReplaceAll(f.Value, "\r\n", "\n"), "\r", "\n")
		lines := strings.Split(value, "\n")
		fmt.Fprintf(bw, "%s: %s\n", f.Label, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(bw, "  %s\n", l)
		}
	}
	return bw.Flush()
}
