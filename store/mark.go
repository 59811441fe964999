package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// MarkAllRead marks read every unread article a query matches (the whole
// library for "") and returns the ids it changed, so the change can be
// undone (SetReadOf).
func (s *Store) MarkAllRead(ctx context.Context, query string) ([]int64, error) {
	ids, err := s.unreadIDs(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("store: mark read %q: %w", query, withAdvice(s.path, err))
	}
	if err := s.SetReadOf(ctx, ids, true); err != nil {
		return nil, err
	}
	return ids, nil
}

// unreadIDs are the ids of the unread articles a query matches.
func (s *Store) unreadIDs(ctx context.Context, query string) ([]int64, error) {
	if query == "" {
		return column[int64](s.db.QueryContext(ctx, `SELECT a.id FROM articles a
			WHERE NOT EXISTS (SELECT 1 FROM state s WHERE s.article_id = a.id AND s.read = 1)`))
	}
	c, err := s.compile(ctx, query+" is:unread", false)
	if err != nil || c.empty() {
		return nil, err
	}
	q, args, _, err := s.newestFirst(ctx, c, "a.id")
	if err != nil {
		return nil, err
	}
	return column[int64](s.db.QueryContext(ctx, q, append(args, -1, 0)...))
}

// SetReadOf marks many articles read or unread in one transaction; ids no
// longer stored are skipped.
func (s *Store) SetReadOf(ctx context.Context, ids []int64, read bool) error {
	const chunk = 50000 // ids per statement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for rest := ids; len(rest) > 0; {
			n := min(len(rest), chunk)
			list, _ := json.Marshal(rest[:n])
			if _, err := tx.ExecContext(ctx, `INSERT INTO state (article_id, read)
				SELECT a.id, ? FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value WHERE true
				ON CONFLICT (article_id) DO UPDATE SET read = excluded.read`, boolInt(read), string(list)); err != nil {
				return err
			}
			rest = rest[n:]
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: mark %d articles read=%v: %w", len(ids), read, withAdvice(s.path, err))
	}
	return nil
}
