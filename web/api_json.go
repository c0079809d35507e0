package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/inquest-project/inquest"
)

// maxAPIBody bounds a JSON request body: every request of the API is a few
// fields, never a document.
const maxAPIBody = 1 << 20

// readJSON decodes the request's JSON body into v, refusing unknown fields
// (a misspelt field would otherwise be silently ignored) and trailing data.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return inquest.Errorf(inquest.EINVALID, "send the request body as JSON with Content-Type: application/json (got %q)", ct)
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAPIBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.Is(err, io.EOF):
			return inquest.Errorf(inquest.EINVALID, "the request body is empty; send a JSON object")
		case errors.As(err, &mbe):
			return inquest.Errorf(inquest.EINVALID, "the request body is larger than %d bytes", maxAPIBody)
		}
		return inquest.Errorf(inquest.EINVALID, "the request body is not the JSON expected: %v", err)
	}
	if dec.More() {
		return inquest.Errorf(inquest.EINVALID, "the request body has data after the JSON object")
	}
	return nil
}

// apiID parses the path value name as a positive record id of what.
func apiID(r *http.Request, name, what string) (int64, error) {
	v := r.PathValue(name)
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, inquest.Errorf(inquest.ENOTFOUND, "There is no %s %q.", what, v)
	}
	return id, nil
}

// queryID parses the query parameter name as an id, 0 when absent.
func queryID(r *http.Request, name string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, inquest.Errorf(inquest.EINVALID, "query parameter %s=%q is not a record id", name, v)
	}
	return id, nil
}
