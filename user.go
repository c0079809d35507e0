package inquest

import "time"

// Role is what a user may do. Each role includes the ones before it.
type Role string

// Roles.
const (
	RoleAnalyst Role = "analyst" // reviews, links, writes
	RoleEditor  Role = "editor"  // also publishes
	RoleAdmin   Role = "admin"   // also manages users
)

// Valid reports whether r is a role.
func (r Role) Valid() bool { return r == RoleAnalyst || r == RoleEditor || r == RoleAdmin }

// Includes reports whether a user with role r may act as other.
func (r Role) Includes(other Role) bool { return r.rank() >= other.rank() && other.rank() > 0 }

func (r Role) rank() int {
	switch r {
	case RoleAnalyst:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// User is someone who signs in to the workspace.
type User struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}
