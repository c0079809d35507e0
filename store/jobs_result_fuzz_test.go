package store

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/inquest-project/inquest"
)

// Whatever a worker passes as a job's result, FinishJob either refuses it
// as EINVALID or stores a JSON object of at most maxJobResult bytes, which
// every reader of the job (the page, the API, the command line) can decode
// as an object. Run with go test ./store -fuzz FuzzCheckJobResult.
func FuzzCheckJobResult(f *testing.F) {
	for _, seed := range []string{``, `null`, ` {"source_id":1,"already_archived":true} `, `{"pages":3}`, `[1]`, `"x"`, `{`, `{}`, `nullx`, "\ufeff{}", `{"a":1}{"b":2}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := checkJobResult(7, json.RawMessage(in))
		if err != nil {
			if inquest.ErrorCode(err) != inquest.EINVALID {
				t.Fatalf("checkJobResult(%q): %v, want EINVALID", in, err)
			}
			return
		}
		if got == nil {
			return // no result
		}
		s, ok := got.(string)
		if !ok || len(s) > maxJobResult {
			t.Fatalf("checkJobResult(%q) = %#v: want a string of at most %d bytes", in, got, maxJobResult)
		}
		if !utf8.ValidString(s) {
			t.Fatalf("checkJobResult(%q) accepted bytes that are not UTF-8", in)
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(s), &obj); err != nil || obj == nil {
			t.Fatalf("checkJobResult(%q) accepted %q, which is not a JSON object: %v", in, s, err)
		}
	})
}
