package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/inquest-project/inquest"
)

// The audit page shows the history of one record (or the latest changes of
// all): who changed it, when, and what it was before and after. Entries come
// from the hash-chained log the store writes in the same transaction as each
// change, with the signed-in user as the actor (requireRole sets it).

// auditQuery is the record an audit request asks about.
type auditQuery struct {
	Entity string
	ID     int64
	Limit  int
}

// auditLimitAll is how many of the latest entries show without a record.
const auditLimitAll = 200

func parseAuditQuery(r *http.Request) (auditQuery, error) {
	q := auditQuery{Entity: r.URL.Query().Get("entity")}
	if idText := r.URL.Query().Get("id"); idText != "" {
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 {
			return q, inquest.Errorf(inquest.EINVALID, "id %q is not a record number; use e.g. ?entity=statement&id=12", idText)
		}
		q.ID = id
	}
	if q.Entity == "" && q.ID != 0 {
		return q, inquest.Errorf(inquest.EINVALID, "id needs an entity: use e.g. ?entity=statement&id=%d", q.ID)
	}
	if q.Entity != "" && q.ID == 0 {
		return q, inquest.Errorf(inquest.EINVALID, "entity %q needs an id: use e.g. ?entity=%s&id=12", q.Entity, q.Entity)
	}
	return q, nil
}

// auditEntries returns the entries of q: a record's whole history, oldest
// first, or the latest entries of all, newest first.
func (s *Server) auditEntries(r *http.Request, q auditQuery) ([]*inquest.AuditEntry, error) {
	acc, ok := s.accounts()
	if !ok {
		return nil, inquest.Errorf(inquest.EINTERNAL, "this store keeps no audit log")
	}
	if q.Entity != "" {
		return acc.AuditLog(r.Context(), q.Entity, q.ID, 0)
	}
	all, err := acc.AuditLog(r.Context(), "", 0, 0)
	if err != nil {
		return nil, err
	}
	if len(all) > auditLimitAll {
		all = all[len(all)-auditLimitAll:]
	}
	for i, j := 0, len(all)-1; i < j; i, j = i+1, j-1 {
		all[i], all[j] = all[j], all[i]
	}
	return all, nil
}

// auditPageModel is the model of acct_audit.html.
type auditPageModel struct {
	Query   auditQuery
	Entries []auditRow
}

type auditRow struct {
	*inquest.AuditEntry
	BeforeText, AfterText string
}

func (p auditPageModel) PageTitle() string {
	if p.Query.Entity != "" {
		return "History of " + p.Query.Entity + " " + strconv.FormatInt(p.Query.ID, 10)
	}
	return "Latest changes"
}

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) error {
	q, err := parseAuditQuery(r)
	if err != nil {
		return err
	}
	entries, err := s.auditEntries(r, q)
	if err != nil {
		return err
	}
	p := auditPageModel{Query: q}
	for _, e := range entries {
		p.Entries = append(p.Entries, auditRow{e, prettyJSON(e.Before), prettyJSON(e.After)})
	}
	s.render(w, r, http.StatusOK, "acct_audit", p)
	return nil
}

// prettyJSON indents the JSON of a before/after, or returns it as it is.
func prettyJSON(s string) string {
	if s == "" {
		return ""
	}
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), "", "  "); err != nil {
		return s
	}
	return b.String()
}
