package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/inquest-project/inquest"
	"github.com/inquest-project/inquest/store"
	"github.com/inquest-project/inquest/store/storetest"
)

func TestAdminManagesUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		admin := addUser(t, db, "root", inquest.RoleAdmin)
		addUser(t, db, "aigerim", inquest.RoleAnalyst)
		h := NewServer(db, Options{}).Handler()

		analyst := newClient(t, h)
		analyst.login("aigerim")
		if rec := analyst.do("GET", "/w/admin/users", nil); rec.Code != http.StatusForbidden {
			t.Errorf("an analyst's GET /w/admin/users = %d, want 403", rec.Code)
		}

		c := newClient(t, h)
		c.login("root")
		rec := c.do("GET", "/w/admin/users", nil)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "aigerim") || !strings.Contains(rec.Body.String(), `name="csrf" value="`+c.formToken()+`"`) {
			t.Fatalf("admin's users page = %d; want the users and forms carrying the form token", rec.Code)
		}
		rec = c.do("POST", "/w/admin/users", url.Values{"csrf": {c.formToken()}, "username": {"bolat"}, "role": {"editor"}, "password": {"short"}})
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "too short") {
			t.Errorf("adding a user with a short password = %d, want 400 saying so", rec.Code)
		}
		rec = c.do("POST", "/w/admin/users", url.Values{"csrf": {c.formToken()}, "username": {"bolat"}, "role": {"editor"}, "password": {testPassword}})
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("adding a user = %d %s", rec.Code, rec.Body.String())
		}
		bolat, err := db.UserByName(ctx, "bolat")
		if err != nil || bolat.Role != inquest.RoleEditor {
			t.Fatalf("added user = %v, %v", bolat, err)
		}
		rec = c.do("POST", "/w/admin/users/"+strconv.FormatInt(bolat.ID, 10)+"/role", url.Values{"csrf": {c.formToken()}, "role": {"analyst"}})
		if got, _ := db.UserByName(ctx, "bolat"); rec.Code != http.StatusSeeOther || got.Role != inquest.RoleAnalyst {
			t.Errorf("changing the role = %d, role now %s; want analyst", rec.Code, got.Role)
		}
		rec = c.do("POST", "/w/admin/users/"+strconv.FormatInt(admin.ID, 10)+"/role", url.Values{"csrf": {c.formToken()}, "role": {"analyst"}})
		if got, _ := db.UserByName(ctx, "root"); rec.Code != http.StatusBadRequest || got.Role != inquest.RoleAdmin {
			t.Errorf("an admin demoting themselves = %d, role now %s; want 400 and still admin", rec.Code, got.Role)
		}
		log, err := db.AuditLog(ctx, "user", bolat.ID, 0)
		if err != nil || len(log) != 2 || log[0].Actor != "root" || log[1].Action != "user.role" || log[1].Actor != "root" {
			t.Errorf("audit of the new user = %+v, %v; want user.add and user.role by root", log, err)
		}
	})
}
