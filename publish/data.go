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

// WriteJSON writes rows as a JSON array, one object a row.
func WriteJSON(w io.Writer, rows any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(rows)
}

// WriteCSV writes rows, a slice of structs, as CSV with a header row of
// their `csv` tags. Maps and slices are written as JSON in their cell.
func WriteCSV(w io.Writer, rows any) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("write CSV: %T is not a slice", rows)
	}
	et := v.Type().Elem()
	if et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if et.Kind() != reflect.Struct {
		return fmt.Errorf("write CSV: rows of %s are not structs", et)
	}
	var cols []int
	var header []string
	for i := range et.NumField() {
		if tag := et.Field(i).Tag.Get("csv"); tag != "" && tag != "-" {
			cols = append(cols, i)
			header = append(header, tag)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	for r := range v.Len() {
		row := reflect.Indirect(v.Index(r))
		for j, i := range cols {
			rec[j] = cell(row.Field(i))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
