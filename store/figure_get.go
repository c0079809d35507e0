package store

import (
	"context"
	"fmt"

	"github.com/inquest-project/inquest"
)

// Figure returns one figure, so that a command given only its id can find
// its case. ENOTFOUND.
func (db *DB) Figure(ctx context.Context, id int64) (*inquest.Figure, error) {
	f, err := scanFigure(db.reader().row(ctx, "SELECT "+figureColumns+" FROM figures WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("figure %d", id))
	}
	return f, nil
}
