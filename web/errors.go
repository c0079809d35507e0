package web

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"

	"github.com/inquest-project/inquest"
)

// statusOf maps each domain error code to its HTTP status.
var statusOf = map[string]int{
	inquest.ECONFLICT:     http.StatusConflict,
	inquest.EINVALID:      http.StatusBadRequest,
	inquest.ENOTFOUND:     http.StatusNotFound,
	inquest.EUNAUTHORIZED: http.StatusUnauthorized,
	inquest.EFORBIDDEN:    http.StatusForbidden,
	inquest.EINTERNAL:     http.StatusInternalServerError,
}

// Error writes err as the response: an HTML page, or a JSON object for paths
// under /api/. Only the safe message of a domain error is shown; an internal
// error is logged with the request id and the reader sees only that id.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code := inquest.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	id := requestID(r.Context())
	if code == inquest.EINTERNAL {
		s.log.Error("request failed", slog.String("request_id", id), slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	msg := inquest.ErrorMessage(err)
	if isAPI(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(apiError{Error: apiErrorBody{Code: code, Message: msg, RequestID: id}})
		return
	}
	s.render(w, r, status, "error", errorPage{Status: status, StatusText: http.StatusText(status), Message: msg, RequestID: id})
}

// apiError is the JSON API's error: {"error": {"code", "message", "request_id"}},
// described as the Error schema in openapi.json.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id,omitempty"`
}

type errorPage struct {
	Status     int
	StatusText string
	Message    string
	RequestID  string
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// notFound answers every path the route table does not know.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return inquest.Errorf(inquest.ENOTFOUND, "There is no page at %s.", r.URL.Path)
}

func (p errorPage) PageTitle() string { return p.StatusText }
