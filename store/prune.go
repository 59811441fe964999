package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
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
	// Removed, when set, is given each batch of articles as soon as it is
	// gone (or, with DryRun, would go), oldest first; an error from it
	// stops the prune.
	Removed func([]articles.Listing) error
}

// pruneBatch is how many articles one prune transaction removes, and how
// many listings a prune holds at a time.
const pruneBatch = 1000

// Prune removes old articles, never starred or tagged ones, a batch at a
// time, oldest first, and returns how many it removed (or, with DryRun,
// would remove). Its memory does not grow with the number removed: each
// batch goes to opt.Removed and is dropped. A prune stopped by ctx keeps
// what it removed and reports it.
func (s *Store) Prune(ctx context.Context, opt PruneOptions) (int, error) {
	removed := 0
	after := ListCursor{SortKey: math.MinInt64, ID: math.MinInt64}
	for {
		batch, err := s.pruneCandidates(ctx, opt, after)
		if err != nil {
			return removed, err
		}
		if err := s.removeBatch(ctx, opt, batch); err != nil {
			return removed, err
		}
		removed += len(batch)
		if len(batch) < pruneBatch {
			break
		}
		after = CursorOf(batch[len(batch)-1])
	}
	if opt.DryRun || removed == 0 {
		return removed, nil
	}
	return removed, s.resolvePending(ctx, &Summary{})
}

// removeBatch removes one batch of a prune (unless it is a dry run) and
// hands it to opt.Removed.
func (s *Store) removeBatch(ctx context.Context, opt PruneOptions, batch []articles.Listing) error {
	if len(batch) == 0 {
		return nil
	}
	if !opt.DryRun {
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return deleteArticles(ctx, tx, listingIDs(batch)) }); err != nil {
			return fmt.Errorf("store: prune: %w", withAdvice(s.path, err))
		}
	}
	if opt.Removed != nil {
		return opt.Removed(batch)
	}
	return nil
}

// pruneCandidates reads the next batch of articles a prune removes, oldest
// first, after the given place in that order.
func (s *Store) pruneCandidates(ctx context.Context, opt PruneOptions, after ListCursor) ([]articles.Listing, error) {
	q := `SELECT ` + listColumns + ` FROM articles a LEFT JOIN state s ON s.article_id = a.id
		WHERE a.sort_key < ? AND ` + listedBefore + ` AND coalesce(s.starred, 0) = 0
		AND NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id)`
	args := []any{opt.Before.Unix(), after.SortKey, after.ID}
	if opt.Source != "" {
		q += ` AND a.source = ?`
		args = append(args, opt.Source)
	}
	return s.queryListings(ctx, "prune", q+` ORDER BY a.sort_key, a.id LIMIT ?`, append(args, pruneBatch)...)
}

// listingIDs returns the ids of listings, in their order.
func listingIDs(ls []articles.Listing) []int64 {
	ids := make([]int64, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	return ids
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
