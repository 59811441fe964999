package store

import (
	"context"
	"database/sql"
	"fmt"

	"kabar/articles"
)

// maxOutlets is the most outlets the sources panel lists (those with most
// articles first).
const maxOutlets = 5000

// Sources returns the entries of the reader's sources panel with their
// counts: all, unread and starred articles, saved searches (uncounted: see
// SearchTally), subscribed feeds, tags, and outlets with most articles
// first. Every count is read from a table kept by triggers or an index of
// a small set, never by a scan of the library.
func (s *Store) Sources(ctx context.Context) ([]articles.Source, error) {
	c, err := s.Counts(ctx)
	if err != nil {
		return nil, err
	}
	var starredUnread int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM state WHERE starred = 1 AND read = 0`).Scan(&starredUnread); err != nil {
		return nil, fmt.Errorf("store: sources: %w", withAdvice(s.path, err))
	}
	out := []articles.Source{
		{Kind: articles.SourceAll, Name: "All articles", Total: c.Total, Unread: c.Unread},
		{Kind: articles.SourceUnread, Name: "Unread", Query: "is:unread", Total: c.Unread, Unread: c.Unread},
		{Kind: articles.SourceStarred, Name: "Starred", Query: "is:starred", Total: c.Starred, Unread: starredUnread},
	}
	saved, err := s.SavedSearches(ctx)
	if err != nil {
		return nil, err
	}
	for _, ss := range saved {
		out = append(out, articles.Source{Kind: articles.SourceSearch, Name: ss.Name, Query: ss.Query, Uncounted: true})
	}
	for _, part := range []struct {
		kind  articles.SourceKind
		field string
		q     string
	}{
		{articles.SourceFeed, "source:", `SELECT f.name, coalesce(sc.n, 0), coalesce(sc.n - sc.read_n, 0)
			FROM feeds f LEFT JOIN source_counts sc ON sc.source = f.outlet ORDER BY f.name`},
		{articles.SourceTag, "tag:", `SELECT t.name, count(*), count(*) - count(s.read = 1 OR NULL)
			FROM tags t CROSS JOIN article_tags at ON at.tag_id = t.id LEFT JOIN state s ON s.article_id = at.article_id
			GROUP BY t.id ORDER BY t.name`},
		{articles.SourceOutlet, "source:", `SELECT source, n, n - read_n FROM source_counts WHERE n > 0
			ORDER BY n DESC, source LIMIT ` + fmt.Sprint(maxOutlets)},
	} {
		rows, err := s.db.QueryContext(ctx, part.q)
		if out, err = appendSources(out, part.kind, part.field, rows, err); err != nil {
			return nil, fmt.Errorf("store: sources: %w", withAdvice(s.path, err))
		}
	}
	return out, nil
}

// appendSources adds a source of kind for each row (name, total, unread).
func appendSources(out []articles.Source, kind articles.SourceKind, field string, rows *sql.Rows, err error) ([]articles.Source, error) {
	if err != nil {
		return out, err
	}
	for rows.Next() {
		src := articles.Source{Kind: kind}
		if err := rows.Scan(&src.Name, &src.Total, &src.Unread); err != nil {
			rows.Close()
			return out, err
		}
		src.Query = field + articles.QuoteValue(src.Name)
		out = append(out, src)
	}
	return out, errorsOf(rows)
}
