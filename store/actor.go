package store

import "context"

type actorKey struct{}

// WithActor returns a context whose store mutations are recorded in the audit
// log as done by name. Without it they are recorded as done by "system".
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// actorFrom returns the actor set with WithActor, or "system".
func actorFrom(ctx context.Context) string {
	if name, ok := ctx.Value(actorKey{}).(string); ok && name != "" {
		return name
	}
	return "system"
}
