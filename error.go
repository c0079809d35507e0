package inquest

import (
	"errors"
	"fmt"
)

// Error codes. The set is closed so that the web layer can map each to an HTTP
// status and the CLI to an exit code without guessing from message text.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
)

// Error is a domain error: a code and a message that is safe to show to a user.
// Internal causes are wrapped around it with fmt.Errorf and never shown.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the safe message of the first *Error in err's chain, or
// a generic message for internal errors, whose details stay in the logs.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// Sentinel errors that callers compare with errors.Is.
var (
	// ErrNotFound is returned by lookups of a record that does not exist.
	ErrNotFound = &Error{Code: ENOTFOUND, Message: "not found"}
	// ErrTampered is returned when archived bytes no longer match their hash.
	ErrTampered = &Error{Code: EINTERNAL, Message: "archived content does not match its hash"}
)
