package store

import "context"

// DeleteUserRow deletes a user's row as an administrator would with SQL:
// the program has no command that deletes a user, but what the schema does
// to a deleted user's jobs is the store's promise all the same.
func DeleteUserRow(ctx context.Context, db *DB, id int64) error {
	return db.inTx(ctx, func(t *tx) error {
		_, err := t.exec(ctx, "DELETE FROM users WHERE id = ?", id)
		return err
	})
}
