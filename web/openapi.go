package web

import (
	_ "embed"
	"net/http"
)

// The OpenAPI 3 description of the JSON API is made from the table in
// api_routes.go and the Go types of requests and responses (by reflection,
// in openapi_gen_test.go), and kept as openapi.json beside the code,
// embedded and served as it is. TestOpenAPIDocument fails when the file and
// the table disagree (rerun it with -update to rewrite the file) and when
// any /api/v1 route registered anywhere in the package is missing from it.

//go:embed openapi.json
var openAPIJSON []byte

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*") // a description, public, for API tools anywhere
	_, err := w.Write(openAPIJSON)
	return err
}
