package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"kabar/articles"
)

// PruneOptions choose the articles Prune removes.
type PruneOptions struct {
	// Before: articles published before it (imported before it, when
	// undated) go.
	Before time.Time
	// Source limits the prune to one outlet (exact name) when set.
	Source string
	// DryRun lists what would go without removing it.
	DryRun bool
}

// pruneBatch is how many articles one prune transaction removes.
const pruneBatch = 1000

// Prune removes old articles, never starred or tagged ones, and returns
// what it removed (or, with DryRun, would remove), oldest first.
func (s *Store) Prune(ctx context.Context, opt PruneOptions) ([]articles.Listing, error) {
	q := `SELECT ` + listColumns + ` FROM articles a LEFT JOIN state s ON s.article_id = a.id
		WHERE a.sort_key < ? AND coalesce(s.starred, 0) = 0
		AND NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)`
	args := []any{opt.Before.Unix()}
	if opt.Source != "" {
		q += ` AND a.source = ?`
		args = append(args, opt.Source)
	}
	old, err := s.queryListings(ctx, "prune", q+` ORDER BY a.sort_key, a.id`, args...)
	if err != nil || opt.DryRun || len(old) == 0 {
		return old, err
	}
	for start := 0; start < len(old); start += pruneBatch {
		batch := old[start:min(start+pruneBatch, len(old))]
		ids := make([]int64, len(batch))
		for i, l := range batch {
			ids[i] = l.ID
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return deleteArticles(ctx, tx, ids) }); err != nil {
			return old[:start], fmt.Errorf("store: prune: %w", withAdvice(s.path, err))
		}
	}
	return old, s.resolvePending(ctx, &Summary{})
}

// FreeBytes is the space inside the library file that deleted articles left
// free (VACUUM gives it back to the disk).
func (s *Store) FreeBytes(ctx context.Context) (int64, error) {
	var pages, size int64
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT freelist_count FROM pragma_freelist_count), (SELECT page_size FROM pragma_page_size)`).Scan(&pages, &size); err != nil {
		return 0, fmt.Errorf("store: free space: %w", withAdvice(s.path, err))
	}
	return pages * size, nil
}

// Vacuum rewrites the library file without its free space.
func (s *Store) Vacuum(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("store: vacuum: %w", withAdvice(s.path, err))
	}
	return nil
}
