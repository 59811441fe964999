package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"kabar/articles"
)

// SavedSearch is a query kept under a name, like newsboat's query feeds.
type SavedSearch struct {
	Name, Query string
}

// ErrSearchNotFound reports a saved search name that is not saved.
var ErrSearchNotFound = errors.New("no saved search by that name")

// ErrSearchName reports an empty saved search name or query.
var ErrSearchName = errors.New("a saved search needs a name and a query")

// SaveSearch keeps a query under a name, replacing the query of a search
// saved under that name before (names compare in any case).
func (s *Store) SaveSearch(ctx context.Context, name, query string) error {
	name, query = articles.Line(name), strings.TrimSpace(articles.Line(query))
	if name == "" || query == "" {
		return fmt.Errorf("store: save search %q: %w", name, ErrSearchName)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO saved_searches (name, query, created) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET query = excluded.query`, name, query, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("store: save search %q: %w", name, withAdvice(s.path, err))
	}
	return nil
}

// SavedSearches returns the saved searches, by name.
func (s *Store) SavedSearches(ctx context.Context) ([]SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, query FROM saved_searches ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", withAdvice(s.path, err))
	}
	defer rows.Close()
	var out []SavedSearch
	for rows.Next() {
		var ss SavedSearch
		if err := rows.Scan(&ss.Name, &ss.Query); err != nil {
			return nil, fmt.Errorf("store: saved searches: %w", err)
		}
		out = append(out, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", err)
	}
	return out, nil
}

// DeleteSearch forgets a saved search.
func (s *Store) DeleteSearch(ctx context.Context, name string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM saved_searches WHERE name = ?`, articles.Line(name))
	if err != nil {
		return fmt.Errorf("store: delete saved search %q: %w", name, withAdvice(s.path, err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: delete saved search %q: %w", name, ErrSearchNotFound)
	}
	return nil
}

// SearchTally counts every article a query matches, and the unread ones
// among them (a saved search's counts).
func (s *Store) SearchTally(ctx context.Context, query string) (total, unread int, err error) {
	if total, err = s.SearchCount(ctx, query, false, 0); err != nil {
		return 0, 0, err
	}
	if total == 0 {
		return 0, 0, nil
	}
	unread, err = s.SearchCount(ctx, query+" is:unread", false, 0)
	return total, unread, err
}
