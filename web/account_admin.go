package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/inquest-project/inquest"
)

// The users page lets an administrator add users and change roles in the
// browser; `inquest user add` does the same on the command line.

type usersPageModel struct {
	Users   []*inquest.User
	Roles   []inquest.Role
	Me      *inquest.User
	CSRF    string
	Error   string
	Message string
}

func (usersPageModel) PageTitle() string { return "Users" }

var allRoles = []inquest.Role{inquest.RoleAnalyst, inquest.RoleEditor, inquest.RoleAdmin}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, r.URL.Query().Get("done"), "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, message, errMsg string) error {
	acc, _ := s.accounts()
	users, err := acc.Users(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, status, "acct_users", usersPageModel{Users: users, Roles: allRoles, Me: userFrom(r.Context()),
		CSRF: csrfToken(r.Context()), Error: errMsg, Message: message})
	return nil
}

// addUser makes a user from the form (username, role, password).
func (s *Server) addUser(w http.ResponseWriter, r *http.Request) error {
	acc, _ := s.accounts()
	u := &inquest.User{Name: strings.TrimSpace(r.PostFormValue("username")), Role: inquest.Role(r.PostFormValue("role"))}
	err := acc.CreateUser(r.Context(), u, r.PostFormValue("password"))
	if c := inquest.ErrorCode(err); c == inquest.EINVALID || c == inquest.ECONFLICT {
		return s.renderUsers(w, r, statusOf[c], "", inquest.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/w/admin/users?done=added+"+u.Name, http.StatusSeeOther)
	return nil
}

// changeRole sets a user's role. An administrator cannot lower their own
// role here, so that the last administrator cannot lock everyone out by a
// slip of the mouse.
func (s *Server) changeRole(w http.ResponseWriter, r *http.Request) error {
	acc, _ := s.accounts()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return inquest.Errorf(inquest.ENOTFOUND, "There is no user %q.", r.PathValue("id"))
	}
	role := inquest.Role(r.PostFormValue("role"))
	if me := userFrom(r.Context()); me != nil && me.ID == id && role != me.Role {
		return s.renderUsers(w, r, http.StatusBadRequest, "", "You cannot change your own role; ask another administrator.")
	}
	if err := acc.SetUserRole(r.Context(), id, role); err != nil {
		if inquest.ErrorCode(err) == inquest.EINVALID {
			return s.renderUsers(w, r, http.StatusBadRequest, "", inquest.ErrorMessage(err))
		}
		return err
	}
	// Sessions carry no role (it is read on every request), so nothing else
	// needs ending.
	http.Redirect(w, r, "/w/admin/users?done=role+changed", http.StatusSeeOther)
	return nil
}
