package publish

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Open data: each table is a slice of structs whose fields carry a `csv`
// tag (the column) beside their `json` tag, so that the JSON and CSV of one
// table cannot disagree about what it holds.

// WriteJSON writes rows, a slice of structs, as a JSON array, one object a
// row.
func WriteJSON(w io.Writer, rows any) error { return writeTable(w, "json", rows) }

// WriteCSV writes rows, a slice of structs, as CSV with a header row of
// their `csv` tags. Maps and slices are written as JSON in their cell.
func WriteCSV(w io.Writer, rows any) error { return writeTable(w, "csv", rows) }

func writeTable(w io.Writer, format string, rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("write %s: %T is not a slice", format, rows)
	}
	tw, err := NewTableWriter(w, format, v.Type().Elem())
	if err != nil {
		return err
	}
	if err := tw.Write(rows); err != nil {
		return err
	}
	return tw.Close()
}

// TableWriter writes a table a batch of rows at a time, exactly as
// WriteJSON and WriteCSV write it whole, so that a download of a million
// rows never holds them all.
type TableWriter struct {
	w      io.Writer
	json   bool
	row    reflect.Type
	cols   []int // the fields with a csv tag
	csv    *csv.Writer
	rec    []string
	n      int // rows written
	closed bool
}

// NewTableWriter starts a table of rows of type row (a struct, or a
// pointer to one) in format "json" or "csv".
func NewTableWriter(w io.Writer, format string, row reflect.Type) (*TableWriter, error) {
	et := row
	if et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if et.Kind() != reflect.Struct {
		return nil, fmt.Errorf("write %s: rows of %s are not structs", format, row)
	}
	t := &TableWriter{w: w, row: row}
	switch format {
	case "json":
		t.json = true
		return t, nil
	case "csv":
		var header []string
		for i := range et.NumField() {
			if tag := et.Field(i).Tag.Get("csv"); tag != "" && tag != "-" {
				t.cols = append(t.cols, i)
				header = append(header, tag)
			}
		}
		t.csv, t.rec = csv.NewWriter(w), make([]string, len(t.cols))
		return t, t.csv.Write(header)
	}
	return nil, fmt.Errorf("write table: format %q is neither json nor csv", format)
}

// Write writes rows, a slice of the table's row type.
func (t *TableWriter) Write(rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice || v.Type().Elem() != t.row {
		return fmt.Errorf("write table: %T is not a slice of %s", rows, t.row)
	}
	for r := range v.Len() {
		if err := t.writeRow(v.Index(r)); err != nil {
			return err
		}
	}
	if t.csv != nil {
		t.csv.Flush()
		return t.csv.Error()
	}
	return nil
}

func (t *TableWriter) writeRow(row reflect.Value) error {
	defer func() { t.n++ }()
	if t.json {
		// As json.Encoder with SetIndent("", " ") writes a slice: each
		// element on its own lines, indented one space.
		b, err := json.MarshalIndent(row.Interface(), " ", " ")
		if err != nil {
			return err
		}
		sep := ",\n "
		if t.n == 0 {
			sep = "[\n "
		}
		if _, err := io.WriteString(t.w, sep); err != nil {
			return err
		}
		_, err = t.w.Write(b)
		return err
	}
	row = reflect.Indirect(row)
	for j, i := range t.cols {
		t.rec[j] = cell(row.Field(i))
	}
	return t.csv.Write(t.rec)
}

// Close ends the table.
func (t *TableWriter) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	if !t.json {
		t.csv.Flush()
		return t.csv.Error()
	}
	end := "\n]\n"
	if t.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(t.w, end)
	return err
}

func cell(f reflect.Value) string {
	switch f.Kind() {
	case reflect.String:
		return neutralise(f.String())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Float64, reflect.Float32:
		return strconv.FormatFloat(f.Float(), 'f', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(f.Bool())
	case reflect.Map, reflect.Slice:
		if f.Len() == 0 {
			return ""
		}
		b, _ := json.Marshal(f.Interface())
		return string(b)
	}
	return neutralise(fmt.Sprint(f.Interface()))
}

// neutralise keeps a spreadsheet from running a cell as a formula: a quote
// that starts with = + - or @ gets a leading apostrophe (OWASP's advice on
// CSV injection). The JSON keeps the words as they were.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
