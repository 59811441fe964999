package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kabar/articles"
)

// Feed is a subscription: a news feed kabar fetches into the library.
type Feed struct {
	ID           int64
	URL          string
	Name         string
	FullText     bool // fetch each entry's page when the entry holds only a summary
	ETag         string
	LastModified string
	LastFetched  time.Time // zero before the first fetch
	LastError    string
	// Outlet is the outlet the feed's entries carry (the feed's own title,
	// else Name), learnt at the last fetch; source:"Name" finds them by it.
	Outlet string
}

// ErrFeedNotFound reports a feed URL or name that is not subscribed.
var ErrFeedNotFound = errors.New("no such feed")

// ErrFeedURL reports a feed address that is not an absolute http or https
// URL.
var ErrFeedURL = errors.New("a feed address must be an http:// or https:// URL with a host")

// AddFeed subscribes to a feed at an http(s) URL. The name (made one line)
// defaults to the URL.
func (s *Store) AddFeed(ctx context.Context, url, name string, fullText bool) (Feed, error) {
	f := Feed{URL: strings.TrimSpace(url), Name: articles.Line(name), FullText: fullText}
	if !articles.IsWebURL(f.URL) {
		return f, fmt.Errorf("store: add feed %q: %w", f.URL, ErrFeedURL)
	}
	if f.Name == "" {
		f.Name = f.URL
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, name, full_text, added) VALUES (?, ?, ?, ?)`,
		f.URL, f.Name, boolInt(fullText), time.Now().Unix())
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return f, fmt.Errorf("store: add feed %s: already subscribed (url or name %q taken)", f.URL, f.Name)
		}
		return f, fmt.Errorf("store: add feed %s: %w", f.URL, err)
	}
	f.ID, _ = res.LastInsertId()
	return f, nil
}

// Feeds returns every subscription, by name.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, url, name, full_text, etag, last_modified, last_fetched, last_error, outlet
		FROM feeds ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var fetched sql.NullInt64
		if err := rows.Scan(&f.ID, &f.URL, &f.Name, &f.FullText, &f.ETag, &f.LastModified, &fetched, &f.LastError, &f.Outlet); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		if fetched.Valid {
			f.LastFetched = time.Unix(fetched.Int64, 0)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// RemoveFeed unsubscribes the feed with this URL or name. Its articles stay
// in the library.
func (s *Store) RemoveFeed(ctx context.Context, urlOrName string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM feeds WHERE url = ? OR name = ?`, urlOrName, urlOrName)
	if err != nil {
		return fmt.Errorf("store: remove feed %s: %w", urlOrName, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: remove feed %s: %w", urlOrName, ErrFeedNotFound)
	}
	return nil
}

// SaveFeedFetch records the outcome of fetching a feed: the validators for
// the next conditional request (kept when empty), and the error, if any.
func (s *Store) SaveFeedFetch(ctx context.Context, id int64, etag, lastModified string, at time.Time, fetchErr error) error {
	errText := ""
	if fetchErr != nil {
		errText = articles.Line(fetchErr.Error())
	}
	_, err := s.db.ExecContext(ctx, `UPDATE feeds SET
		etag = CASE WHEN ? = '' THEN etag ELSE ? END,
		last_modified = CASE WHEN ? = '' THEN last_modified ELSE ? END,
		last_fetched = ?, last_error = ? WHERE id = ?`,
		etag, etag, lastModified, lastModified, at.Unix(), errText, id)
	if err != nil {
		return fmt.Errorf("store: save fetch of feed %d: %w", id, err)
	}
	return nil
}

// SetFeedOutlet records the outlet a feed's entries carry.
func (s *Store) SetFeedOutlet(ctx context.Context, id int64, outlet string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE feeds SET outlet = ? WHERE id = ?`, outlet, id); err != nil {
		return fmt.Errorf("store: feed %d outlet: %w", id, withAdvice(s.path, err))
	}
	return nil
}
